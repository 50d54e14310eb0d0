"""Query features against the real Xapian engine: words, phrases, exclusion, OR, filters,
facets, sorting, pagination, ranking and snippets."""
import datetime
import pickle

import pytest
from django.core.management import call_command

from archive.models import Article
from archive.search.backend import Filters
from archive.search.indexing import index_articles, remove_articles
from archive.search.selectors import search_articles
from tests.search.articles import build_archive, make_article


@pytest.fixture
def archive(db, search_backend):
    articles = build_archive()
    index_articles([article.pk for article in articles.values()])
    return articles


def ids(q="", per_page=50, **kwargs):
    sort = kwargs.pop("sort", "relevance")
    page = kwargs.pop("page_number", 1)
    result = search_articles(q=q, filters=Filters(**kwargs), sort=sort, page=page, per_page=per_page)
    return [hit.id for hit in result.hits]


def test_all_words_must_match(archive):
    """Several words find only the articles containing every one."""
    assert ids("韦韬 汾酒集团") == [archive["fenjiu"].pk]
    assert len(ids("韦韬")) == 3


def test_phrase_matches_only_the_contiguous_string(archive):
    """"高质量发展" in quotes skips an article with 高质量 and 发展 apart; unquoted finds it."""
    words = ids("高质量发展")
    phrase = ids('"高质量发展"')
    assert archive["separate"].pk in words
    assert archive["separate"].pk not in phrase
    assert {archive["fenjiu"].pk, archive["traditional"].pk, archive["commentary"].pk} == set(phrase)
    assert len(words) > len(phrase)


def test_phrase_does_not_cross_punctuation(archive):
    """A phrase never matches two words separated by a comma (稳住,市场 is not 稳住市场)."""
    assert ids("稳住 市场") == [archive["separate"].pk]
    assert ids('"稳住市场"') == []


def test_minus_excludes(archive):
    """-汾酒 removes the articles that mention 汾酒."""
    assert set(ids("韦韬 -汾酒")) == {archive["liberation"].pk}


def test_or_matches_either(archive):
    """牛驼寨 OR 烟火气 finds both articles."""
    assert set(ids("牛驼寨 OR 烟火气")) == {archive["liberation"].pk, archive["yanhuoqi"].pk}


def test_headline_is_boosted(archive):
    """An article with the word in its headline ranks above one with it once in the body."""
    found = ids("汾酒")
    assert found.index(archive["other_paper"].pk) < found.index(archive["traditional"].pk)


def test_filters(archive):
    """Paper, date range, any page the article runs over, kind and contributor filter."""
    assert ids("汾酒", paper="shanxi-daily") == [archive["other_paper"].pk]
    assert set(ids("韦韬", date_from=datetime.date(2022, 6, 1), date_to=datetime.date(2022, 12, 31))) == {
        archive["fenjiu"].pk, archive["traditional"].pk}
    assert ids("韦韬", page=3) == [archive["fenjiu"].pk]
    assert ids("", kind="commentary") == [archive["commentary"].pk]
    assert set(ids("", contributor="殷雪鸢")) == {archive["liberation"].pk, archive["separate"].pk}


def test_facet_counts(archive):
    """Facets count matching articles per year, month, page, kind, contributor and paper."""
    facets = search_articles(q="", filters=Filters(paper="taiyuan-daily")).facets
    assert dict(facets["year"]) == {"2022": 3, "2023": 3}
    assert dict(facets["month"])["2022-06"] == 2
    assert dict(facets["page"]) == {"1": 2, "2": 2, "3": 1, "4": 1, "5": 1}
    assert dict(facets["kind"]) == {"news": 4, "brief": 1, "commentary": 1}
    assert dict(facets["contributor"]) == {"殷雪莹": 1, "梁涛": 3, "殷雪鸢": 2}
    assert dict(facets["paper"]) == {"taiyuan-daily": 6}


