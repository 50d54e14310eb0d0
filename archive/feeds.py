"""Atom feeds of the latest articles: per paper and per contributor."""
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive import selectors
from archive.models import Credit

FEED_LENGTH = 50
SUMMARY_LENGTH = 200


class ArticleFeed(Feed):
    """What both feeds share: one entry per article, its opening as the summary."""

    feed_type = Atom1Feed

    def item_title(self, article):
        return article.headline or "（续文）"

    def item_description(self, article):
        return article.body[:SUMMARY_LENGTH]

    def item_link(self, article):
        return article.get_absolute_url()

    def item_guid(self, article):
        return article.get_absolute_url()

    def item_pubdate(self, article):
        return article.updated_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        # Writers only: designers, editors and photographers are credited, not authors.
        names = [c.contributor.name for c in article.credits.all() if c.role in (Credit.Role.REPORTER, Credit.Role.AUTHOR)]
        return "、".join(names) or None

    def item_categories(self, article):
        return [article.issue.newspaper.name, article.page_label]


class PaperFeed(ArticleFeed):
    def get_object(self, request, paper):
        return selectors.newspaper_get(slug=paper)

    def title(self, paper):
        return f"{paper.name} · 最新文章"

    def link(self, paper):
        return paper.get_absolute_url()

    def feed_url(self, paper):
        return reverse("archive:paper_feed", kwargs={"paper": paper.slug})

    def items(self, paper):
        return selectors.article_latest(paper=paper, limit=FEED_LENGTH)


class ContributorFeed(ArticleFeed):
    def get_object(self, request, name):
        return selectors.contributor_get(name=name)

    def title(self, person):
        return f"{person.name}的文章"

    def link(self, person):
        return person.get_absolute_url()

    def feed_url(self, person):
        return reverse("archive:contributor_feed", kwargs={"name": person.name})

    def items(self, person):
        return selectors.article_latest(contributor=person, limit=FEED_LENGTH)
