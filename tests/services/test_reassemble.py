"""Reassembly in the database: links, re-runs that write nothing, editors' decisions kept."""
import pytest

from archive.models import Article, Continuation, Fragment, Issue
from archive.services import editing
from archive.services.reassemble import SEGMENT_MIN_CONFIDENCE, chain_text, reassemble_issue
from tests.factories import IssueFactory, PageFactory
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
    assert workers.body.endswith("全力打造一支高素质的产业工人队伍,为全方位推动高质量发展提供坚实的产业人才支撑。(李俊华)")
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
    assert river.body.endswith("人才支撑。(李俊华)")  # the editor's (wrong) pairing is what is shown


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


# Fragments built directly (the page parser is not involved): an article on page 1 that jumps
# to page 3, with section heads on both sides of the jump and credits of several roles.
HEAD = "本报讯 会议指出：“要坚持系统观念（一）”。\n\n一、坚持高质量发展\n\n全市上下要坚"
TAIL = "决贯彻省委决策部署，推动经济高质量发展。\n\n二、守牢安全底线\n\n版式设计：蔡华伟"


def jumped_fragments(*, head=HEAD, tail=TAIL, head_heads=(1,), tail_heads=(1,), **tail_fields):
    """An issue whose page 1 sends one article to page 3; returns (issue, head, tail)."""
    issue = IssueFactory()
    page1, page3 = PageFactory(issue=issue, number=1), PageFactory(issue=issue, number=3)
    first = Fragment.objects.create(
        page=page1, order=0, start=0, end=len(head), headline="全市经济工作会议召开", text=head,
        section_heads=list(head_heads), jump_to_page=3, jump_out_line="（下转第3版）",
        contributors=[{"name": "殷雪莹", "role": "reporter"}, {"name": "梁琛", "role": "photographer"}],
        captions=[{"text": "会议现场。", "photographers": ["梁琛"]}],
    )
    second = Fragment.objects.create(
        page=page3, order=0, start=0, end=len(tail), text=tail, section_heads=list(tail_heads),
        jump_from_page=1, jump_in_line="（上接第1版）", kind="fragment",
        contributors=[{"name": "蔡华伟", "role": "designer"}, {"name": "殷雪莹", "role": "reporter"}],
        **tail_fields,
    )
    return issue, first, second


def test_chain_text_shifts_section_heads_across_a_cut_paragraph():
    """A head in the later fragment moves by the paragraphs before it, less the one the cut joined."""
    paragraphs, heads, _ = chain_text([Fragment(text=HEAD, section_heads=[1]), Fragment(text=TAIL, section_heads=[1])])
    assert paragraphs[2] == "全市上下要坚决贯彻省委决策部署，推动经济高质量发展。"
    assert len(paragraphs) == 5 and heads == [1, 3]
    assert [paragraphs[i] for i in heads] == ["一、坚持高质量发展", "二、守牢安全底线"]


def test_chain_text_shifts_section_heads_after_a_whole_paragraph():
    """A fragment that ends on a whole paragraph joins nothing: the later heads move by all before them."""
    head = ("本报讯 会议召开。\n\n一、坚持高质量发展\n\n全市上下要坚决贯彻部署，推动各项工作落地见效，以实干实绩检验学习成效，"
            "在新的起点上奋力谱写高质量发展新篇章，为全省大局作出省会应有的贡献。")
    paragraphs, heads, _ = chain_text([Fragment(text=head, section_heads=[1]), Fragment(text=TAIL, section_heads=[1])])
    assert len(paragraphs) == 6 and heads == [1, 4]


def test_chain_text_never_joins_a_section_head_across_the_cut():
    """A section head on either side of the cut stays a paragraph of its own (it ends on no full stop)."""
    head = "本报讯 会议召开。\n\n一、坚持高质量发展"
    tail = "二、守牢安全底线\n\n全市上下要坚决贯彻部署。"
    paragraphs, heads, _ = chain_text([Fragment(text=head, section_heads=[1]), Fragment(text=tail, section_heads=[0])])
    assert paragraphs == ["本报讯 会议召开。", "一、坚持高质量发展", "二、守牢安全底线", "全市上下要坚决贯彻部署。"]
    assert heads == [1, 2]


