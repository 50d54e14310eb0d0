"""An editor in Chromium: logs in, corrects a headline, fixes a wrongly linked continuation on the
review screen, numbers a page; the public site and search show it; screenshots of the review
screen and the page view. Re-ingest and reassembly afterwards leave the editor's work."""
import contextlib
import io

import pytest
from django.core.management import call_command

from archive.models import Article, Continuation, Fragment, Page
from archive.services import editing
from tests.pages import PAGE_1, PAGE_3, write_issue
from tests.web.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/install-browser.sh"),
    pytest.mark.django_db(transaction=True),
]

RIVER = "太原推进汾河生态修复治理工程"
WORKERS = "我市召开产业工人队伍建设改革会议"
NEW_HEADLINE = "汾河生态修复治理四期工程调研"
DAY = "2022-06-05"


@pytest.fixture
def chromium():
    """Start Chromium inside ``with chromium() as browser:``. While Playwright's sync API runs,
    this thread has an event loop, and Django would open a second, never-closed database
    connection for queries made in it: the test reads the database only outside the block."""
    sync_api = pytest.importorskip("playwright.sync_api")

    @contextlib.contextmanager
    def start():
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()

    return start


def messages(page):
    """The admin's messages after a save (waits for the page that shows them)."""
    return page.locator("ul.messagelist").inner_text()


@pytest.fixture
def archive(seeded, tmp_path, ingest_command):
    """The seeds, and an issue whose two front-page articles jump to page 3, linked the wrong way round."""
    folder = write_issue(tmp_path, {1: PAGE_1, 3: PAGE_3}, date=DAY)
    ingest_command(folder)
    river = Fragment.objects.get(headline=RIVER, page__issue__date=DAY)
    workers = Fragment.objects.get(headline=WORKERS, page__issue__date=DAY)
    river_tail = river.links_out.get().to_fragment
    workers_tail = workers.links_out.get().to_fragment
    editing.continuation_create(from_fragment=river, to_fragment=workers_tail)
    editing.continuation_create(from_fragment=workers, to_fragment=river_tail)
    call_command("create_editor", "bianji", password="s3cret-pass", stdout=io.StringIO())
    return {"folder": folder, "river": river, "river_tail": river_tail}


def test_an_editor_corrects_the_archive_in_a_browser(archive, seeds_dir, live_server, chromium, ingest_command):
    ARTIFACTS.mkdir(exist_ok=True)
    river = Article.objects.get(headline=RIVER)
    assert river.body.endswith("人才支撑。(李俊华)")  # the wrong continuation
    unnumbered = Page.objects.get(number=None)
    river_url = river.get_absolute_url()
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/admin/")
        page.fill("#id_username", "bianji")
        page.fill("#id_password", "s3cret-pass")
        page.get_by_role("button", name="登录").click()
        assert page.get_by_text("审核队列").first.is_visible()

        # 1. The headline.
        page.goto(f"{live_server.url}/admin/archive/article/{river.pk}/change/")
        page.fill("#id_headline", NEW_HEADLINE)
        page.locator("input[name=_save]").click()
        assert "已修改并锁定：标题" in messages(page)

        # 2. The wrong continuation, on the review screen.
        page.goto(f"{live_server.url}/admin/archive/continuation/jump/{archive['river'].pk}/")
        page.screenshot(path=str(ARTIFACTS / "admin-link-review-1280.png"), full_page=True)
        right = page.locator("article.candidate", has_text="持续推进汾河生态保护修复")
        assert "chosen" not in right.get_attribute("class")
        right.get_by_role("button", name="改接这一段").click()
        assert "已改接" in messages(page)
        assert "chosen" in page.locator("article.candidate", has_text="持续推进汾河生态保护修复").get_attribute("class")

        # 3. The unnumbered seed page gets its number.
        page.goto(f"{live_server.url}/admin/archive/page/{unnumbered.pk}/change/")
        page.fill("#id_number", "2")
        page.locator("input[name=_save]").click()
        assert "已改 1 个版面" in messages(page)
        page.goto(f"{live_server.url}/admin/archive/page/{unnumbered.pk}/blocks/")
        page.screenshot(path=str(ARTIFACTS / "admin-page-view-1280.png"), full_page=False)
        page.close()

        # The public site, as a reader (no session) sees it.
        reader = browser.new_page(viewport={"width": 1280, "height": 900})
        reader.goto(live_server.url + river_url)
        assert reader.locator("h1").inner_text() == NEW_HEADLINE
        assert "让汾河水清岸绿、造福人民。" in reader.locator(".body").inner_text()
        assert "/admin/" not in reader.content()
        reader.goto(f"{live_server.url}/search/?q={NEW_HEADLINE}")
        reader.get_by_role("link", name=NEW_HEADLINE).first.click()
        assert reader.url.endswith(river_url)
        reader.goto(f"{live_server.url}/taiyuan-daily/2023-12-01/2/")
        assert reader.locator("main a").count() >= 5
        reader.close()

    # Re-ingest and reassembly leave the editor's work as it was left.
    ingest_command(seeds_dir)
    ingest_command(archive["folder"])
    call_command("reassemble", "--all", stdout=io.StringIO())
    river.refresh_from_db()
    assert river.headline == NEW_HEADLINE and river.body.endswith("造福人民。")
    link = Continuation.objects.get(from_fragment=archive["river"], status="confirmed")
    assert (link.to_fragment_id, link.method) == (archive["river_tail"].pk, "editor")
    assert Page.objects.get(pk=unnumbered.pk).number == 2 and not Page.objects.filter(number=None).exists()
