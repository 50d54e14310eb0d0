"""The archive's URLs (DESIGN.md, "Public URLs"). Search comes first: /search/ is not a paper;
then the API, feeds and sitemaps, whose first segments are not papers either."""
from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from archive.feeds import ContributorFeed, PaperFeed
from archive.sitemaps import SITEMAPS
from archive.views.api import urlpatterns as api_urlpatterns
from archive.views.search import urlpatterns as search_urlpatterns
from archive.views.site import urlpatterns as site_urlpatterns

app_name = "archive"

feed_urlpatterns = [
    path("feeds/people/<str:name>/", ContributorFeed(), name="contributor_feed"),
    path("feeds/<slug:paper>/", PaperFeed(), name="paper_feed"),
]

sitemap_urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "archive:sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
]

urlpatterns = [*search_urlpatterns, *api_urlpatterns, *feed_urlpatterns, *sitemap_urlpatterns, *site_urlpatterns]
