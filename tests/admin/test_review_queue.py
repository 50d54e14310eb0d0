"""One review queue: uncertain and dangling links, flagged pages, articles without headline or
with doubtful segmentation; filters, counts on the admin index, actions that report."""
import pytest

from archive.models import Article, Continuation, Page
from tests.admin.conftest import RIVER

pytestmark = pytest.mark.django_db

QUEUE = "/admin/archive/reviewitem/"



def counts(client):
    """Reason label → count, as the admin index shows them."""
    import re

    index = client.get("/admin/").content.decode()
    assert "审核队列" in index
    return {label: int(n) for label, n in re.findall(r"reason=\w+\">([^<]+)</a></th><td>(\d+)</td>", index)}


def test_every_reason_is_listed_with_its_count_on_the_index(seeded, issue, admin_client):
    """Seeds: dangling jumps and the page without a number; a link and an article flagged by hand."""
    Continuation.objects.update(needs_review=False)
    before = counts(admin_client)
    assert before["版次不明"] == 1 and before["跨版链接不确定"] == 0
    assert before["跨版断头（另一半未找到）"] == Article.objects.filter(continuation_status="dangling").count() >= 1
    Continuation.objects.filter(from_fragment__headline=RIVER).update(needs_review=True)
    Article.objects.filter(headline=RIVER).update(needs_review=True, review_reason="uncertain segmentation: x")
    after = counts(admin_client)
    assert after["跨版链接不确定"] == 1 and after["分段存疑"] == before["分段存疑"] + 1
    queue = admin_client.get(QUEUE).content.decode()
    for label in ("跨版链接不确定", "跨版断头", "版次不明", "分段存疑", "文章无标题"):
        assert f"<td>{label}" in queue, label
    assert queue.count('name="selected"') == sum(after.values())


def test_filters_by_reason_paper_and_date(seeded, admin_client):
    """Only the unnumbered page for 版次不明; only one day's entries for a date."""
    page = admin_client.get(QUEUE, {"reason": "page_number"}).content.decode()
    assert page.count('name="selected"') == 1 and Page.objects.get(number=None).source_name in page
    day = admin_client.get(QUEUE, {"date": "2022-06-03", "paper": "taiyuan-daily"}).content.decode()
    assert "2022-06-03" in day and "2023-04-25" not in day
    assert admin_client.get(QUEUE, {"paper": "no-such-paper"}).content.decode().count('name="selected"') == 0


def test_a_dangling_jump_opens_the_link_review_screen(seeded, admin_client):
    """The entry for a jump whose other half was not found leads to that jump's review screen."""
    page = admin_client.get(QUEUE, {"reason": "dangling"}).content.decode()
    assert "/admin/archive/continuation/jump/" in page


def test_marking_entries_reviewed_reports_what_it_did(issue, admin_client, run):
    """The action confirms the link and clears the article; the message says so."""
    link = Continuation.objects.get(from_fragment__headline=RIVER)
    Continuation.objects.filter(pk=link.pk).update(needs_review=True)
    article = Article.objects.get(headline=RIVER)
    Article.objects.filter(pk=article.pk).update(needs_review=True, review_reason="uncertain segmentation: x")
    response = run(admin_client.post, QUEUE, {"action": "mark_reviewed",
                                              "selected": [f"continuation:{link.pk}", f"article:{article.pk}"]},
                   follow=True)
    text = response.content.decode()
    assert "1 篇文章标记为已审核" in text and "确认了 1 个跨版链接" in text
    link.refresh_from_db()
    assert (link.status, link.method) == ("confirmed", "editor")
    assert 'name="selected"' not in admin_client.get(QUEUE, {"reason": "segmentation"}).content.decode()
    nothing = run(admin_client.post, QUEUE, {"action": "mark_reviewed"}, follow=True).content.decode()
    assert "没有选中任何条目" in nothing
