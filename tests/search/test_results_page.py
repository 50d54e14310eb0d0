"""The results page a reader reads: Chinese facet labels in a sidebar, removable filter chips,
hits over time, an empty state; and the same counts in the JSON API."""
import datetime
import html as htmllib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from archive.search.indexing import index_articles
from archive.views.timeline import MONTHS_WITHIN, period_range
from tests.factories import NewspaperFactory
from tests.search.articles import build_archive, make_article

LINK = re.compile(r'<a (?:class="[^"]*" )?href="([^"]*)"[^>]*>(.*?)</a>', re.S)


@pytest.fixture
def archive(db, search_backend):
    NewspaperFactory(slug="shanxi-daily", name="山西日报")
    articles = build_archive()
    index_articles([article.pk for article in articles.values()])
    return articles


def page(client, **params):
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def part(html, start, end):
    return html[html.index(start): html.index(end, html.index(start))]


def links(fragment):
    """(query parameters, text without tags) of each link in an HTML fragment."""
    return [
        (parse_qs(urlsplit(htmllib.unescape(href)).query), re.sub(r"<[^>]+>", "", text))
        for href, text in LINK.findall(fragment)
    ]


def test_facets_stand_in_a_sidebar_outside_main_with_chinese_values(client, archive):
    """The facet panel is an <aside> after </main>; kinds, papers, pages and dates read in Chinese."""
    html = page(client, q="汾酒")
    assert html.index("</main>") < html.index('<aside class="facets"')
    aside = part(html, '<aside class="facets"', "</aside>")
    texts = {text for _, text in links(aside)}
    assert {"新闻", "简讯", "太原日报", "山西日报", "第1版", "第3版", "2022年", "2023年5月"} <= texts
    visible = re.sub(r"<[^>]+>", " ", aside)
    assert not re.search(r"[A-Za-z]{2,}", visible), visible
    assert "<summary>类别</summary>" in aside and "<summary>报纸</summary>" in aside


def test_a_long_facet_shows_its_top_values_and_folds_the_rest_under_more(client, db, search_backend):
    """Seven reporters: five shown, two under 更多（2）."""
    names = [f"记者{n}" for n in "甲乙丙丁戊己庚"]
    articles = [make_article(headline=f"稿件{n}", body="座谈会在并举行。", date=datetime.date(2022, 1, 3),
                             names=[name]) for n, name in enumerate(names)]
    index_articles([article.pk for article in articles])
    aside = part(page(client, q="座谈会"), '<aside class="facets"', "</aside>")
    group = part(aside, "<summary>作者</summary>", "<summary>版次</summary>")
    assert "<summary>更多（2）</summary>" in group
    shown, more = group.split("<summary>更多（2）</summary>")
    assert len(links(shown)) == 5 and len(links(more)) == 2


def test_every_active_filter_is_a_chip_that_removes_only_itself(client, archive):
    """Each chip links to the same search without its filter (a date range is one chip)."""
    params = {"q": "发展", "paper": "taiyuan-daily", "kind": "news", "contributor": "梁涛", "page": "1",
              "from": "2022-01-01", "to": "2022-12-31", "sort": "newest"}
    html = page(client, **params)
    chips = links(part(html, '<div class="chips">', "</div>"))
    by_label = {text.replace("去掉筛选 ", "").rstrip("×"): query for query, text in chips}
    removed = {
        "报纸：太原日报": {"paper"}, "类别：新闻": {"kind"}, "作者：梁涛": {"contributor"},
        "版次：第1版": {"page"}, "日期：2022年": {"from", "to"}, "清除全部": {"paper", "kind", "contributor", "page", "from", "to"},
    }
    assert set(by_label) == set(removed)
    for label, gone in removed.items():
        query = by_label[label]
        assert set(query) == set(params) - gone, label
        assert all(query[key] == [params[key]] for key in query), label
    # Following a chip gives the page without that filter (and no chip for it).
    follow = next(query for label, query in by_label.items() if label == "类别：新闻")
    after = client.get(reverse("archive:search"), {key: value[0] for key, value in follow.items()}).content.decode()
    assert "类别：新闻" not in after and "报纸：太原日报" in after


def test_a_date_chip_names_its_month_or_its_ends(client, archive):
    assert "日期：2022年6月" in page(client, q="汾酒", **{"from": "2022-06-01", "to": "2022-06-30"})
    assert "日期：2022-06-02 至 2023-01-15" in page(client, q="汾酒", **{"from": "2022-06-02", "to": "2023-01-15"})
    assert "日期：2022-06-02 起" in page(client, q="汾酒", **{"from": "2022-06-02"})


