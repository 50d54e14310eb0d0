"""The archive's URLs (DESIGN.md, "Public URLs"). Search comes first: /search/ is not a paper."""
from archive.views.search import urlpatterns as search_urlpatterns
from archive.views.site import urlpatterns as site_urlpatterns

app_name = "archive"
urlpatterns = [*search_urlpatterns, *site_urlpatterns]