def test_reassembly_writes_section_heads_and_credits_of_every_role(run):
    """The article's body is the chain's text as printed, its heads shifted; credits of every role
    in printed order, each once (the photographer credited and captioned is listed once)."""
    issue, first, second = jumped_fragments()
    run(reassemble_issue, issue.pk)
    (joined,) = Article.objects.all()
    assert joined.body.startswith("本报讯 会议指出：“要坚持系统观念（一）”。\n\n一、坚持高质量发展")
    assert joined.body.endswith("\n\n版式设计：蔡华伟")
    assert joined.section_heads == [1, 3] and joined.pages == [1, 3] and joined.kind == "news"
    credits = sorted(joined.credits.all(), key=lambda c: c.order)
    assert [(c.contributor.name, c.role) for c in credits] == [
        ("殷雪莹", "reporter"), ("梁琛", "photographer"), ("蔡华伟", "designer")]


def test_rerun_keeps_an_editors_body_and_its_section_heads(run):
    """An editor who rewrote the body keeps it and its section heads; a locked section_heads too."""
    issue, first, second = jumped_fragments()
    run(reassemble_issue, issue.pk)
    joined = Article.objects.get()
    run(editing.article_edit, article=joined, changes={"body": "一、新的小标题\n\n正文。", "section_heads": [0]})
    second.section_heads = []
    second.save()
    run(reassemble_issue, issue.pk)
    joined.refresh_from_db()
    assert (joined.body, joined.section_heads) == ("一、新的小标题\n\n正文。", [0])


def test_unsure_segmentation_flags_the_article_and_caps_its_link(run):
    """A fragment the segmenter was unsure of: its article needs review with an English reason,
    and the link that joins it is never confident."""
    issue, first, second = jumped_fragments(confidence=0.6, review="body line may open another article")
    run(reassemble_issue, issue.pk)
    (joined,) = Article.objects.all()
    link = Continuation.objects.get()
    assert (link.from_fragment_id, link.to_fragment_id) == (first.pk, second.pk)
    assert link.confidence <= 0.6 and link.needs_review
    assert joined.needs_review and joined.confidence <= 0.6
    assert "uncertain segmentation: body line may open another article" in joined.review_reason
    assert joined.review_reason.isascii()


def test_a_sure_segmentation_leaves_the_link_to_the_matcher(run):
    """Fragments segmented with confidence above the threshold do not cap the link."""
    issue, first, second = jumped_fragments(confidence=SEGMENT_MIN_CONFIDENCE)
    run(reassemble_issue, issue.pk)
    assert Continuation.objects.get().confidence > SEGMENT_MIN_CONFIDENCE or Continuation.objects.get().needs_review
    assert "segmentation" not in Article.objects.get().review_reason


def test_an_unsure_article_on_one_page_needs_review(run):
    """An article of one fragment whose boundaries are unsure is flagged too."""
    issue = IssueFactory()
    page = PageFactory(issue=issue, number=2)
    Fragment.objects.create(page=page, order=0, start=0, end=5, headline="短讯", text="本报讯 正文。",
                            confidence=0.7, review="title-shaped line read as headline")
    run(reassemble_issue, issue.pk)
    article = Article.objects.get()
    assert article.needs_review and article.review_reason == "uncertain segmentation: title-shaped line read as headline"


def test_a_headless_part_without_a_jump_in_line_is_not_a_fragment_record(run):
    """Only a part that opens with a jump-in line is a 续文 (kind fragment)."""
    issue = IssueFactory()
    page = PageFactory(issue=issue, number=2)
    Fragment.objects.create(page=page, order=0, start=0, end=5, kind="fragment", text="没有标题的一段正文。")
    run(reassemble_issue, issue.pk)
    assert Article.objects.get().kind == "news"
