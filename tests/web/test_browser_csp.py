"""The Content-Security-Policy in Chromium: the public pages and the editors' admin (login,
lists, a change form with its inlines and autocomplete, history) work under it with no
violation reported. The admin's policy allows one thing more, django-simple-history's
``style="border-top: 0"`` by its hash (config/settings/base.py, ADMIN_CSP_UPDATE)."""
import pytest
from django.contrib.auth import get_user_model

from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, browser  # noqa: F401  (the fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/install-browser.sh"),
    pytest.mark.django_db(transaction=True),
]

# Recorded by the page itself, from before its first script runs.
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));"""


def violations(page, console):
    """What the page recorded and what Chromium said on the console since the last call."""
    found = page.evaluate("window.__violations") + [m for m in console if "Content Security Policy" in m]
    console.clear()
    return found


def visit(page, url, console):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return violations(page, console)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", password="correct horse")


def test_site_and_admin_run_under_the_policy(front_page, editor, live_server, browser):  # noqa: F811
    lead = front_page["lead"]
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    seen = {}
    for path in ["/", "/taiyuan-daily/2021/", "/taiyuan-daily/2021-03-03/1/", "/taiyuan-daily/2021-03-03/1/1/",
                 "/search/?q=汾河", "/admin/login/"]:
        seen[path] = visit(page, live_server.url + path, console)

    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    assert page.locator("#site-name").is_visible()
    for path in ["/admin/", "/admin/archive/article/", "/admin/archive/article/?needs_review__exact=1",
                 f"/admin/archive/article/{lead.pk}/history/", "/admin/archive/continuation/add/",
                 "/admin/archive/issue/"]:
        seen[path] = visit(page, live_server.url + path, console)

    change = f"/admin/archive/article/{lead.pk}/change/"
    seen[change] = visit(page, live_server.url + change, console)
    page.locator("#credits-group .select2-selection").first.click()  # the contributor autocomplete opens
    page.locator(".select2-results__option", has_text="殷雪莹").wait_for()  # answered by the admin's JSON view
    page.keyboard.press("Escape")
    page.locator("#credits-group .add-row a").click()  # an inline row added by the admin's script
    assert page.locator("#credits-group tr.dynamic-credits").count() >= 4
    seen[change + " (used)"] = violations(page, console)
    page.screenshot(path="tests/artifacts/admin-change-csp.png", full_page=True)
    context.close()
    assert {path: found for path, found in seen.items() if found} == {}
