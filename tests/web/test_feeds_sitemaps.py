"""Atom feeds, the sitemap index and its sections: valid XML covering every public issue, page and article."""
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


def test_paper_feed_is_atom_of_latest_articles(client, front_page, loose_page):
    """The paper's feed is Atom, one entry per public article, with authors and links."""
    feed = parse(client, "/feeds/taiyuan-daily/")
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert len(entries) == 4
    assert "http://testserver/taiyuan-daily/2021-03-03/1/1/" in links
    lead = entries[links.index("http://testserver/taiyuan-daily/2021-03-03/1/1/")]
    assert lead.find(f"{ATOM}author/{ATOM}name").text == "殷雪莹、梁涛"


def test_contributor_feed_lists_their_articles(client, front_page):
    """A contributor's feed holds the articles credited to them."""
    feed = parse(client, "/feeds/people/梁琛/")
    assert [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")] == [
        "太原忻州两市人大常委会协作工作座谈会举行"
    ]


def test_unknown_feeds_are_404(client, front_page):
    """Feeds of unknown papers or people are 404s."""
    assert client.get("/feeds/no-such-paper/").status_code == 404
    assert client.get("/feeds/people/无此人/").status_code == 404


def test_sitemap_covers_every_public_issue_page_and_article(client, front_page, loose_page):
    """The sitemap index names its sections; together they list every dated issue, page and article."""
    index = parse(client, "/sitemap.xml")
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert len(sections) == 3
    urls = set()
    for section in sections:
        urls |= {loc.text for loc in parse(client, section.replace("http://testserver", "")).iter(f"{SITEMAP}loc")}
    base = "http://testserver/taiyuan-daily/"
    assert {f"{base}2021-03-02/", f"{base}2021-03-03/", f"{base}2021-03-10/"} <= urls
    assert {f"{base}2021-03-03/{n}/" for n in (1, 3, 4)} <= urls
    assert {f"{base}2021-03-03/1/1/", f"{base}2021-03-03/1/2/", f"{base}2021-03-03/3/1/", f"{base}2021-03-03/4/1/"} <= urls
    assert len(urls) == 3 + 3 + 4
