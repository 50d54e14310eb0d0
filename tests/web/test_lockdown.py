"""The locked-down public site through Django's test client: security headers on every kind of
response, no inline script or style in any template, rate limits on search and the API, and an
admin login that locks out a guesser."""
import datetime
import re
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django_ratelimit.core import get_usage

from archive.views.limits import client_address

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
PUBLIC = [
    "/", "/taiyuan-daily/", "/taiyuan-daily/2021/", "/taiyuan-daily/2021-03-03/",
    "/taiyuan-daily/2021-03-03/1/", "/taiyuan-daily/2021-03-03/1/1/", "/people/殷雪莹/",
    "/search/?q=汾河", "/api/", "/api/search/?q=汾河", "/api/taiyuan-daily/2021-03-03/1/1/",
    "/feeds/taiyuan-daily/", "/sitemap.xml", "/taiyuan-daily/1999-01-01/", "/admin/login/",
]
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=", re.IGNORECASE)


def directives(response):
    return {
        name: values
        for name, *values in (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    }


@pytest.mark.parametrize("url", PUBLIC)
def test_every_response_carries_the_security_headers(client, site, url):
    """Pages, 404s, feeds, the API and the admin login: a CSP with no inline script or style,
    a same-origin Referrer-Policy and a Permissions-Policy that turns the camera and the rest off."""
    response = client.get(url)
    assert response.status_code in (200, 404), url
    policy = directives(response)
    if url.startswith("/admin/"):  # one style attribute of django-simple-history, by its hash
        assert policy.pop("style-src") == ["'self'", "'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"]
    else:
        assert policy.pop("style-src") == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)
    assert response["Referrer-Policy"] == "same-origin"
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    assert features["camera"] == features["geolocation"] == features["microphone"] == "()"


def test_no_template_holds_inline_script_or_style():
    """What the policy forbids is not written anywhere: every template of the project."""
    offenders = {
        str(path.relative_to(TEMPLATES)): INLINE.findall(path.read_text(encoding="utf-8"))
        for path in TEMPLATES.rglob("*.html")
    }
    assert len(offenders) >= 14
    assert {name: found for name, found in offenders.items() if found} == {}


@pytest.mark.parametrize("url", [u for u in PUBLIC if not u.startswith(("/api", "/feeds", "/sitemap"))])
def test_rendered_pages_hold_no_inline_script_or_style(client, site, url):
    assert not INLINE.findall(client.get(url).content.decode())


def _fresh_window(request_factory, group, rate, address="127.0.0.1"):
    """Wait, if needed, so the rate window of ``address`` (each has its own) has >10 s left:
    the test must not see its count reset halfway."""
    usage = get_usage(request_factory.get("/", REMOTE_ADDR=address), group=group,
                      key=lambda group, request: client_address(request), rate=rate, increment=False)
    if usage["time_left"] < 10:
        time.sleep(usage["time_left"] + 1)


@pytest.mark.parametrize(
    "group, url, kind",
    [("search", "/search/?q=汾河", "text/html"), ("api", "/api/search/?q=汾河", "application/json"),
     ("api", "/api/taiyuan-daily/2021-03-03/1/1/", "application/json")],
)
def test_search_and_the_api_answer_429_beyond_the_limit(client, site, settings, rf, group, url, kind):
    """Five a minute: the sixth request from one address is 429 with Retry-After (in Chinese,
    as a page or JSON); another address is still served; the default is 60 a minute."""
    assert django_settings.PUBLIC_RATE_LIMIT == "100000/m"  # the suite's (config/settings/test.py)
    from config.settings import base
    assert base.PUBLIC_RATE_LIMIT == "60/m"
    settings.PUBLIC_RATE_LIMIT = "5/m"
    _fresh_window(rf, group, "5/m")
    statuses = [client.get(url).status_code for _ in range(5)]
    assert statuses == [200] * 5
    response = client.get(url)
    assert response.status_code == 429
    assert response["Content-Type"].startswith(kind)
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "请求过于频繁" in response.content.decode()
    assert "Content-Security-Policy" in response
    assert client.get(url, REMOTE_ADDR="10.0.0.7").status_code == 200


def test_behind_a_proxy_clients_are_told_apart_by_its_header(client, site, settings, rf):
    """Every request comes from the proxy's address; the header it sets tells the readers apart,
    and of a list only its last entry (what the proxy saw) counts, not what a client wrote."""
    settings.PUBLIC_RATE_LIMIT = "3/m"
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_FORWARDED_FOR"
    _fresh_window(rf, "api", "3/m", address="203.0.113.5")

    def get(forwarded):
        return client.get("/api/", HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [get("203.0.113.5") for _ in range(3)] + [get("203.0.113.5")] == [200, 200, 200, 429]
    assert get("198.51.100.1, 203.0.113.5") == 429  # a forged first entry changes nothing
    assert get("198.51.100.7") == 200


def test_the_public_pages_outside_search_and_the_api_are_not_limited(client, front_page, settings):
    settings.PUBLIC_RATE_LIMIT = "2/m"
    assert [client.get("/taiyuan-daily/2021-03-03/1/1/").status_code for _ in range(5)] == [200] * 5


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password="correct horse", is_staff=True, is_superuser=True)


def login(client, password, address="127.0.0.1"):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password},
                       REMOTE_ADDR=address)


def test_admin_login_locks_out_a_guesser_until_cooled_off(client, editor, settings):
    """Five wrong passwords lock the user out: the right one is then refused (429, in Chinese),
    from that address and from another; after the cool-off it opens the admin again."""
    assert django_settings.AXES_FAILURE_LIMIT == 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=3)
    for attempt in range(5):
        response = login(client, f"guess-{attempt}")
        assert response.status_code in (200, 429)
    response = login(client, "correct horse")
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert login(client, "correct horse", address="10.0.0.9").status_code == 429  # the user name is locked
    assert client.get("/admin/").status_code == 302  # still not in
    time.sleep(3.5)
    response = login(client, "correct horse")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(client, editor):
    for attempt in range(4):
        assert login(client, f"guess-{attempt}").status_code == 200  # the form again, with its error
    assert login(client, "correct horse").status_code == 302
    client.logout()
    for attempt in range(4):
        assert login(client, f"again-{attempt}").status_code == 200
    assert login(client, "correct horse").status_code == 302
