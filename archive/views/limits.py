"""Per-client rate limits on search and the API: ``settings.PUBLIC_RATE_LIMIT`` requests (by
default 60 a minute) from one address, counted in the shared cache; beyond it ``429`` with
``Retry-After`` (the seconds left in the window), as JSON for the API and a page for readers."""
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage

from archive.views.responses import json_response


def client_address(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or behind a proxy the header it names in
    ``settings.CLIENT_ADDRESS_HEADER`` (its last entry: the address the proxy itself saw; the
    ones before it a client can write). Rate limits and the admin's lock-out both count by it."""
    header = settings.CLIENT_ADDRESS_HEADER
    value = request.META.get(header, "") if header else ""
    return value.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")


def _client(group, request):
    return client_address(request)


def _rate(group, request):
    return settings.PUBLIC_RATE_LIMIT  # read per request, so a setting changed at run time counts


def rate_limited(group: str, *, json: bool):
    """Count each request to the view in ``group`` against its client's limit."""

    def decorate(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            usage = get_usage(request, group=group, key=_client, rate=_rate, increment=True)
            if usage is not None and usage["should_limit"]:
                return _too_many(request, retry_after=max(1, usage["time_left"]), json=json)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def _too_many(request, *, retry_after: int, json: bool):
    if json:
        response = json_response({"error": f"请求过于频繁，请在 {retry_after} 秒后再试。"}, 429)
    else:
        response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
