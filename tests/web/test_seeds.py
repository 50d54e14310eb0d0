"""The public site and API over the five real seed pages, ingested and reassembled."""
import xml.etree.ElementTree as ET

import pytest

from archive.models import Article, Page
from archive.services.corrections import page_correct

pytestmark = pytest.mark.django_db

# seeds/manifest.csv: four front pages with dates, and one inner page (2023-12-01) without a number.
FRONT_PAGES = ["2022-06-03", "2022-06-10", "2023-04-25", "2025-02-22"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def public_articles():
    return list(Article.objects.dated().select_related("issue__newspaper"))


def test_every_manifest_page_is_browsable(client, seeded):
    """Home, paper, each year, each issue and each numbered front page render."""
    home = client.get("/").content.decode()
    for day in FRONT_PAGES:
        assert f'href="/taiyuan-daily/{day}/"' in home
        assert client.get(f"/taiyuan-daily/{day[:4]}/").status_code == 200
        assert client.get(f"/taiyuan-daily/{day}/").status_code == 200
        assert client.get(f"/taiyuan-daily/{day}/1/").status_code == 200


def test_unnumbered_inner_page_is_read_at_its_own_address_until_an_editor_numbers_it(client, seeded):
    """2023-12-01's page has no number: its issue lists it as 版次未定 at /u<id>/, its articles
    read there (feed and sitemap too); once an editor numbers it, the old addresses answer 301."""
    page = Page.objects.get(issue__date="2023-12-01")
    assert page.number is None
    issue = client.get("/taiyuan-daily/2023-12-01/").content.decode()
    address = f"/taiyuan-daily/2023-12-01/u{page.pk}/"
    assert f'href="{address}">版次未定' in issue
    draft = Article.objects.get(first_page=page, headline="2024年春季征兵")
    article_address = f"{address}{draft.number}/"
    assert f'href="{article_address}">2024年春季征兵' in issue
    printed = client.get(address).content.decode()
    assert "<h1>版次未定" in printed and "2024年春季征兵" in printed
    reading = client.get(article_address).content.decode()
    assert "市征兵办消息" in reading and "2023-12-01." in reading    # cited without a page
    assert article_address in client.get("/feeds/taiyuan-daily/").content.decode()
    assert client.get(f"/api{address}").json()["number"] is None
    (listed,) = client.get("/api/taiyuan-daily/issues/?from=2023-12-01&to=2023-12-01").json()["results"]
    assert listed["pages"] == 1      # counted among the issue's pages, as on the home page

    page_correct(page=page, number=5)
    assert client.get(address)["Location"] == "/taiyuan-daily/2023-12-01/5/"
    moved = client.get(article_address)
    assert moved.status_code == 301 and moved["Location"] == f"/taiyuan-daily/2023-12-01/5/{draft.number}/"
    assert "第5版" in client.get(moved["Location"]).content.decode()


def test_every_public_article_renders_on_the_site_and_the_api(client, seeded):
    """Each reassembled article with a URL reads on the site and is served by the API."""
    articles = public_articles()
    assert len(articles) >= 15
    for article in articles:
        url = article.get_absolute_url()
        assert client.get(url).status_code == 200, url
        assert client.get(f"/api{url}").json()["url"] == url


def test_seed_citation_matches_gbt7714(client, seeded):
    """The 2023-04-25 lead cites as the GB/T 7714 reference of the brief."""
    page = client.get("/taiyuan-daily/2023-04-25/1/1/").content.decode()
    assert "殷雪鸢, 梁涛, 胡引平. 我市举行纪念太原解放74周年活动[N]. 太原日报, 2023-04-25(1)." in page


def test_jump_to_a_page_not_held_is_marked_without_a_link(client, seeded):
    """2022-06-03's lead jumps to page 3, which the archive lacks: the mark says so."""
    page = client.get("/taiyuan-daily/2022-06-03/1/1/").content.decode()
    assert "转第3版（该版未收录）" in page


def test_sitemap_lists_every_public_article(client, seeded):
    """The articles section of the sitemap has one URL per public article."""
    section = ET.fromstring(client.get("/sitemap-articles.xml").content)
    locs = {loc.text for loc in section.iter(f"{SITEMAP}loc")}
    assert locs == {f"http://testserver{a.get_absolute_url()}" for a in public_articles()}


def test_contributor_page_lists_newest_first(client, seeded):
    """殷雪鸢's articles run from 2025 back to 2022."""
    page = client.get("/people/殷雪鸢/").content.decode()
    assert page.index("2025-02-22") < page.index("2023-04-25") < page.index("2022-06-10")


def test_seed_issue_and_page_views_run_bounded_queries(client, seeded, django_assert_max_num_queries):
    """The 2022-06-03 front page (eight articles, with credits) renders in a fixed handful of queries."""
    with django_assert_max_num_queries(5):
        assert client.get("/taiyuan-daily/2022-06-03/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/taiyuan-daily/2022-06-03/1/").status_code == 200
