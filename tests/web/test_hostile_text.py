"""OCR text holding markup, entities and template syntax, ingested for real, is shown as the
text it is everywhere: escaped exactly once in pages, the admin and the Atom feeds, the very
characters in the API, only <mark> unescaped in search snippets; never run, never decoded,
never rendered as a template."""
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape

from archive.models import Article, Page
from tests.factories import ContributorFactory, CreditFactory

pytestmark = pytest.mark.django_db

HEADLINE = '汾河<script>alert("标题")</script>治理{{ settings.SECRET_KEY }}'
HOSTILE_BODY = (
    "6月1日,市领导调研汾河生态修复治理工程<script>alert(1)</script>。汾河 &amp; 晋祠 &lt;i&gt;水&lt;/i&gt; "
    "&#60;script&#62; {{ request.user }} {% if True %}模板{% endif %} {% csrf_token %},景区内游人如织,岸绿水清。"
)
PAGE = f"""# {HEADLINE}

本报讯(记者 殷雪鸢<b>粗</b>){HOSTILE_BODY}

调研组要求,进一步加强河道管理,持续推进汾河生态保护修复,让汾河水清岸绿、造福人民。
"""
NAME = '<img src=x onerror=alert(2)>'
ATOM = "{http://www.w3.org/2005/Atom}"
# What a browser would run or render as markup if it slipped through unescaped.
LIVE_MARKUP = re.compile(r"<script>alert|<b>粗|<img src=x|<i>水", re.IGNORECASE)


@pytest.fixture
def hostile(tmp_path, ingest_command, indexed, settings):
    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE, encoding="utf-8")
    status, _, err = ingest_command(tmp_path)
    assert status == 0, err
    article = Article.objects.get(headline=HEADLINE)
    assert HOSTILE_BODY in article.body  # the parser kept every character: the test is about display
    CreditFactory(article=article, contributor=ContributorFactory(name=NAME), order=9)
    indexed()
    return article


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    assert not LIVE_MARKUP.search(body), url
    assert settings_secret() not in body
    return body


def settings_secret():
    from django.conf import settings

    return settings.SECRET_KEY


def test_public_pages_show_the_text_escaped_once(client, hostile):
    article_url = hostile.get_absolute_url()
    for url in ["/taiyuan-daily/2022-06-03/", "/taiyuan-daily/2022-06-03/1/", article_url]:
        assert escape(HEADLINE) in page_html(client, url), url
    body = page_html(client, article_url)
    for part in ("<script>alert(1)</script>", "&amp; 晋祠 &lt;i&gt;水&lt;/i&gt;", "&#60;script&#62;",
                 "{{ request.user }}", "{% if True %}模板{% endif %}", "{% csrf_token %}", "殷雪鸢<b>粗</b>"):
        assert escape(part) in body, part  # entities shown as printed: &amp; reaches the reader as "&amp;"
    assert escape(NAME) in body
    assert escape(NAME) in page_html(client, f"/people/{NAME}/")


def test_search_page_and_api_snippets_escape_all_but_the_marks(client, hostile):
    html = page_html(client, "/search/?q=晋祠")
    assert "<mark>晋祠</mark>" in html and escape(HEADLINE) in html
    (snippet,) = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert "&lt;/script&gt;" in snippet and "&amp;amp;" in snippet and "{{ request.user }}" in snippet
    assert "<" not in re.sub(r"</?mark>", "", snippet)

    response = client.get("/api/search/", {"q": "晋祠"})
    assert response["Content-Type"] == "application/json"
    (hit,) = response.json()["results"]
    assert hit["headline"] == HEADLINE  # JSON carries the text itself
    assert "<" not in re.sub(r"</?mark>", "", hit["snippet"])  # the snippet is HTML: escaped
    assert "&amp;amp;" in hit["snippet"] and "&lt;/script&gt;" in hit["snippet"]


def test_the_api_gives_the_very_characters_as_json(client, hostile):
    response = client.get("/api" + hostile.get_absolute_url())
    assert response["Content-Type"] == "application/json" and response["X-Content-Type-Options"] == "nosniff"
    record = response.json()
    assert record["headline"] == HEADLINE
    assert HOSTILE_BODY in record["text"]  # not decoded (&amp; stays &amp;), not rendered
    assert {"name": NAME, "role": "reporter"} in record["contributors"]


def test_feeds_carry_the_text_escaped_once(client, hostile):
    for url in ["/feeds/taiyuan-daily/", f"/feeds/people/{NAME}/"]:
        response = client.get(url)
        assert response.status_code == 200
        raw = response.content.decode()
        assert not LIVE_MARKUP.search(raw)
        entry = ET.fromstring(response.content).find(f"{ATOM}entry")  # well-formed XML
        assert entry.find(f"{ATOM}title").text == HEADLINE  # one XML escape, undone by the parser
        assert HOSTILE_BODY[:150] in entry.find(f"{ATOM}summary").text


def test_admin_shows_the_text_escaped_once(client, hostile):
    client.force_login(get_user_model().objects.create_superuser("editor", password="x"))
    page = Page.objects.get()
    urls = ["/admin/archive/article/", f"/admin/archive/article/{hostile.pk}/change/",
            f"/admin/archive/article/{hostile.pk}/history/", f"/admin/archive/page/{page.pk}/change/",
            "/admin/archive/page/", "/admin/archive/contributor/", "/admin/archive/fragment/"]
    bodies = {url: page_html(client, url) for url in urls}
    assert escape(HEADLINE) in bodies[urls[0]] and escape(HEADLINE) in bodies[urls[1]]
    assert escape("<script>alert(1)</script>。汾河 &amp; 晋祠") in bodies[urls[1]]  # the body's textarea
    assert escape(NAME) in bodies["/admin/archive/contributor/"]
    assert escape("{{ request.user }}") in bodies[urls[3]]  # the raw page text


def test_the_admin_saves_the_text_as_typed(client, hostile, run):
    """An editor's correction holding markup is stored as typed and shown escaped."""
    client.force_login(get_user_model().objects.create_superuser("editor", password="x"))
    from tests.admin.test_editing import change_form_data

    typed = '改正<script>alert("x")</script> &amp; {{ x }}'
    response = run(client.post, f"/admin/archive/article/{hostile.pk}/change/",
                   change_form_data(hostile, headline=typed, captions=json.dumps(hostile.captions),
                                    first_page_number=hostile.first_page_number))
    assert response.status_code == 302
    hostile.refresh_from_db()
    assert hostile.headline == typed
    assert escape(typed) in page_html(client, hostile.get_absolute_url())
