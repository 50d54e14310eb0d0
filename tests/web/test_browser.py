"""A reader in Chromium: home → a day → page 1 → an article that jumps → the jump; screenshots and axe-core."""
import json
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
WIDTHS = {"phone": 390, "desktop": 1280}
# Summed layout-shift score over a page load; web.dev calls under 0.1 "good", we hold ourselves to none.
MAX_LAYOUT_SHIFT = 0.01
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/install-browser.sh"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def serious_violations(page):
    """axe-core's serious and critical violations on the loaded page, and a summary of its run."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "first": v["nodes"][0]["target"]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    return serious, {"violations": [v["id"] for v in results["violations"]], "rules_passed": len(results["passes"])}


def test_reader_follows_a_jump_and_pages_pass_axe(seeded, front_page, live_server, browser):
    """A reader reaches a lead story from the home page and follows 转第3版; no page has serious axe violations.

    The seeds are front pages whose jumps lead to pages not in the archive, so the walk uses the
    factory-built 2021-03-03 issue (page 1 → page 3); the screenshots and axe run on the seeds.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": WIDTHS["desktop"], "height": 900})
    page.goto(live_server.url)
    page.get_by_role("link", name="2021年3月3日").first.click()
    assert page.url.endswith("/taiyuan-daily/2021-03-03/")
    page.get_by_role("link", name="第1版 · 要闻").click()
    assert page.url.endswith("/taiyuan-daily/2021-03-03/1/")
    page.get_by_role("link", name="太原忻州两市人大常委会协作工作座谈会举行").click()
    assert page.url.endswith("/taiyuan-daily/2021-03-03/1/1/")
    page.get_by_role("link", name="转第3版").click()
    assert page.url.endswith("/1/1/#p3")
    continuation = page.locator("#p3")
    assert continuation.is_visible()
    assert "决贯彻省委决策部署" in continuation.inner_text()
    assert 0 <= continuation.bounding_box()["y"] < 900  # the part printed on page 3 is in view

    stops = {
        "home": "/",
        "calendar": "/taiyuan-daily/2022/",
        "issue": "/taiyuan-daily/2022-06-03/",
        "page": "/taiyuan-daily/2022-06-03/1/",
        "article": "/taiyuan-daily/2023-04-25/1/1/",
        "article-jump": "/taiyuan-daily/2021-03-03/1/1/",
    }
    report = {}
    for device, width in WIDTHS.items():
        view = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)  # axe is injected inline
        for name, path in stops.items():
            view.goto(live_server.url + path)
            shift = view.evaluate(LAYOUT_SHIFT)
            view.screenshot(path=str(ARTIFACTS / f"{name}-{device}.png"), full_page=True)
            overflow = view.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            serious, summary = serious_violations(view)
            report[f"{name}-{device}"] = {"serious": serious, **summary, "layout_shift": shift}
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
            assert shift <= MAX_LAYOUT_SHIFT, f"{name} shifts by {shift} at {width}px"
        view.close()
    printed = browser.new_page(viewport={"width": 800, "height": 1100})
    printed.goto(live_server.url + stops["article"])
    printed.emulate_media(media="print")
    assert not printed.locator("header.masthead form").is_visible()
    printed.screenshot(path=str(ARTIFACTS / "article-print.png"), full_page=True)
    (ARTIFACTS / "axe.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    assert all(not entry["serious"] for entry in report.values()), report
