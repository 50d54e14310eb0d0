"""The editors' page view (raw text beside its blocks and their roles) and re-parsing a page."""
import pytest

from archive.models import Article, Continuation, Page
from archive.services import editing
from tests.admin.conftest import RIVER, WORKERS

pytestmark = pytest.mark.django_db




def test_the_raw_text_is_shown_beside_its_blocks(issue, admin_client):
    """Each block's role in Chinese and its text; the raw text whole and read only."""
    page = Page.objects.get(number=1)
    html = admin_client.get(f"/admin/archive/page/{page.pk}/blocks/").content.decode()
    assert "<pre lang=\"zh-CN\">" in html and "调研组要求,进一步加强河道(下转第3版)" in html
    assert '<td class="role">标题</td>' in html and '<td class="role">转版</td>' in html
    assert f"/admin/archive/article/{Article.objects.get(headline=RIVER).pk}/change/" in html
    assert "原文与分块" in admin_client.get(f"/admin/archive/page/{page.pk}/change/").content.decode()


def _edit_headline_and_swap_links(run):
    """The editor renames RIVER and swaps the two jumps' links; returns RIVER and its new body."""
    river = Article.objects.get(headline=RIVER)
    run(editing.article_edit, article=river, changes={"headline": "汾河治理四期"})
    outs = {f: f.links_out.get().to_fragment for f in [
        Continuation.objects.get(from_fragment__headline=h).from_fragment for h in (RIVER, WORKERS)]}
    (a, a_tail), (b, b_tail) = outs.items()
    run(editing.continuation_create, from_fragment=a, to_fragment=b_tail)
    run(editing.continuation_create, from_fragment=b, to_fragment=a_tail)
    swapped_body = Article.objects.get(pk=river.pk).body
    return river, swapped_body


def test_reparsing_keeps_editor_fields_and_decisions(issue, admin_client, run):
    """A headline the editor set and the editor's (swapped) links survive a re-parse of both pages."""
    river, swapped_body = _edit_headline_and_swap_links(run)
    response = run(admin_client.post, "/admin/archive/page/",
                   {"action": "reparse", "_selected_action": list(Page.objects.values_list("pk", flat=True))},
                   follow=True)
    assert "已重新解析 2 个版面；保留了" in response.content.decode()
    river = Article.objects.get(pk=river.pk)
    assert river.headline == "汾河治理四期" and river.body == swapped_body
    assert Continuation.objects.filter(method="editor", status="confirmed").count() == 2


def test_ingest_rereading_pages_of_an_older_parser_keeps_editor_fields_and_decisions(issue, jump_issue, run,
                                                                                   ingest_command):
    """After an upgrade (a new PARSER_VERSION) ingest reads the pages again in place: the editor's
    headline and swapped links survive it as they survive 重新解析."""
    river, swapped_body = _edit_headline_and_swap_links(run)
    Page.objects.update(parser_version="0")
    _, out, _ = ingest_command(jump_issue)
    assert "2 updated" in out
    river = Article.objects.get(pk=river.pk)
    assert river.headline == "汾河治理四期" and river.body == swapped_body
    assert Continuation.objects.filter(method="editor", status="confirmed").count() == 2