def test_facets_count_every_name_of_an_article(archive):
    """An article's third name counts as its first does; kind and paper, which share a value
    slot, are counted apart."""
    article = make_article(headline="三人合写", body="正文。", date=datetime.date(2024, 1, 2), kind="brief",
                           paper="shanxi-daily", names=["梁涛", "甲乙", "丙丁"])
    index_articles([article.pk])
    facets = search_articles(q="", filters=Filters(paper="shanxi-daily")).facets
    assert dict(facets["contributor"]) == {"梁涛": 1, "甲乙": 1, "丙丁": 1}
    assert dict(facets["kind"]) == {"news": 1, "brief": 1}
    assert dict(facets["paper"]) == {"shanxi-daily": 2}
    assert dict(search_articles(q="", filters=Filters(contributor="梁涛")).facets["contributor"])["梁涛"] == 4


def test_sort_by_date(archive):
    """newest and oldest order by the issue date."""
    dates = {a.pk: a.issue.date for a in Article.objects.select_related("issue")}
    newest = [dates[pk] for pk in ids("韦韬", sort="newest")]
    oldest = [dates[pk] for pk in ids("韦韬", sort="oldest")]
    assert newest == sorted(newest, reverse=True) and newest != oldest
    assert oldest == sorted(oldest)


def test_pagination(archive):
    """Pages of one result each walk through all matches once."""
    everything = ids("韦韬", sort="oldest")
    paged = [ids("韦韬", sort="oldest", per_page=1, page_number=n)[0] for n in (1, 2, 3)]
    assert paged == everything
    result = search_articles(q="韦韬", filters=Filters(), page=2, per_page=1)
    assert result.count == 3 and result.pages == 3


def test_snippet_is_original_text_with_marks(archive):
    """The snippet is cut from the original (traditional) text, marks the match, escapes HTML."""
    hit = search_articles(q="韦韬", filters=Filters(kind="brief")).hits[0]
    assert "<mark>韋韜</mark>" in hit.snippet
    commentary = search_articles(q="任务", filters=Filters(kind="commentary")).hits[0]
    assert "&lt;b&gt;评论&lt;/b&gt;" in commentary.snippet
    assert "<mark>任务</mark>" in commentary.snippet


def test_result_fields(archive):
    """A hit carries headline, date, pages, contributors and the article URL."""
    hit = search_articles(q="汾酒集团", filters=Filters()).hits[0]
    article = archive["fenjiu"]
    assert (hit.headline, hit.date, hit.pages) == (article.headline, datetime.date(2022, 6, 2), [1, 3])
    assert hit.contributors == ["殷雪莹", "梁涛"]
    assert hit.url == article.get_absolute_url()


def test_index_articles_removes_deleted_ids(archive, search_backend):
    """index_articles drops ids whose Article is gone; remove_articles removes given ids."""
    gone = archive["yanhuoqi"].pk
    Article.objects.filter(pk=gone).delete()
    index_articles([gone, archive["fenjiu"].pk])
    assert ids("烟火气") == []
    assert search_backend.document_count() == 6
    remove_articles([archive["fenjiu"].pk])
    assert search_backend.document_count() == 5


def test_reindexing_an_edited_article_replaces_it(archive, search_backend):
    """Re-indexing after an edit finds the new words and not the old ones."""
    article = archive["liberation"]
    article.body = "纪念活动改期举行。"
    article.save()
    index_articles([article.pk])
    assert ids("牛驼寨") == []
    assert ids("改期") == [article.pk]
    assert search_backend.document_count() == 7


def test_rebuild_index_command(archive, search_backend):
    """haystack's rebuild_index builds the same searchable index."""
    search_backend.clear()
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert search_backend.document_count() == 7
    assert set(ids("汾酒")) == {archive["fenjiu"].pk, archive["traditional"].pk, archive["other_paper"].pk}


def test_documents_store_only_the_folded_lines(archive, search_backend):
    """Document data holds the id and the folded lines quoted strings are checked on: no
    display text (韋韜 is stored as 韦韬, without spaces)."""
    database = search_backend.open()
    stored = {}
    for posting in database.postlist(""):
        document = database.get_document(posting.docid)
        app, model, pk, data = pickle.loads(document.get_data())
        assert (app, model, set(data)) == ("archive", "article", {"lines"})
        stored[pk] = data["lines"]
    traditional = archive["traditional"]
    assert stored[traditional.pk] == "韦韬调研汾河治理\n韦韬强调,要推动高质量发展,守护汾河生态,支持汾酒品牌。"
    assert " " not in stored[archive["liberation"].pk]
