"""Search views: the /search/ page (no JavaScript) and the /api/search/ JSON endpoint."""
import calendar

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path

from archive.search.forms import SearchForm
from archive.search.selectors import search_articles
from archive.views.limits import rate_limited

FACET_LIMIT = 20


def _run(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    result = search_articles(
        q=data.get("q") or "",
        filters=form.filters(),
        sort=data.get("sort") or "relevance",
        page=data.get("p") or 1,
    )
    return form, result


@rate_limited("search", json=False)
def search(request):
    """The search page: a GET form, results, facets as links, pagination."""
    form, result = _run(request)
    context = {"form": form, "q": request.GET.get("q", ""), "result": result}
    if result is None:
        return render(request, "search/search.html", context, status=400)
    context["facets"] = _facet_links(request.GET, result.facets)
    context["sort_links"] = [
        (label, _link(request.GET, sort=value), (request.GET.get("sort") or "relevance") == value)
        for value, label in (("relevance", "相关度"), ("newest", "最新"), ("oldest", "最早"))
    ]
    if result.page > 1:
        context["previous_url"] = _link(request.GET, p=result.page - 1, keep_page=True)
    if result.page < result.pages:
        context["next_url"] = _link(request.GET, p=result.page + 1, keep_page=True)
    return render(request, "search/search.html", context)


@rate_limited("api", json=True)
def api_search(request):
    """JSON: ``{"count", "results": [...], "facets": {...}}``; 400 for invalid parameters."""
    form, result = _run(request)
    if result is None:
        return JsonResponse({"error": form.errors_text()}, status=400, json_dumps_params={"ensure_ascii": False})
    body = {
        "count": result.count,
        "count_exact": result.count_exact,
        "results": [
            {
                "id": hit.id,
                "url": hit.url,
                "headline": hit.headline,
                "date": hit.date.isoformat() if hit.date else None,
                "pages": hit.pages,
                "snippet": hit.snippet,
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in result.facets.items()
        },
        "page": result.page,
        "notices": result.notices,
    }
    if result.error:
        body["error"] = result.error
    return JsonResponse(body, status=503 if result.error else 200, json_dumps_params={"ensure_ascii": False})


def _link(params, keep_page=False, **changes):
    query = params.copy()
    if not keep_page:
        query.pop("p", None)
    for key, value in changes.items():
        query[key] = str(value)
    return "?" + query.urlencode()


def _facet_links(params, facets):
    """Facet values as (label, count, url, active) links; years and months set from/to."""
    links = {}
    for name, values in facets.items():
        if name in ("kind", "contributor", "paper"):
            values = sorted(values, key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]
        elif name == "page":
            values = sorted(values, key=lambda item: int(item[0]))
        items = []
        for value, count in values:
            if name == "year":
                changes = {"from": f"{value}-01-01", "to": f"{value}-12-31"}
                active = params.get("from") == changes["from"] and params.get("to") == changes["to"]
            elif name == "month":
                year, month = map(int, value.split("-"))
                last = calendar.monthrange(year, month)[1]
                changes = {"from": f"{value}-01", "to": f"{value}-{last:02d}"}
                active = params.get("from") == changes["from"] and params.get("to") == changes["to"]
            else:
                changes = {name: value}
                active = params.get(name) == value
            items.append((value, count, _link(params, **changes), active))
        links[name] = items
    return links


urlpatterns = [
    path("search/", search, name="search"),
    path("api/search/", api_search, name="api-search"),
]
