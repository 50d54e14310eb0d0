"""Saving an article writes and locks only what the editor really changed; locks can be released."""
import pytest
from django.core.management import call_command

from archive.models import Article
from archive.services import editing
from tests.admin.forms import article_form

from tests.admin.conftest import RIVER

pytestmark = pytest.mark.django_db



@pytest.fixture
def river(issue):
    return Article.objects.get(headline=RIVER)


def change(client, article, run, **changes):
    return run(client.post, f"/admin/archive/article/{article.pk}/change/", article_form(article, **changes))


def test_a_headline_only_save_leaves_the_body_byte_identical_and_unlocked(river, admin_client, run):
    """The browser sends the body with CRLF: that is not an edit."""
    body = river.body
    assert "\n\n" in body and "\r" not in body
    response = change(admin_client, river, run, headline="汾河治理四期工程调研")
    assert response.status_code == 302, response.content.decode()[:2000]
    river.refresh_from_db()
    assert river.body == body
    assert river.locked_fields == ["headline"]
    latest, previous = river.history.all()[:2]
    assert {c.field for c in latest.diff_against(previous).changes} == {"headline", "locked_fields"}


def test_a_save_with_nothing_changed_writes_nothing(river, admin_client, run):
    """No history row, no lock, when the editor only pressed 保存."""
    history = river.history.count()
    assert change(admin_client, river, run).status_code == 302
    river.refresh_from_db()
    assert river.locked_fields == [] and river.history.count() == history


def test_a_body_edit_is_stored_with_newlines_and_locked(river, admin_client, run):
    """A real change of the body is written with LF line ends and locked against reassembly."""
    new_body = river.body.replace("调研组要求", "调研组强调")
    change(admin_client, river, run, body=new_body.replace("\n", "\r\n"))
    river.refresh_from_db()
    assert river.body == new_body and river.locked_fields == ["body"]
    run(call_command, "reassemble", "--all")
    river.refresh_from_db()
    assert river.body == new_body


def test_the_change_form_shows_which_fields_an_editor_set(river, admin_client, run):
    """Editor-set fields are named on the form and offered for release."""
    change(admin_client, river, run, headline="汾河治理四期工程调研")
    page = admin_client.get(f"/admin/archive/article/{river.pk}/change/").content.decode()
    assert "编辑已修改的字段" in page and "<strong>标题</strong>" in page
    assert 'name="release" value="headline"' in page


def test_releasing_a_lock_lets_the_parser_set_the_field_again(river, admin_client, run):
    """After release the headline follows the page's text again."""
    change(admin_client, river, run, headline="汾河治理四期工程调研")
    river.refresh_from_db()
    response = change(admin_client, river, run, release=["headline"])
    assert response.status_code == 302
    river.refresh_from_db()
    assert river.headline == RIVER and river.locked_fields == []


def test_a_stale_form_keeps_both_changes_or_says_why_not(river, admin_client, run):
    """Another editor changed the subheadline after this form was opened: the headline is saved
    and the subheadline kept; a second stale change of that same headline is refused, with a
    message naming 标题."""
    stale = article_form(river, headline="汾河治理四期工程调研", version=editing.article_version(river))
    run(editing.article_edit, article=Article.objects.get(pk=river.pk), changes={"subheadline": "另一位编辑的修改"})
    assert stale["subheadline"] != "另一位编辑的修改"
    assert change_with(admin_client, river, run, stale).status_code == 302
    river.refresh_from_db()
    assert river.headline == "汾河治理四期工程调研" and river.subheadline == "另一位编辑的修改"
    response = change_with(admin_client, river, run, dict(stale, headline="第三种标题"))
    assert response.status_code == 200 and "标题已被修改" in response.content.decode()
    river.refresh_from_db()
    assert river.headline == "汾河治理四期工程调研"


def change_with(client, article, run, data):
    return run(client.post, f"/admin/archive/article/{article.pk}/change/", data)


def test_captions_are_edited_as_rows(admin_client, run, front_page):
    """Each caption is a row (text, photographers); a new row adds one, an emptied row removes it."""
    lead = front_page["lead"]
    page = admin_client.get(f"/admin/archive/article/{lead.pk}/change/").content.decode()
    assert 'name="captions-0-text"' in page and "工作座谈会现场。" in page and 'value="梁琛"' in page
    data = article_form(lead, **{"captions-0-text": "", "captions-1-text": "汾河公园。",
                                 "captions-1-photographers": "梁琛、李明"})
    assert change(admin_client, lead, run, **{k: v for k, v in data.items()}).status_code == 302
    lead.refresh_from_db()
    assert lead.captions == [{"text": "汾河公园。", "photographers": ["梁琛", "李明"]}]
    assert "captions" in lead.locked_fields
