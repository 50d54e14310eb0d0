"""The results timeline: bars per year or month from the facet counts."""
import datetime

import pytest

from archive.search.backend import Filters
from archive.search.indexing import index_articles
from archive.search.selectors import search_articles
from archive.search.timeline import timeline_bars
from tests.search.articles import build_archive


@pytest.fixture
def archive(db, search_backend):
    articles = build_archive()
    index_articles([article.pk for article in articles.values()])
    return articles


def test_years_when_the_matches_span_more_than_two_years():
    """Every year from the first to the last, empty ones at 0."""
    bars = timeline_bars({"year": [("2015", 3), ("2019", 2)], "month": [("2015-01", 3), ("2019-05", 2)]})
    assert [(b.label, b.count) for b in bars] == [("2015", 3), ("2016", 0), ("2017", 0), ("2018", 0), ("2019", 2)]
    assert (bars[1].date_from, bars[1].date_to) == (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))


def test_months_within_two_years_or_a_date_range():
    """Month by month between the first and the last month, or over the filtered range."""
    facets = {"year": [("2022", 2), ("2023", 1)], "month": [("2022-11", 2), ("2023-02", 1)]}
    assert [(b.label, b.count) for b in timeline_bars(facets)] == [
        ("2022-11", 2), ("2022-12", 0), ("2023-01", 0), ("2023-02", 1)]
    ranged = timeline_bars(facets, datetime.date(2022, 12, 5), datetime.date(2023, 1, 31))
    assert [b.label for b in ranged] == ["2022-12", "2023-01"]
    assert ranged[1].date_to == datetime.date(2023, 1, 31)
    assert timeline_bars({}) == []


def test_timeline_counts_equal_the_facet_counts(archive):
    """On the real engine: the bars add up to the year facet and to the count."""
    result = search_articles(q='"韬"', filters=Filters(), per_page=50)
    months = dict(result.facets["month"])
    assert [(b.label, b.count) for b in result.timeline if b.count] == sorted(months.items())
    assert sum(b.count for b in result.timeline) == sum(n for _, n in result.facets["year"]) == result.count == 3
    assert result.timeline[0].label == "2022-06" and result.timeline[-1].label == "2023-04"
