"""The haystack index: one document per Article, text pre-segmented by jieba (archive/search)."""
from haystack import indexes

from archive.models import Article
from archive.search.documents import HEADLINE_BOOST, prepare_fields
from archive.search.segment import add_words
from archive.search.userdict import ensure_loaded


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    headline = indexes.CharField(boost=HEADLINE_BOOST)
    exact_headline = indexes.CharField()
    exact_text = indexes.CharField()
    paper = indexes.CharField()
    date = indexes.DateField(null=True)
    pages = indexes.MultiValueField()
    kind = indexes.CharField()
    contributors = indexes.MultiValueField()
    needs_review = indexes.BooleanField()

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.select_related("issue__newspaper").prefetch_related("credits__contributor")

    def prepare(self, obj):
        ensure_loaded()
        names = list(dict.fromkeys(credit.contributor.name for credit in obj.credits.all()))
        add_words(names)  # a name first seen in this article is segmented whole
        data = super().prepare(obj)
        data.update(
            prepare_fields(
                headline=obj.headline,
                kicker=obj.kicker,
                subheadline=obj.subheadline,
                byline=obj.byline,
                body=obj.body,
                captions=[caption.get("text", "") for caption in obj.captions or [] if isinstance(caption, dict)],
                names=names,
                paper=obj.issue.newspaper.slug,
                date=obj.issue.date,
                pages=obj.pages or ([obj.first_page_number] if obj.first_page_number else []),
                kind=obj.kind,
                needs_review=obj.needs_review,
            )
        )
        return data
