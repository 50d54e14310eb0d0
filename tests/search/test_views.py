"""The /search/ page and /api/search/: results, facets, hostile input, errors."""
import pytest
from django.urls import reverse

from archive.search.indexing import index_articles
from tests.search.articles import build_archive

HOSTILE = ['"高质量发展', "AND OR NOT", "*", "(", ")(", "汾酒 OR", "NOT", "-", '""', "a" * 10_000,
           "汾酒" * 5_000, "\x00\x01\x1b[31m汾酒\x7f", "韦韬:*", "<script>alert(1)</script>", "汾酒 AND NOT OR -"]


@pytest.fixture
def archive(db, search_backend):
    articles = build_archive()
    index_articles([article.pk for article in articles.values()])
    return articles


def test_search_page_lists_results_with_marks_and_facets(client, archive):
    """The page shows matching headlines, marked snippets, facet links and the count."""
    response = client.get(reverse("archive:search"), {"q": "汾酒"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "韦韬与汾酒集团党委书记" in html
    assert "<mark>汾酒" in html
    assert "共 3 篇" in html
    assert "contributor=%E6%A2%81%E6%B6%9B" in html  # a facet link for 梁涛
    assert "<script" not in html.split("<main", 1)[1]


def test_search_page_paginates(client, archive):
    """Page links keep the query and filters; a page past the end links back."""
    first = client.get(reverse("archive:search"), {"q": "", "paper": "taiyuan-daily", "sort": "newest"})
    assert "第 1 / 1 页" in first.content.decode()
    assert 'rel="next"' not in first.content.decode()
    second = client.get(reverse("archive:search"), {"q": "韦韬", "paper": "taiyuan-daily", "p": "2"})
    html = second.content.decode()
    assert second.status_code == 200
    assert 'href="?q=%E9%9F%A6%E9%9F%AC&amp;paper=taiyuan-daily&amp;p=1" rel="prev"' in html


def test_empty_search_page_shows_the_form(client, db, search_backend):
    """No query: the form, no error."""
    response = client.get(reverse("archive:search"))
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_fail(client, archive, q):
    """Unbalanced quotes, operators alone, wildcards, 10 KB and control characters give 200."""
    page = client.get(reverse("archive:search"), {"q": q})
    api = client.get(reverse("archive:api-search"), {"q": q})
    assert page.status_code == 200
    assert api.status_code == 200
    assert isinstance(api.json()["count"], int)


def test_notices_explain_what_was_done(client, archive):
    """An unbalanced quote and an over-long query are reported to the reader."""
    assert "引号不成对" in client.get(reverse("archive:search"), {"q": '"汾酒'}).content.decode()
    assert any("过长" in n for n in client.get(reverse("archive:api-search"), {"q": "汾" * 10_000}).json()["notices"])


def test_api_shape(client, archive):
    """The API returns count, results with id/url/headline/date/pages/snippet, and facets."""
    body = client.get(reverse("archive:api-search"), {"q": "汾酒集团", "from": "2022-01-01", "to": "2022-12-31"}).json()
    assert body["count"] == 1
    result = body["results"][0]
    assert set(result) == {"id", "url", "headline", "date", "pages", "snippet"}
    assert (result["id"], result["date"], result["pages"]) == (archive["fenjiu"].pk, "2022-06-02", [1, 3])
    assert {"value": "2022", "label": "2022年", "count": 1} in body["facets"]["year"]


@pytest.mark.parametrize("params", [{"from": "2022-13-01"}, {"to": "yesterday"}, {"page": "x"}, {"p": "0"},
                                    {"kind": "poem"}, {"sort": "random"}, {"from": "2023-01-01", "to": "2022-01-01"}])
def test_api_rejects_invalid_parameters(client, archive, params):
    """Bad dates, pages, kinds and sorts give 400 with a JSON error."""
    response = client.get(reverse("archive:api-search"), {"q": "汾酒", **params})
    assert response.status_code == 400
    assert response.json()["error"]


def test_missing_index_gives_a_message(client, db, search_backend):
    """With no index on disk the reader gets a message, not a server error."""
    search_backend.clear()
    page = client.get(reverse("archive:search"), {"q": "汾酒"})
    api = client.get(reverse("archive:api-search"), {"q": "汾酒"})
    assert page.status_code == 200 and "搜索索引尚未建立" in page.content.decode()
    assert api.status_code == 503 and api.json()["error"]
