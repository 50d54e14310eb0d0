"""History: every editor change on articles, links, pages and issues is recorded with who and
when; an object's history reads as a diff; a change can be reverted."""
import pytest

from archive.models import Article, Continuation, Page
from tests.admin.forms import article_form

from tests.admin.conftest import RIVER

pytestmark = pytest.mark.django_db



@pytest.fixture
def river(issue):
    return Article.objects.get(headline=RIVER)


def test_an_edit_is_recorded_with_who_and_shown_as_a_diff(river, admin_client, admin_user, run):
    """The history page names the editor and shows 标题：old → new, and only the changed paragraph."""
    new_body = river.body.replace("调研组要求", "调研组强调")
    run(admin_client.post, f"/admin/archive/article/{river.pk}/change/",
        article_form(river, headline="汾河治理四期", body=new_body))
    record = river.history.first()
    assert record.history_user == admin_user and record.history_date
    page = admin_client.get(f"/admin/archive/article/{river.pk}/history/").content.decode()
    assert f"<strong>标题：</strong>{RIVER} → 汾河治理四期" in page
    assert "改动的段落" in page and "调研组强调" in page
    assert "景区内游人如织" not in page.split("改动的段落")[1].split("</ul>")[0]  # an unchanged paragraph


def test_a_change_is_reverted_from_the_history(river, admin_client, run):
    """Reverting to the version before the edit brings the headline back (as an editor's change)."""
    before = river.history.first()
    run(admin_client.post, f"/admin/archive/article/{river.pk}/change/", article_form(river, headline="汾河治理四期"))
    form_url = f"/admin/archive/article/{river.pk}/history/{before.history_id}/"
    assert admin_client.get(form_url).status_code == 200
    rows = river.history.count()
    response = run(admin_client.post, form_url, article_form(before.instance))
    assert response.status_code == 302, response.content.decode()[:2000]
    river.refresh_from_db()
    assert river.headline == RIVER and "headline" in river.locked_fields and river.history.count() == rows + 1


def test_links_pages_and_issues_keep_history(river, admin_client, admin_user, run):
    """A link decision, a page's number and an issue's date each leave a record by the editor."""
    link = Continuation.objects.filter(from_fragment__headline=RIVER).first()
    run(admin_client.post, "/admin/archive/continuation/", {"action": "confirm", "_selected_action": [link.pk]})
    assert link.history.first().history_user == admin_user
    page = Page.objects.get(number=3)
    run(admin_client.post, f"/admin/archive/page/{page.pk}/change/",
        {"newspaper": page.issue.newspaper_id, "date": "2022-06-03", "number": 5, "section": ""})
    assert page.history.first().history_user == admin_user and page.history.first().number == 5
    issue = page.issue
    run(admin_client.post, f"/admin/archive/issue/{issue.pk}/change/",
        {"new_date": "2022-06-05", "edition": "", "pages-TOTAL_FORMS": "0", "pages-INITIAL_FORMS": "0"})
    assert issue.history.first().history_user == admin_user
    assert str(issue.history.first().date) == "2022-06-05"
    history = admin_client.get(f"/admin/archive/page/{page.pk}/history/").content.decode()
    assert "<strong>版次：</strong>3 → 5" in history
