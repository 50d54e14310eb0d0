"""Corrections of a page's number or date, or an issue's date, carry through: articles move with
the page, URLs answer (old ones 301), issues are reassembled and search follows, with no command."""
import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from archive.models import Article, Issue, MovedPath, Page
from archive.search.backend import Filters
from archive.search.selectors import search_articles
from tests.admin.conftest import RIVER, UNITY

pytestmark = pytest.mark.django_db

DAY = datetime.date(2022, 6, 3)
NEXT_DAY = datetime.date(2022, 6, 4)


def page_form(page, **changes):
    data = {"newspaper": page.issue.newspaper_id, "date": page.issue.date.isoformat() if page.issue.date else "",
            "number": page.number or "", "section": page.section}
    data.update(changes)
    return data


def found(q, **filters):
    return {hit.headline: hit.url for hit in search_articles(q=q, filters=Filters(**filters)).hits}


def test_numbering_the_unnumbered_seed_page_makes_its_articles_answer(seeded, admin_client, client, run):
    """Setting 版次 on the seed page without a number: every article URL answers 200 at once."""
    page = Page.objects.get(number=None)
    assert page.articles_starting.count() >= 5
    response = run(admin_client.post, f"/admin/archive/page/{page.pk}/change/", page_form(page, number=2))
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.number == 2 and "number" in page.locked_fields
    assert not any(reason.startswith("page number") for reason in page.review_reasons)
    urls = [article.get_absolute_url() for article in page.articles_starting.all()]
    assert all("/2023-12-01/2/" in url for url in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get(page.get_absolute_url()).status_code == 200


def test_renumbering_a_page_redirects_the_old_urls(issue, admin_client, client, run):
    """Page 3 becomes page 5: its article answers at /5/1/, and /3/1/ answers 301 to it."""
    page = Page.objects.get(issue=issue, number=3)
    unity = Article.objects.get(headline=UNITY)
    old_url = unity.get_absolute_url()
    run(admin_client.post, f"/admin/archive/page/{page.pk}/change/", page_form(page, number=5))
    unity.refresh_from_db()
    assert unity.get_absolute_url() == "/taiyuan-daily/2022-06-03/5/1/"
    assert client.get(unity.get_absolute_url()).status_code == 200
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, unity.get_absolute_url())
    assert client.get("/taiyuan-daily/2022-06-03/3/")["Location"] == "/taiyuan-daily/2022-06-03/5/"
    # Page 1's jump lines still say 下转第3版, a page the issue no longer holds.
    river = Article.objects.get(headline=RIVER)
    assert river.pages == [1] and river.continuation_status == "dangling"


def test_moving_a_page_to_another_date_moves_its_articles(issue, admin_client, client, run):
    """Page 3 to 2022-06-04: a new issue holds it and its article; old URLs 301; search follows."""
    page = Page.objects.get(issue=issue, number=3)
    unity = Article.objects.get(headline=UNITY)
    old_url = unity.get_absolute_url()
    response = run(admin_client.post, f"/admin/archive/page/{page.pk}/change/",
                   page_form(page, date=NEXT_DAY.isoformat()))
    assert response.status_code == 302, response.content.decode()[:3000]
    moved = Issue.objects.get(date=NEXT_DAY)
    unity.refresh_from_db()
    assert unity.issue == moved and unity.get_absolute_url() == "/taiyuan-daily/2022-06-04/3/1/"
    assert client.get(unity.get_absolute_url()).status_code == 200
    assert client.get(old_url)["Location"] == unity.get_absolute_url()
    # The old issue keeps page 1; the front-page articles lost their continuations.
    assert client.get("/taiyuan-daily/2022-06-03/1/").status_code == 200
    river = Article.objects.get(headline=RIVER)
    assert river.issue_id == issue.pk and river.pages == [1] and river.continuation_status == "dangling"
    assert UNITY in found("统战", date_from=NEXT_DAY, date_to=NEXT_DAY)
    assert UNITY not in found("统战", date_from=DAY, date_to=DAY)


def test_a_number_already_held_is_refused_with_a_message(issue, admin_client, run):
    """Page 3 cannot become page 1 of the same issue: the form says so and nothing moves."""
    page = Page.objects.get(issue=issue, number=3)
    response = run(admin_client.post, f"/admin/archive/page/{page.pk}/change/", page_form(page, number=1))
    assert response.status_code == 200 and "已有第1版" in response.content.decode()
    page.refresh_from_db()
    assert page.number == 3 and not MovedPath.objects.exists()


