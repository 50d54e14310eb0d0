"""Search views: the /search/ page (no JavaScript) and the /api/search/ JSON endpoint."""
from dataclasses import dataclass, field

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path

from archive import selectors
from archive.models import Article
from archive.search.forms import SearchForm
from archive.search.selectors import search_articles
from archive.views.timeline import period_label, period_range, range_label, timeline

FACET_LIMIT = 20  # values of a facet ranked by count (paper, kind, contributor)
FACET_SHOWN = 5  # values shown before "更多"
FACET_LABELS = {"year": "年份", "paper": "报纸", "kind": "类别", "contributor": "作者", "page": "版次", "month": "月份"}
RANKED = {"paper", "kind", "contributor"}  # by count; the others in their own order
CLOSED = {"month", "page"}  # groups folded unless one of their values is the active filter
FILTER_PARAMS = ("paper", "kind", "page", "contributor", "from", "to")
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


def search(request):
    """The search page: a GET form, active filters as removable chips, hits over time, results,
    facets as links in a sidebar, pagination."""
    form, result = _run(request)
    context = {"form": form, "q": request.GET.get("q", ""), "result": result}
    if result is None:
        return render(request, "search/search.html", context, status=400)
    params = _params(request.GET)
    papers = selectors.newspaper_names(slugs=[value for value, _ in result.facets.get("paper", ())]
                                       + [form.cleaned_data.get("paper") or ""])
    sort = form.cleaned_data.get("sort") or "relevance"
    context.update(
        chips=_chips(params, form.cleaned_data, papers),
        facets=_facet_groups(params, result.facets, papers),
        timeline=_timeline(params, result.facets, form.cleaned_data),
        sort_links=[(label, _link(params, sort=value), sort == value) for value, label in SORTS],
        clear_url=_link(params, drop=FILTER_PARAMS),
    )
    if result.page > 1:
        context["previous_url"] = _link(params, p=result.page - 1, keep_page=True)
    if result.page < result.pages:
        context["next_url"] = _link(params, p=result.page + 1, keep_page=True)
    return render(request, "search/search.html", context)


def api_search(request):
    """JSON: ``{"count", "results": [...], "facets": {...}, "timeline": {...}}``; 400 for invalid
    parameters (docs/api.md)."""
    form, result = _run(request)
    if result is None:
        return JsonResponse({"error": form.errors_text()}, status=400, json_dumps_params={"ensure_ascii": False})
    papers = selectors.newspaper_names(slugs=[value for value, _ in result.facets.get("paper", ())])
    data = form.cleaned_data
    chart = timeline(result.facets.get("year", []), result.facets.get("month", []), data.get("from"), data.get("to"))
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
                {"period": bar.period, "count": bar.count,
                 **{key: day.isoformat() for key, day in zip(("from", "to"), period_range(bar.period))}}
                for bar in chart.bars
            ],
        },
        "page": result.page,
        "notices": result.notices,
    }
    if result.error:
        body["error"] = result.error
    return JsonResponse(body, status=503 if result.error else 200, json_dumps_params={"ensure_ascii": False})


def _params(query):
    """The request's parameters without empty ones (a submitted form sends every field)."""
    params = query.copy()
    for key in list(params):
        if not any(value.strip() for value in params.getlist(key)):
            del params[key]
    return params


def _link(params, keep_page=False, drop=(), **changes):
    query = params.copy()
    if not keep_page:
        query.pop("p", None)
    for key in drop:
        query.pop(key, None)
    for key, value in changes.items():
        query[key] = str(value)
    return "?" + query.urlencode()


def _period_changes(period: str) -> dict:
    low, high = period_range(period)
    return {"from": low.isoformat(), "to": high.isoformat()}


def value_label(name: str, value: str, papers: dict[str, str]) -> str:
    """A facet value as a reader reads it: 2019年, 2019年2月, 第3版, 评论, the paper's name."""
    if name in ("year", "month"):
        return period_label(value)
    if name == "page":
        return f"第{value}版"
    if name == "kind":
        return Article.Kind(value).label if value in Article.Kind.values else value
    if name == "paper":
        return papers.get(value, value)
    return value


@dataclass
class Chip:
    """An active filter; ``url`` is the same search without it."""

    name: str
    value: str
    url: str


def _chips(params, data, papers) -> list[Chip]:
    chips = []
    for name in ("paper", "kind", "page", "contributor"):
        value = data.get(name)
        if value:
            chips.append(Chip(FACET_LABELS[name], value_label(name, str(value), papers), _link(params, drop=(name,))))
    low, high = data.get("from"), data.get("to")
    if low or high:
        chips.append(Chip("日期", range_label(low, high), _link(params, drop=("from", "to"))))
    return chips


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    active: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def shown(self):
        return self.values[:FACET_SHOWN]

    @property
    def more(self):
        return self.values[FACET_SHOWN:]

    @property
    def more_open(self):
        return any(value.active for value in self.more)

    @property
    def open(self):
        return self.name not in CLOSED or any(value.active for value in self.values)


def _facet_groups(params, facets, papers) -> list[FacetGroup]:
    """The facets in FACET_LABELS order, values as labelled links (a year or month sets from/to)."""
    groups = []
    for name, label in FACET_LABELS.items():
        values = facets.get(name) or []
        if name in RANKED:
            values = sorted(values, key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]
        elif name == "page":
            values = sorted(values, key=lambda item: int(item[0]))
        group = FacetGroup(name=name, label=label)
        for value, count in values:
            changes = _period_changes(value) if name in ("year", "month") else {name: value}
            active = all(params.get(key) == wanted for key, wanted in changes.items())
            group.values.append(FacetValue(value_label(name, value, papers), count, _link(params, **changes), active))
        if group.values:
            groups.append(group)
    return groups


def _timeline(params, facets, data):
    """The hits-over-time chart with each bar's link to its period, or None without dated hits."""
    chart = timeline(facets.get("year", []), facets.get("month", []), data.get("from"), data.get("to"))
    if chart is None:
        return None
    bars = []
    for bar in chart.bars:
        changes = _period_changes(bar.period)
        active = all(params.get(key) == wanted for key, wanted in changes.items())
        bars.append({"bar": bar, "url": _link(params, **changes), "active": active})
    return {"chart": chart, "bars": bars}


urlpatterns = [
    path("search/", search, name="search"),
    path("api/search/", api_search, name="api-search"),
]
