"""What the search page shows beside its results, as links on the current query: active filters
as chips that remove them, facets as labelled groups, the timeline's bars (views/search.py)."""
from dataclasses import dataclass, field

from archive.models import Article
from archive.views.timeline import period_label, period_range, range_label, timeline

FACET_LIMIT = 20  # values of a facet ranked by count (paper, kind, contributor)
FACET_SHOWN = 5  # values shown before "更多"
FACET_LABELS = {"year": "年份", "paper": "报纸", "kind": "类别", "contributor": "作者", "page": "版次", "month": "月份"}
RANKED = {"paper", "kind", "contributor"}  # by count; the others in their own order
CLOSED = {"month", "page"}  # groups folded unless one of their values is the active filter
FILTER_PARAMS = ("paper", "kind", "page", "contributor", "from", "to")


def clean_params(query):
    """The request's parameters without empty ones (a submitted form sends every field)."""
    params = query.copy()
    for key in list(params):
        if not any(value.strip() for value in params.getlist(key)):
            del params[key]
    return params


def link(params, keep_page=False, drop=(), **changes):
    """``?query`` with ``drop`` removed and ``changes`` set; back to the first result page unless
    ``keep_page`` (another filter means other results)."""
    query = params.copy()
    if not keep_page:
        query.pop("p", None)
    for key in drop:
        query.pop(key, None)
    for key, value in changes.items():
        query[key] = str(value)
    return "?" + query.urlencode()


def _choice(params, changes) -> tuple[str, bool]:
    """The link setting ``changes``, and whether the current query has them all already."""
    return link(params, **changes), all(params.get(key) == wanted for key, wanted in changes.items())


def period_filter(period: str) -> dict:
    """The from/to parameters of a year or month."""
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


def chips(params, data, papers) -> list[Chip]:
    """The valid filters of ``data`` (a SearchForm's cleaned_data), a date range as one chip."""
    found = []
    for name in ("paper", "kind", "page", "contributor"):
        value = data.get(name)
        if value:
            found.append(Chip(FACET_LABELS[name], value_label(name, str(value), papers), link(params, drop=(name,))))
    low, high = data.get("from"), data.get("to")
    if low or high:
        found.append(Chip("日期", range_label(low, high), link(params, drop=("from", "to"))))
    return found


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


def facet_groups(params, facets, papers) -> list[FacetGroup]:
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
            url, active = _choice(params, period_filter(value) if name in ("year", "month") else {name: value})
            group.values.append(FacetValue(value_label(name, value, papers), count, url, active))
        if group.values:
            groups.append(group)
    return groups


def search_timeline(facets, data):
    """The hits-over-time chart of a search's year and month facets under its date filter
    (``data``, a SearchForm's cleaned_data), or None without dated hits."""
    return timeline(facets.get("year", []), facets.get("month", []), data.get("from"), data.get("to"))


def timeline_links(params, facets, data):
    """The hits-over-time chart with each bar's link to its period, or None without dated hits."""
    chart = search_timeline(facets, data)
    if chart is None:
        return None
    bars = []
    for bar in chart.bars:
        url, active = _choice(params, period_filter(bar.period))
        bars.append({"bar": bar, "url": url, "active": active})
    return {"chart": chart, "bars": bars}