def test_redating_an_issue_moves_every_page_and_article(issue, admin_client, client, run):
    """The issue's date corrected: issue, page and article URLs move and the old ones 301."""
    river = Article.objects.get(headline=RIVER)
    old_url = river.get_absolute_url()
    response = run(admin_client.post, f"/admin/archive/issue/{issue.pk}/change/",
                   {"new_date": NEXT_DAY.isoformat(), "edition": "",
                    "pages-TOTAL_FORMS": "0", "pages-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:3000]
    river.refresh_from_db()
    assert river.get_absolute_url() == "/taiyuan-daily/2022-06-04/1/1/" and river.pages == [1, 3]
    assert client.get(old_url)["Location"] == river.get_absolute_url()
    assert client.get("/taiyuan-daily/2022-06-03/")["Location"] == "/taiyuan-daily/2022-06-04/"
    assert RIVER in found("汾河", date_from=NEXT_DAY, date_to=NEXT_DAY)


def test_redating_onto_an_existing_issue_merges_the_pages(issue, admin_client, client, run, tmp_path,
                                                         ingest_command):
    """2022-06-04 holds page 2; moving 2022-06-03 there merges: one issue with pages 1, 2, 3."""
    from tests.pages import write_issue

    ingest_command(write_issue(tmp_path / "b", {2: "## 另一版的新闻\n\n本报讯 正文。\n"}, date="2022-06-04"))
    response = run(admin_client.post, f"/admin/archive/issue/{issue.pk}/change/",
                   {"new_date": NEXT_DAY.isoformat(), "edition": "",
                    "pages-TOTAL_FORMS": "0", "pages-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Issue.objects.filter(pk=issue.pk).exists()
    merged = Issue.objects.get(date=NEXT_DAY)
    assert sorted(merged.pages.values_list("number", flat=True)) == [1, 2, 3]
    assert Article.objects.get(headline=RIVER).pages == [1, 3]
    assert client.get("/taiyuan-daily/2022-06-03/")["Location"] == "/taiyuan-daily/2022-06-04/"


def test_bulk_action_sets_the_date_and_section_of_pages(issue, admin_client, client, run):
    """Select pages, fill the form, apply: both move, the message says what was done."""
    ids = list(issue.pages.values_list("pk", flat=True))
    form = run(admin_client.post, "/admin/archive/page/", {"action": "set_place", "_selected_action": ids})
    assert form.status_code == 200 and "设置所选版面" in form.content.decode()
    response = run(admin_client.post, "/admin/archive/page/", {
        "action": "set_place", "_selected_action": ids, "apply": "1",
        "date": NEXT_DAY.isoformat(), "section": "要闻", "newspaper": "",
    }, follow=True)
    assert "已改 2 个版面" in response.content.decode()
    assert set(Page.objects.values_list("issue__date", "section")) == {(NEXT_DAY, "要闻")}
    assert Article.objects.get(headline=RIVER).get_absolute_url() == "/taiyuan-daily/2022-06-04/1/1/"
    assert client.get("/taiyuan-daily/2022-06-03/1/1/").status_code == 301


def test_reingest_and_reassembly_leave_a_moved_page_where_the_editor_put_it(
        issue, admin_client, run, jump_issue, ingest_command):
    """The same files ingested again are unchanged; the page stays at its corrected number."""
    page = Page.objects.get(issue=issue, number=3)
    run(admin_client.post, f"/admin/archive/page/{page.pk}/change/", page_form(page, number=5, section="综合"))
    status, out, _ = ingest_command(jump_issue)
    assert status == 0 and "2 unchanged" in out
    run(call_command, "reassemble", "--all")
    page.refresh_from_db()
    assert (page.number, page.section) == (5, "综合") and Page.objects.count() == 2
    assert Article.objects.get(headline=UNITY).get_absolute_url() == "/taiyuan-daily/2022-06-03/5/1/"


def test_dating_and_numbering_a_loose_page_publishes_it(tmp_path, ingest_command, admin_client, client, run):
    """A loose page (no date, no number, its own undated issue) gets both: its article answers,
    the empty undated issue goes, the page leaves the review queue."""
    (tmp_path / "loose.txt").write_text("## 全市统战部长会议召开\n\n本报讯 全市统战部长会议召开。(尹 哲)\n", encoding="utf-8")
    ingest_command(tmp_path / "loose.txt")
    page = Page.objects.get(source_name="loose.txt")
    undated = page.issue
    assert undated.date is None and page.number is None and page.needs_review
    queue = admin_client.get("/admin/archive/reviewitem/", {"reason": "page_date"}).content.decode()
    assert "loose.txt" in queue
    response = run(admin_client.post, f"/admin/archive/page/{page.pk}/change/",
                   page_form(page, date="2021-05-06", number=4))
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(headline=UNITY)
    assert article.get_absolute_url() == "/taiyuan-daily/2021-05-06/4/1/"
    assert client.get(article.get_absolute_url()).status_code == 200
    assert not Issue.objects.filter(pk=undated.pk).exists()
    page.refresh_from_db()
    assert not page.needs_review and page.review_reasons == []
    for reason in ("page_date", "page_number"):
        assert "loose.txt" not in admin_client.get("/admin/archive/reviewitem/", {"reason": reason}).content.decode()


def test_the_issue_form_shows_the_workers_marks_and_never_takes_them(issue, admin_client):
    """An issue's reassembly marks (services.pending) are on its form, read only: a posted
    value is ignored, and an edit of the edition leaves the mark as the workers set it."""
    due = timezone.now() - datetime.timedelta(minutes=5)
    Issue.objects.filter(pk=issue.pk).update(reassembly_due=due)
    page = admin_client.get(f"/admin/archive/issue/{issue.pk}/change/").content.decode()
    assert "待重新拼接（自）" in page and "已交给后台" in page
    assert 'name="reassembly_due"' not in page and 'name="reassembly_sent"' not in page
    response = admin_client.post(f"/admin/archive/issue/{issue.pk}/change/",
                                 {"new_date": DAY.isoformat(), "edition": "第100期", "reassembly_due": "",
                                  "pages-TOTAL_FORMS": "0", "pages-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:3000]
    issue.refresh_from_db()
    assert issue.edition == "第100期" and issue.reassembly_due == due