def timeline_rows(html):
    """(period label, count) rows of the timeline's visually hidden table."""
    table = part(html, '<table class="visually-hidden">', "</table>")
    return [(label, int(count)) for label, count in re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', table)]


def test_timeline_counts_equal_the_month_facet_counts(client, archive, django_assert_max_num_queries):
    """Within two years the chart is by month; every month from the first to the last match is a
    row, with the month facet's count (0 where the facet has none)."""
    api = client.get(reverse("archive:api-search"), {"q": "汾酒"}).json()
    months = {item["label"]: item["count"] for item in api["facets"]["month"]}
    html = page(client, q="汾酒")
    rows = timeline_rows(html)
    assert [label for label, _ in rows] == [f"2022年{m}月" for m in range(6, 13)] + [f"2023年{m}月" for m in range(1, 6)]
    assert {label: count for label, count in rows if count} == months
    assert sum(count for _, count in rows) == sum(months.values()) == 3
    assert "<title id=\"timeline-title\">各月命中文章数：2022年6月至2023年5月</title>" in html


def test_timeline_is_by_year_beyond_two_years_and_counts_equal_the_year_facet(client, archive):
    """A match five years on makes the chart yearly, with the year facet's counts."""
    later = make_article(headline="汾酒文化节开幕", body="汾酒文化节在杏花村开幕。", date=datetime.date(2027, 9, 1))
    index_articles([later.pk])
    api = client.get(reverse("archive:api-search"), {"q": "汾酒"}).json()
    years = {item["value"]: item["count"] for item in api["facets"]["year"]}
    rows = timeline_rows(page(client, q="汾酒"))
    assert [label for label, _ in rows] == [f"{year}年" for year in range(2022, 2028)]
    assert [count for _, count in rows] == [years.get(str(year), 0) for year in range(2022, 2028)]
    assert api["timeline"]["unit"] == "year"
    assert [(p["period"], p["count"]) for p in api["timeline"]["periods"]] == [
        (str(year), years.get(str(year), 0)) for year in range(2022, 2028)
    ]


def test_each_bar_links_to_its_period_and_is_drawn_without_inline_style(client, archive):
    """A bar's link filters the same query to its month; the SVG has a title and no style attribute."""
    html = page(client, q="汾酒", kind="news")
    svg = part(html, "<svg", "</svg>")
    assert re.search(r"<svg[^>]*aria-labelledby=\"timeline-title\"", svg) and '<title id="timeline-title">' in svg
    assert "style=" not in svg and "<script" not in html.split("<main", 1)[1]
    bars = links(svg)
    assert bars, svg
    for query, _ in bars:
        assert query["q"] == ["汾酒"] and query["kind"] == ["news"]
        low, high = datetime.date.fromisoformat(query["from"][0]), datetime.date.fromisoformat(query["to"][0])
        assert (low, high) == period_range(f"{low:%Y-%m}")
    labels = re.findall(r'aria-label="([^"]+)"', svg)
    assert "2022年6月：1 篇" in labels
    # The period picked from a bar: its own bar is marked, and the axis is that year's months.
    query = next(q for q, _ in bars if q["from"] == ["2022-06-01"])
    picked = page(client, **{key: value[0] for key, value in query.items()})
    assert 'class="bar active"' in picked


def test_a_picked_year_is_charted_month_by_month(client, archive):
    """After choosing 2022 (a year facet link), the chart shows January to December of 2022."""
    rows = timeline_rows(page(client, q="汾酒", **{"from": "2022-01-01", "to": "2022-12-31"}))
    assert [label for label, _ in rows] == [f"2022年{m}月" for m in range(1, 13)]
    assert dict(rows)["2022年6月"] == 1 and dict(rows)["2022年7月"] == 1


def test_api_timeline_has_the_periods_with_their_dates(client, archive):
    """The JSON API's ``timeline``: unit, each period's count and its first and last day."""
    body = client.get(reverse("archive:api-search"), {"q": "汾酒"}).json()
    assert body["timeline"]["unit"] == "month"
    periods = body["timeline"]["periods"]
    assert len(periods) == 12 <= MONTHS_WITHIN
    assert periods[0] == {"period": "2022-06", "count": 1, "from": "2022-06-01", "to": "2022-06-30"}
    assert periods[8] == {"period": "2023-02", "count": 0, "from": "2023-02-01", "to": "2023-02-28"}
    assert sum(p["count"] for p in periods) == body["count"]
    assert {"value": "brief", "label": "简讯", "count": 1} in body["facets"]["kind"]
    assert {"value": "shanxi-daily", "label": "山西日报", "count": 1} in body["facets"]["paper"]
    assert client.get(reverse("archive:api-search"), {"q": "不存在的说法"}).json()["timeline"] is None


def test_no_match_says_so_and_offers_to_drop_the_filters(client, archive):
    """An empty result: a clear message, a way to drop the filters, no chart and no facets."""
    html = page(client, q='"汾酒集团"', kind="commentary")
    empty = part(html, '<div class="empty">', "</div>")
    assert "没有找到包含“&quot;汾酒集团&quot;”的文章" in empty
    assert "引号里的文字须原样出现" in empty
    (query, text), = links(empty)
    assert text == "去掉全部筛选条件再找" and query == {"q": ['"汾酒集团"']}
    assert "<svg" not in html and "<aside" not in html


def test_count_and_sort_are_shown(client, archive):
    html = page(client, q="汾酒", sort="oldest")
    assert '<p class="count">共 3 篇</p>' in html
    assert "<strong>最早</strong>" in html
    sorts = dict((text, query) for query, text in links(part(html, '<p class="sort">', "</p>")))
    assert sorts["最新"]["sort"] == ["newest"] and sorts["相关度"]["sort"] == ["relevance"]


def test_form_fields_each_pair_a_label_with_its_input(client, archive):
    """Every field of the form is one <p class="field"> holding its label and input, so they
    stay on one line together on a phone (static/archive/site.css)."""
    html = page(client, q="汾酒")
    fields = re.findall(r'<p class="field"><label for="([^"]+)">[^<]+</label><input id="([^"]+)"', html)
    assert [label for label, _ in fields] == ["search-from", "search-to", "search-page", "search-contributor"]
    assert all(label == field for label, field in fields)


def test_the_bare_search_page_shows_how_to_search(client, db, search_backend):
    """With nothing asked yet, the syntax hint stands under the form, not folded away."""
    form = part(page(client), '<form method="get" action="" class="search-form">', "</form>")
    assert form.index("</details>") < form.index('<p class="hint">')
    html = page(client)
    assert "<aside" not in html and "<svg" not in html
