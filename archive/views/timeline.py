"""Pure: the search's date periods (a year "2019", a month "2019-02") as date ranges and Chinese
labels, and the hits-over-time bar chart drawn from the year or month facet counts."""
import calendar
import datetime
from dataclasses import dataclass

# A range of matches within this many months is charted by month, a longer one by year.
MONTHS_WITHIN = 24
# The chart's own coordinates (SVG viewBox); the stylesheet scales it to the column's width.
WIDTH, HEIGHT = 600, 72
GAP = 0.2  # share of each bar's slot left empty between bars
MAX_BAR = 48  # a bar's widest, so that two or three periods do not make slabs


def period_range(period: str) -> tuple[datetime.date, datetime.date]:
    """"2019" → 2019-01-01 … 2019-12-31; "2019-02" → 2019-02-01 … 2019-02-28."""
    if "-" in period:
        year, month = map(int, period.split("-"))
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    year = int(period)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def period_label(period: str) -> str:
    """"2019" → 2019年; "2019-02" → 2019年2月."""
    if "-" in period:
        year, month = map(int, period.split("-"))
        return f"{year}年{month}月"
    return f"{int(period)}年"


def range_label(low: datetime.date | None, high: datetime.date | None) -> str:
    """A date filter as a reader says it: a whole year or month by name, else its two ends."""
    if low and high:
        for period in (f"{low.year:04d}", f"{low.year:04d}-{low.month:02d}"):
            if period_range(period) == (low, high):
                return period_label(period)
        return f"{low:%Y-%m-%d} 至 {high:%Y-%m-%d}"
    if low:
        return f"{low:%Y-%m-%d} 起"
    return f"至 {high:%Y-%m-%d}"


@dataclass(frozen=True)
class Bar:
    period: str  # "2019" or "2019-02"
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    # The slot the bar stands in: its link covers all of it, so a short bar is as easy to hit.
    slot_x: float
    slot_width: float


@dataclass(frozen=True)
class Timeline:
    unit: str  # "year" or "month"
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def unit_char(self) -> str:
        """年 or 月, as in 各年, 该月."""
        return "年" if self.unit == "year" else "月"

    @property
    def unit_label(self) -> str:
        return self.unit_char + "份"

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)


def _months_between(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def timeline(years: list[tuple[str, int]], months: list[tuple[str, int]],
             low: datetime.date | None = None, high: datetime.date | None = None) -> Timeline | None:
    """Bars for every period from the first with matches to the last (empty ones included, so
    the axis is even): months when they span at most MONTHS_WITHIN, else years. A date filter
    (``low``, ``high``) of at most MONTHS_WITHIN months sets the axis: all of a year's months
    after a reader picked that year. None when no match has a date."""
    months = [(period, count) for period, count in months if count]
    years = [(period, count) for period, count in years if count]
    if not years:
        return None
    spanned = _months_between(min(months)[0], max(months)[0]) if months else []
    if low and high:
        chosen = _months_between(f"{low.year:04d}-{low.month:02d}", f"{high.year:04d}-{high.month:02d}")
        if len(chosen) <= MONTHS_WITHIN and set(spanned) <= set(chosen):
            spanned = chosen
    if months and len(spanned) <= MONTHS_WITHIN:
        unit, periods, counts = "month", spanned, dict(months)
    else:
        first, last = int(min(years)[0]), int(max(years)[0])
        unit, periods, counts = "year", [f"{year:04d}" for year in range(first, last + 1)], dict(years)
    return Timeline(unit=unit, bars=_bars(periods, counts))


def _bars(periods: list[str], counts: dict[str, int]) -> list[Bar]:
    slot = WIDTH / len(periods)
    most = max(counts.values())
    bars = []
    width = min(slot * (1 - GAP), MAX_BAR)
    for index, period in enumerate(periods):
        count = counts.get(period, 0)
        # A period with any match stays visible however tall the highest bar is.
        height = max(2.0, HEIGHT * count / most) if count else 0.0
        bars.append(
            Bar(
                period=period,
                label=period_label(period),
                count=count,
                x=round(index * slot + (slot - width) / 2, 2),
                y=round(HEIGHT - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                slot_x=round(index * slot, 2),
                slot_width=round(slot, 2),
            )
        )
    return bars
