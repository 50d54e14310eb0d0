"""The JSON API under /api/, through Django's test client."""
import pytest

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_papers_lists_each_paper_with_its_issue_count(client, front_page, loose_page):
    """/api/ lists papers with their dated issue counts and where their issues are."""
    data = get_json(client, "/api/")
    assert data["count"] == 1
    assert data["results"][0] | {"slug": "taiyuan-daily", "issues": 3} == data["results"][0]
    assert data["results"][0]["api"] == "/api/taiyuan-daily/issues/"


def test_issues_filter_by_date_range(client, front_page):
    """from/to bound the issues, both inclusive."""
    data = get_json(client, "/api/taiyuan-daily/issues/?from=2021-03-03&to=2021-03-10")
    assert [issue["date"] for issue in data["results"]] == ["2021-03-03", "2021-03-10"]
    assert data["results"][0]["pages"] == 3
    assert data["results"][0]["api"] == "/api/taiyuan-daily/2021-03-03/"


def test_issues_paginate_with_link_headers(client, front_page):
    """A list longer than per_page is split into pages linked by RFC 8288 Link headers."""
    response = client.get("/api/taiyuan-daily/issues/?per_page=2")
    assert response.json()["count"] == 3
    assert len(response.json()["results"]) == 2
    assert '<http://testserver/api/taiyuan-daily/issues/?per_page=2&page=2>; rel="next"' in response["Link"]
    assert 'rel="prev"' not in response["Link"]
    last = client.get("/api/taiyuan-daily/issues/?per_page=2&page=2")
    assert [issue["date"] for issue in last.json()["results"]] == ["2021-03-10"]
    assert 'rel="prev"' in last["Link"] and 'rel="next"' not in last["Link"]


@pytest.mark.parametrize(
    "query", ["from=2022-02-30", "to=yesterday", "per_page=0", "per_page=100000", "page=-1"]
)
def test_bad_list_parameters_are_400(client, front_page, query):
    """Impossible dates and out-of-range pagination are rejected with 400 and a JSON error."""
    assert "error" in get_json(client, f"/api/taiyuan-daily/issues/?{query}", 400)


def test_issue_lists_pages_and_their_articles(client, front_page):
    """An issue's record lists its pages in order with the articles starting on each."""
    data = get_json(client, "/api/taiyuan-daily/2021-03-03/")
    assert [page["number"] for page in data["pages"]] == [1, 3, 4]
    assert data["pages"][0]["section"] == "要闻"
    lead = data["pages"][0]["articles"][0]
    assert lead["headline"] == "太原忻州两市人大常委会协作工作座谈会举行"
    assert lead["pages"] == [1, 3]
    assert lead["api"] == "/api/taiyuan-daily/2021-03-03/1/1/"


def test_page_lists_articles_and_continuations_arriving(client, front_page):
    """A page's record lists the articles starting on it and those continued on it."""
    data = get_json(client, "/api/taiyuan-daily/2021-03-03/3/")
    assert [a["headline"] for a in data["articles"]] == ["汾河公园游人如织"]
    assert [a["url"] for a in data["continued_here"]] == ["/taiyuan-daily/2021-03-03/1/1/"]


def test_article_is_the_export_record(client, front_page):
    """An article is served as the export record of DESIGN.md."""
    data = get_json(client, "/api/taiyuan-daily/2021-03-03/1/1/")
    assert data["url"] == "/taiyuan-daily/2021-03-03/1/1/"
    assert data["paper"] == "taiyuan-daily" and data["date"] == "2021-03-03"
    assert data["pages"] == [1, 3]
    assert data["reporters"] == ["殷雪莹", "梁涛"] and data["photographers"] == ["梁琛"]
    assert data["contributors"] == [
        {"name": "殷雪莹", "role": "reporter"}, {"name": "梁涛", "role": "reporter"},
        {"name": "梁琛", "role": "photographer"}]
    assert data["section_heads"] == []
    assert data["continuation"] == {"status": "linked", "confidence": 0.97}
    assert data["text"].endswith("会议还研究了其他事项。")
    assert [source["page"] for source in data["source"]] == [1, 3]


def test_fragment_record_has_no_headline(client, front_page):
    """A continuation whose start is missing is its own record, kind fragment, headline null."""
    data = get_json(client, "/api/taiyuan-daily/2021-03-03/4/1/")
    assert data["kind"] == "fragment" and data["headline"] is None


@pytest.mark.parametrize(
    "url",
    [
        "/api/no-such-paper/issues/",
        "/api/taiyuan-daily/2021-03-04/",
        "/api/taiyuan-daily/2021-03-03/9/",
        "/api/taiyuan-daily/2021-03-03/1/9/",
        "/api/taiyuan-daily/issues/?page=5",
    ],
)
def test_unknown_things_are_json_404s(client, front_page, url):
    """Unknown papers, issues, pages, articles and list pages are 404s with a JSON error."""
    assert "error" in get_json(client, url, 404)


def test_impossible_date_is_404(client, front_page):
    """2023-02-30 is no issue's date."""
    assert client.get("/api/taiyuan-daily/2023-02-30/").status_code == 404
