"""Reassembly in the database: links, re-runs that write nothing, editors' decisions kept."""
import pytest

from archive.models import Article, Continuation, Issue
from archive.services import editing
from archive.services.reassemble import reassemble_issue
from tests.pages import PAGE_1, PAGE_3, write_issue

pytestmark = pytest.mark.django_db

RIVER = "太原推进汾河生态修复治理工程"
WORKERS = "我市召开产业工人队伍建设改革会议"


def article(headline):
    return Article.objects.get(headline=headline)


def snapshot():
    """Everything reassembly could write, as comparable values."""
    return (
        sorted(Article.objects.values_list("pk", "updated_at", "body", "pages", "needs_review")),
        Article.history.count(),
        sorted(Continuation.objects.values_list("pk", "from_fragment", "to_fragment", "status", "confidence")),
        Continuation.history.count(),
    )


def test_jumped_articles_are_joined_across_pages(jump_issue, ingest_command, run):
    """Each 下转 finds its 上接 although both go to page 3 in the opposite order."""
    ingest_command(jump_issue)
    river, workers = article(RIVER), article(WORKERS)
    assert river.pages == [1, 3] and workers.pages == [1, 3]
    assert river.body.endswith("调研组要求,进一步加强河道管理,持续推进汾河生态保护修复,让汾河水清岸绿、造福人民。")
    assert workers.body.endswith("全力打造一支高素质的产业工人队伍,为全方位推动高质量发展提供坚实的产业人才支撑。")
    assert {river.continuation_status, workers.continuation_status} == {"linked"}
    assert "下转" not in river.body and "上接" not in workers.body
    # The continuations are part of their articles, not articles of their own.
    assert Article.objects.count() == 3
    assert [c.contributor.name for c in workers.credits.all()] == ["李俊华"]


def test_rerun_on_unchanged_data_writes_nothing(jump_issue, ingest_command, run):
    """A second reassembly (and a second ingest) leaves every row and its history as it was."""
    ingest_command(jump_issue)
    before = snapshot()
    report = run(reassemble_issue, Issue.objects.get().pk)
    ingest_command(jump_issue)
    assert not report.changed
    assert snapshot() == before


def test_an_editors_correction_survives_reassembly(jump_issue, ingest_command, run):
    """A corrected headline is locked: reassembly keeps the editor's text."""
    ingest_command(jump_issue)
    run(editing.article_edit, article=article(RIVER), changes={"headline": "太原推进汾河生态修复"})
    run(reassemble_issue, Issue.objects.get().pk)
    edited = Article.objects.get(headline="太原推进汾河生态修复")
    assert "headline" in edited.locked_fields and edited.pages == [1, 3]


def test_an_editors_link_decisions_survive_reassembly(jump_issue, ingest_command, run):
    """An editor who swaps the links gets the swap, however the matcher scores it."""
    ingest_command(jump_issue)
    links = list(Continuation.objects.select_related("from_fragment", "to_fragment"))
    assert len(links) == 2
    first, second = links
    run(editing.continuation_create, from_fragment=first.from_fragment, to_fragment=second.to_fragment)
    run(editing.continuation_create, from_fragment=second.from_fragment, to_fragment=first.to_fragment)
    run(reassemble_issue, Issue.objects.get().pk)
    decided = Continuation.objects.filter(method="editor", status="confirmed")
    assert sorted(decided.values_list("from_fragment", "to_fragment")) == sorted(
        [(first.from_fragment_id, second.to_fragment_id), (second.from_fragment_id, first.to_fragment_id)])
    assert Continuation.objects.filter(status="proposed").count() == 0
    river = article(RIVER)
    assert river.body.endswith("人才支撑。")  # the editor's (wrong) pairing is what is shown


def test_a_jump_whose_other_half_is_missing_is_dangling(tmp_path, ingest_command, run):
    """With page 3 not in the archive, both jump-outs stay dangling."""
    ingest_command(write_issue(tmp_path, {1: PAGE_1}))
    assert set(Article.objects.values_list("continuation_status", flat=True)) == {"dangling"}


def test_a_continuation_whose_start_is_missing_is_a_fragment(tmp_path, ingest_command, run):
    """Page 3 alone: its two continuations become articles of kind fragment, numbered last."""
    ingest_command(write_issue(tmp_path, {3: PAGE_3}))
    fragments = Article.objects.filter(kind="fragment").order_by("number")
    assert [(a.number, a.headline, a.continuation_status) for a in fragments] == [
        (2, "", "dangling"), (3, "", "dangling")]
    assert Article.objects.get(number=1).headline == "全市统战部长会议召开"


def test_the_second_half_arriving_later_joins_the_article(tmp_path, ingest_command, run):
    """Ingesting page 3 after page 1 links the jumps and removes the orphan fragments."""
    ingest_command(write_issue(tmp_path / "a", {1: PAGE_1}))
    ingest_command(write_issue(tmp_path / "b", {3: PAGE_3}))
    assert Article.objects.count() == 3
    assert article(RIVER).pages == [1, 3]
