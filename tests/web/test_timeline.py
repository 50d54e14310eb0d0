"""The hits-over-time chart and date periods (pure: no database)."""
import datetime

import pytest

from archive.views.timeline import HEIGHT, MONTHS_WITHIN, WIDTH, period_label, period_range, range_label, timeline

D = datetime.date


@pytest.mark.parametrize("period, low, high, label", [
    ("2019", D(2019, 1, 1), D(2019, 12, 31), "2019年"),
    ("2019-02", D(2019, 2, 1), D(2019, 2, 28), "2019年2月"),
    ("2020-02", D(2020, 2, 1), D(2020, 2, 29), "2020年2月"),
    ("1949-10", D(1949, 10, 1), D(1949, 10, 31), "1949年10月"),
])
def test_periods_have_their_first_and_last_day_and_a_chinese_label(period, low, high, label):
    assert period_range(period) == (low, high)
    assert period_label(period) == label


@pytest.mark.parametrize("low, high, label", [
    (D(2019, 1, 1), D(2019, 12, 31), "2019年"),
    (D(2019, 2, 1), D(2019, 2, 28), "2019年2月"),
    (D(2019, 2, 1), D(2019, 2, 27), "2019-02-01 至 2019-02-27"),
    (D(2019, 1, 1), D(2020, 12, 31), "2019-01-01 至 2020-12-31"),
    (D(2019, 2, 1), None, "2019-02-01 起"),
    (None, D(2019, 2, 1), "至 2019-02-01"),
])
def test_a_date_filter_is_named_as_a_reader_says_it(low, high, label):
    assert range_label(low, high) == label


def test_no_dated_match_means_no_chart():
    assert timeline([], []) is None
    assert timeline([("2019", 0)], [("2019-02", 0)]) is None


def test_within_two_years_the_chart_is_by_month_with_empty_months_between():
    chart = timeline([("2019", 3), ("2020", 1)], [("2019-02", 2), ("2019-10", 1), ("2020-01", 1)])
    assert chart.unit == "month"
    assert [bar.period for bar in chart.bars] == [f"2019-{m:02d}" for m in range(2, 13)] + ["2020-01"]
    assert {bar.period: bar.count for bar in chart.bars if bar.count} == {"2019-02": 2, "2019-10": 1, "2020-01": 1}
    assert chart.total == 4


def test_beyond_two_years_the_chart_is_by_year_with_empty_years_between():
    months = [("2019-02", 2), (f"{2019 + MONTHS_WITHIN // 12}-02", 1)]  # 25 months apart
    chart = timeline([("2019", 2), ("2021", 1)], months)
    assert chart.unit == "year"
    assert [(bar.period, bar.count) for bar in chart.bars] == [("2019", 2), ("2020", 0), ("2021", 1)]


def test_exactly_two_years_of_months_is_still_by_month():
    chart = timeline([("2019", 1), ("2020", 1)], [("2019-01", 1), ("2020-12", 1)])
    assert chart.unit == "month" and len(chart.bars) == MONTHS_WITHIN


def test_a_chosen_year_shows_all_its_months():
    chart = timeline([("2019", 1)], [("2019-06", 1)], D(2019, 1, 1), D(2019, 12, 31))
    assert [bar.period for bar in chart.bars] == [f"2019-{m:02d}" for m in range(1, 13)]
    # A range wider than two years does not stretch the axis beyond the matches.
    wide = timeline([("2019", 1)], [("2019-06", 1)], D(2010, 1, 1), D(2019, 12, 31))
    assert [bar.period for bar in wide.bars] == ["2019-06"]


def test_bars_fill_the_width_in_order_and_their_height_follows_the_count():
    chart = timeline([("2019", 1), ("2020", 0), ("2021", 4), ("2022", 2)], [("2019-01", 1), ("2022-12", 2)])
    bars = chart.bars
    assert [bar.slot_x for bar in bars] == [0, 150, 300, 450] and all(bar.slot_width == 150 for bar in bars)
    assert all(bar.slot_x < bar.x and bar.x + bar.width < bar.slot_x + bar.slot_width for bar in bars)
    heights = {bar.period: bar.height for bar in bars}
    assert heights == {"2019": HEIGHT / 4, "2020": 0, "2021": HEIGHT, "2022": HEIGHT / 2}
    assert all(bar.y + bar.height == HEIGHT for bar in bars)
    assert bars[-1].slot_x + bars[-1].slot_width == WIDTH


def test_a_single_match_among_thousands_stays_visible():
    chart = timeline([("2019", 5000), ("2020", 1)], [("2019-01", 5000), ("2020-01", 1)])
    small = next(bar for bar in chart.bars if bar.count == 1)
    assert small.height >= 2
