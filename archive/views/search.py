"""Search views (placeholder until the search issue lands)."""
urlpatterns = []
