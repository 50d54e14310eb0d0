"""Moved public URLs: a 404 whose path an editor's correction moved answers 301 to the new path
(readers' bookmarks and citations keep working). Like django.contrib.redirects' fallback
middleware, without the sites framework (which would change the sitemaps' domain)."""
from django.http import HttpResponsePermanentRedirect

from archive.models import MovedPath


class MovedPathFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        new_path = MovedPath.objects.filter(old_path=request.path).values_list("new_path", flat=True).first()
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
