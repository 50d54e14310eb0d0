"""Sitemaps of every issue, page and article that has a public URL (in a dated issue)."""
from django.contrib.sitemaps import Sitemap

from archive.models import Article, Issue, Page


class IssueSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Issue.objects.dated().select_related("newspaper").only("date", "newspaper__slug").order_by("pk")


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Page.objects.filter(issue__date__isnull=False)
            .select_related("issue__newspaper")
            .only("number", "issue__date", "issue__newspaper__slug")
            .order_by("pk")
        )


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.dated()
            .select_related("issue__newspaper")
            .only("number", "first_page_number", "first_page_id", "updated_at", "issue__date", "issue__newspaper__slug")
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.updated_at


SITEMAPS = {"issues": IssueSitemap, "pages": PageSitemap, "articles": ArticleSitemap}
