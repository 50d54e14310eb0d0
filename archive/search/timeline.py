"""Matches over time from the year and month facet counts: the bars of the results timeline (pure)."""
import calendar
import datetime
from dataclasses import dataclass

MONTHS_WITHIN_YEARS = 2  # a span of two years or less is drawn month by month


@dataclass(frozen=True)
class Bar:
    label: str  # "2019" or "2019-02"
    count: int
    date_from: datetime.date  # the period, for a link that filters to it
    date_to: datetime.date


def timeline_bars(facets: dict[str, list[tuple[str, int]]], date_from: datetime.date | None = None,
                  date_to: datetime.date | None = None) -> list[Bar]:
    """One bar per year, or per month when the date filter (else the years with matches) spans
    two years or less; every period between the first and the last is there, empty ones at 0.
    The counts are the facets' own, so the bars add up to what the facets show."""
    years = {int(year): count for year, count in facets.get("year", ()) if year.isdigit()}
    if not years and not (date_from and date_to):
        return []
    first = date_from.year if date_from else min(years)
    last = date_to.year if date_to else max(years)
    if last - first < MONTHS_WITHIN_YEARS:
        months = dict(facets.get("month", ()))
        start = date_from.month if date_from else _first_month(months, first)
        end = date_to.month if date_to else _last_month(months, last)
        bars = []
        for year in range(first, last + 1):
            for month in range(start if year == first else 1, (end if year == last else 12) + 1):
                label = f"{year:04d}-{month:02d}"
                bars.append(Bar(label, months.get(label, 0), datetime.date(year, month, 1),
                                datetime.date(year, month, calendar.monthrange(year, month)[1])))
        return bars
    return [Bar(f"{year:04d}", years.get(year, 0), datetime.date(year, 1, 1), datetime.date(year, 12, 31))
            for year in range(first, last + 1)]


def _first_month(months: dict[str, int], year: int) -> int:
    found = [int(label[5:]) for label in months if label.startswith(f"{year:04d}-")]
    return min(found, default=1)


def _last_month(months: dict[str, int], year: int) -> int:
    found = [int(label[5:]) for label in months if label.startswith(f"{year:04d}-")]
    return max(found, default=12)
