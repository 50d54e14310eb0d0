"""Search views: the /search/ page (no JavaScript) and the /api/search/ JSON endpoint."""
from django.shortcuts import render
from django.urls import path

from archive import selectors
from archive.search.forms import SearchForm
from archive.search.selectors import search_articles
from archive.views.limits import rate_limited
from archive.views.responses import json_response
from archive.views.search_links import (
    FILTER_PARAMS, chips, clean_params, facet_groups, link, period_filter, search_timeline, timeline_links,
    value_label,
)

SORTS = (("relevance", "相关度"), ("newest", "最新"), ("oldest", "最早"))


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
    """The search page: a GET form, active filters as removable chips, hits over time, results,
    facets as links in a sidebar, pagination."""
    form, result = _run(request)
    context = {"form": form, "q": request.GET.get("q", ""), "result": result}
    if result is None:
        return render(request, "search/search.html", context, status=400)
    params = clean_params(request.GET)
    papers = selectors.newspaper_names(slugs=[value for value, _ in result.facets.get("paper", ())]
                                       + [form.cleaned_data.get("paper") or ""])
    sort = form.cleaned_data.get("sort") or "relevance"
    context.update(
        chips=chips(params, form.cleaned_data, papers),
        facets=facet_groups(params, result.facets, papers),
        timeline=timeline_links(params, result.facets, form.cleaned_data),
        sort_links=[(label, link(params, sort=value), sort == value) for value, label in SORTS],
        clear_url=link(params, drop=FILTER_PARAMS),
    )
    if result.page > 1:
        context["previous_url"] = link(params, p=result.page - 1, keep_page=True)
    if result.page < result.pages:
        context["next_url"] = link(params, p=result.page + 1, keep_page=True)
    return render(request, "search/search.html", context)


@rate_limited("api", json=True)
def api_search(request):
    """JSON: ``{"count", "results": [...], "facets": {...}, "timeline": {...}}``; 400 for invalid
    parameters (docs/api.md)."""
    form, result = _run(request)
    if result is None:
        return json_response({"error": form.errors_text()}, 400)
    papers = selectors.newspaper_names(slugs=[value for value, _ in result.facets.get("paper", ())])
    chart = search_timeline(result.facets, form.cleaned_data)
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
            name: [{"value": value, "label": value_label(name, value, papers), "count": count}
                   for value, count in values]
            for name, values in result.facets.items()
        },
        "timeline": chart and {
            "unit": chart.unit,
            "periods": [
                {"period": bar.period, "count": bar.count, **period_filter(bar.period)}
                for bar in chart.bars
            ],
        },
        "page": result.page,
        "notices": result.notices,
    }
    if result.error:
        body["error"] = result.error
    return json_response(body, 503 if result.error else 200)


urlpatterns = [
    path("search/", search, name="search"),
    path("api/search/", api_search, name="api-search"),
]
