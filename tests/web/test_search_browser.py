"""The search results page in Chromium at a phone's and a desktop's width: the first result on the
first screen, the timeline drawn, facets beside the results on a desktop, and axe finding nothing."""
import datetime
import json

import pytest
from django.core.management import call_command

from archive.search.indexing import index_articles
from tests.factories import NewspaperFactory
from tests.search.articles import make_article
# The reader's walk's marks (browser, slow, skipped without Chromium, live-server database) and fixture.
from tests.web.test_browser import ARTIFACTS, AXE, browser, pytestmark  # noqa: F401

# A phone's screen (an iPhone 12/13/14: 390 × 844 CSS pixels) and a laptop's.
SCREENS = {"phone": (390, 844), "desktop": (1280, 800)}
# Articles of another paper beside the seeds (2022-06 … 2025-02), so the chart spans years.
RENMIN = [
    (datetime.date(2019, 2, 1), 1, "news", "坚持以高质量发展为主题", "推动经济高质量发展，是当前和今后一个时期确定发展思路的根本要求。"),
    (datetime.date(2019, 2, 12), 4, "commentary", "以改革促进发展", "改革开放是决定当代中国命运的关键一招，也是推动发展的根本动力。"),
    (datetime.date(2019, 10, 1), 2, "news", "庆祝中华人民共和国成立70周年", "七十年来，我国经济社会发展取得了历史性成就。"),
    (datetime.date(2019, 10, 9), 5, "brief", "农村电商加快发展", "各地农村电商快速发展，带动农民增收。"),
    (datetime.date(2020, 5, 22), 1, "photo", "春耕生产有序开展", "图为农民在田间劳作，农业生产稳步发展。"),
]
QUERIES = {"years": {"q": "发展"}, "months": {"q": "发展", "from": "2019-01-01", "to": "2019-12-31"}}


@pytest.fixture
def searchable(seeds_dir, django_capture_on_commit_callbacks):
    """The seed pages and a few articles of 人民日报, indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(seeds_dir), verbosity=0)
    NewspaperFactory(slug="renmin-ribao", name="人民日报", place="北京")
    articles = [make_article(headline=headline, body=body, date=date, page=page, kind=kind, paper="renmin-ribao")
                for date, page, kind, headline, body in RENMIN]
    index_articles([article.pk for article in articles])


# axe is injected as an inline script: pages that run it open with bypass_csp.
def axe_violations(page):
    """Every axe-core violation on the loaded page, whatever its impact."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [node["target"] for node in v["nodes"]][:3]}
        for v in results["violations"]
    ]


def test_results_page_reads_first_on_a_phone_and_beside_facets_on_a_desktop(searchable, live_server, browser):
    """At 390 px and 1280 px: the first result lies within the first screen, the timeline has bars,
    nothing scrolls sideways, the facets sit beside the results only on the desktop, and axe
    reports no violation of any impact. Screenshots (whole page and first screen): tests/artifacts/search-*.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    report = {}
    for device, (width, height) in SCREENS.items():
        view = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN", bypass_csp=True)
        for name, params in QUERIES.items():
            query = "&".join(f"{key}={value}" for key, value in params.items())
            view.goto(f"{live_server.url}/search/?{query}")
            first = view.locator("ol.results > li").first.bounding_box()
            bars = view.locator("svg.timeline-chart rect.bar").count()
            results = view.locator("ol.results").bounding_box()
            facets = view.locator("aside.facets").bounding_box()
            overflow = view.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            view.screenshot(path=str(ARTIFACTS / f"search-{name}-{device}.png"), full_page=True)
            view.screenshot(path=str(ARTIFACTS / f"search-{name}-{device}-first-screen.png"))
            violations = axe_violations(view)
            report[f"{name}-{device}"] = {"first_result_top": first["y"], "first_result_bottom": first["y"] + first["height"],
                                          "bars": bars, "violations": violations}
            assert first["y"] + first["height"] <= height, f"{name}: first result ends at {first} on a {width}px screen"
            assert bars >= 2, name
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
            beside = facets["x"] >= results["x"] + results["width"] and facets["y"] < results["y"] + results["height"]
            assert beside == (device == "desktop"), (name, device, facets, results)
            assert not violations, violations
        view.close()
    (ARTIFACTS / "axe-search.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))


def test_a_bar_and_a_chip_take_the_reader_there_and_back(searchable, live_server, browser):
    """Clicking a year's bar filters to that year (a chip appears); its chip's link removes it."""
    view = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    view.goto(f"{live_server.url}/search/?q=发展")
    view.locator("svg.timeline-chart a[aria-label^='2019年']").click()
    assert "from=2019-01-01" in view.url and "to=2019-12-31" in view.url
    chip = view.get_by_role("link", name="去掉筛选 日期：2019年")
    assert chip.is_visible()
    assert view.locator("svg.timeline-chart rect.bar.active").count() == 0  # now by month: no year bar
    assert view.locator("figure.timeline figcaption").inner_text().startswith("按月份")
    chip.click()
    assert "from=" not in view.url and "q=" in view.url
    assert view.get_by_role("link", name="去掉筛选 日期：2019年").count() == 0


def test_phone_form_pairs_each_label_with_its_input_on_one_line(searchable, live_server, browser):
    """At 390 px, with 更多条件 open, every label stands on the line of its own input, the inputs
    start at one x, and axe finds nothing."""
    view = browser.new_page(viewport={"width": SCREENS["phone"][0], "height": SCREENS["phone"][1]}, locale="zh-CN", bypass_csp=True)
    view.goto(f"{live_server.url}/search/?q=发展&contributor=梁涛")
    view.get_by_text("更多条件").click()
    starts = set()
    for field in ("from", "to", "page", "contributor"):
        label = view.locator(f"label[for=search-{field}]").bounding_box()
        box = view.locator(f"#search-{field}").bounding_box()
        middle = label["y"] + label["height"] / 2
        assert box["y"] <= middle <= box["y"] + box["height"], field
        assert label["x"] + label["width"] <= box["x"], field
        starts.add(round(box["x"]))
    assert len(starts) == 1, starts
    view.screenshot(path=str(ARTIFACTS / "search-form-phone.png"))
    assert not axe_violations(view)



def test_bare_page_and_empty_result_pass_axe(searchable, live_server, browser):
    """The search page before a query and a search that finds nothing (with a filter to drop):
    axe finds nothing at either width."""
    for device, (width, height) in SCREENS.items():
        view = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN", bypass_csp=True)
        for name, query in (("bare", ""), ("empty", "q=没有这样的说法&kind=news")):
            view.goto(f"{live_server.url}/search/?{query}")
            view.screenshot(path=str(ARTIFACTS / f"search-{name}-{device}.png"), full_page=True)
            assert view.locator(".empty").count() == (name == "empty")
            assert not axe_violations(view), (name, device)
        view.close()
