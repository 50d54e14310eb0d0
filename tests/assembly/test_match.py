"""Matching jump-outs to jump-ins: features, page agreement, optimal assignment, confidence."""
import json

import numpy as np
import pytest

from archive.assembly import FEATURES, REVIEW_THRESHOLD, JumpIn, JumpOut, join_across, join_paragraphs, match_jumps
from archive.assembly import features as F
from archive.assembly.match import assign, confidence
from archive.assembly.text import ends_sentence

HEAD_A = JumpOut("a", 1, 3, 0, "韦韬与汾酒集团举行工作会谈", (
    "本报讯 6月1日，韦韬与汾酒集团党委书记袁清茂举行工作会谈。",
    "他说，当前，全市上下正坚",
))
HEAD_B = JumpOut("b", 1, 3, 1, "张新伟调研督导防汛工作", (
    "张新伟来到汾河清徐齐南安段，检查防洪能力和堤防加固情况。",
    "他要求，各级各部门要压实防汛责任，",
))
TAIL_A = JumpIn("x", 3, 1, 2, None, ("决贯彻党中央要求，韦韬希望汾酒集团扩大在并投资，袁清茂表示感谢。",))
TAIL_B = JumpIn("y", 3, 1, 4, None, ("确保汾河防洪安全，张新伟强调，要加强堤防巡查，做好防汛物资储备。",))


def pair(outs, ins, **kw):
    return {(l.out_key, l.in_key) for l in match_jumps(outs, ins, **kw)}


@pytest.mark.parametrize("text, expected", [
    ("他说。", True), ("他说：“好！”", True), ("真的吗？", True), ("等等…", True),
    ("全市上下正坚", False), ("他要求，", False), ("（李俊华）", False), ("", False),
])
def test_ends_sentence(text, expected):
    """Terminal punctuation, possibly inside closing quotes, ends a sentence; nothing else does."""
    assert ends_sentence(text) is expected


# A whole paragraph and the next (a jump between paragraphs), and a paragraph cut in two after a
# full stop: two short pieces whose prose reads on (assembly.text.runs_on).
WHOLE = ("近年来，我市坚持以人民为中心的发展思想，持续加大民生投入，全年民生支出占一般公共预算支出的比重保持在八成以上，"
         "教育、医疗、养老等领域的短板加快补齐，群众的获得感、幸福感、安全感不断增强。")
NEXT = ("据了解，今年全市将新建和改扩建中小学、幼儿园四十所，新增学位两万余个，同时推进基层医疗卫生机构标准化建设，"
        "让群众在家门口就能享受到优质便捷的医疗服务。")
PIECE = "双方同意在相关领域合作规划或制定行动计划。"
REST = "加方支持中方举办第二届高峰论坛，愿同中方加强沟通协调。"


@pytest.mark.parametrize("head, tail, expected", [
    (["甲。", "全市上下正坚"], ["决贯彻。", "乙。"], ["甲。", "全市上下正坚决贯彻。", "乙。"]),
    (["他要求，"], ["确保安全。"], ["他要求，确保安全。"]),
    ([WHOLE], [NEXT], [WHOLE, NEXT]),
    ([WHOLE[:-1] + "：“好。”"], [NEXT], [WHOLE[:-1] + "：“好。”", NEXT]),
    (["甲。", PIECE], [REST], ["甲。", PIECE + REST]),
    ([], ["尾。"], ["尾。"]),
    (["头"], [], ["头"]),
])
def test_join_paragraphs(head, tail, expected):
    """A head cut mid-sentence joins the tail's first paragraph; one cut after a full stop joins
    it when the two read as one paragraph, and a whole paragraph stays apart."""
    assert join_paragraphs(head, tail) == expected


def test_continuity_sees_a_word_across_the_cut():
    """坚|决贯彻 forms a dictionary word across the cut; an unrelated tail does not."""
    ctx = F.Context([HEAD_A, HEAD_B], [TAIL_A, TAIL_B])
    assert F.continuity(ctx, HEAD_A, TAIL_A)["cut_word"] > 1.0
    assert F.continuity(ctx, HEAD_A, TAIL_B)["cut_word"] == 0.0


@pytest.mark.parametrize("repeated, expected", [
    ("韦韬与汾酒集团举行工作会谈", 1.0),
    ("## 韦韬与汾酒集团 举行工作会谈", 1.0),
    (None, 0.0),
    ("国务院常务会议部署稳就业", -1.0),
])
def test_headline(repeated, expected):
    """A repeated headline above the tail: equal (ignoring spaces, markdown) 1, absent 0, different −1."""
    tail = JumpIn("t", 3, 1, 0, repeated, ("正文。",))
    assert F.headline(None, HEAD_A, tail)["headline"] == pytest.approx(expected)


def test_tfidf_prefers_the_related_tail():
    """The tail about the same people and things is closer in tf-idf space."""
    ctx = F.Context([HEAD_A, HEAD_B], [TAIL_A, TAIL_B])
    assert F.tfidf(ctx, HEAD_A, TAIL_A)["tfidf"] > F.tfidf(ctx, HEAD_A, TAIL_B)["tfidf"]


def test_names_counts_only_rare_shared_tokens():
    """A name both halves hold counts; one a third fragment also holds does not."""
    third = JumpIn("z", 3, 1, 5, None, ("韦韬出席。",))
    ctx = F.Context([HEAD_A], [TAIL_A])
    assert F.names(ctx, HEAD_A, TAIL_A)["names"] > 0
    ctx3 = F.Context([HEAD_A], [TAIL_A, third])
    assert F.names(ctx3, HEAD_A, TAIL_A)["names"] < F.names(ctx, HEAD_A, TAIL_A)["names"]


@pytest.mark.parametrize("args, expected", [
    ((0, 1, 0, 1), 0.0), ((0, 3, 0, 3), 1.0), ((2, 3, 2, 3), 1.0), ((0, 3, 2, 3), -1.0), ((0, 5, 1, 5), -0.25),
])
def test_order(args, expected):
    """Same rank on both pages agrees; the further apart, the stronger the disagreement."""
    assert F.order(*args)["order"] == pytest.approx(expected)


def test_matches_the_obvious_pairs():
    """Two heads to page 3 find their own tails, with evidence and confidence."""
    links = match_jumps([HEAD_A, HEAD_B], [TAIL_B, TAIL_A])
    assert {(l.out_key, l.in_key) for l in links} == {("a", "x"), ("b", "y")}
    assert all(0 <= l.confidence <= 1 for l in links)
    json.dumps([l.evidence for l in links])


@pytest.mark.parametrize("out_change, in_change", [
    ({"target_page": 4}, {}),
    ({}, {"source_page": 2}),
    ({"target_page": None}, {}),
    ({}, {"source_page": None}),
    ({}, {"page": 4}),
])
def test_pages_must_agree(out_change, in_change):
    """A pair is considered only when both jump lines name each other's pages; None names nothing."""
    out = JumpOut(**{**HEAD_A.__dict__, **out_change})
    jin = JumpIn(**{**TAIL_A.__dict__, **in_change})
    assert match_jumps([out], [jin]) == []
    assert pair([HEAD_A], [TAIL_A]) == {("a", "x")}


def test_assignment_is_optimal_not_greedy():
    """Greedy would take the single best pair (10) and be left with 1; the optimum sums 18."""
    total, pairs = assign(np.array([[10.0, 9.0], [9.0, 1.0]]))
    assert sorted(pairs) == [(0, 1), (1, 0)]
    assert total == 18.0


def test_implausible_pair_stays_unlinked():
    """A pair scoring below the unlinked option is not linked, in assign and in match_jumps."""
    assert assign(np.array([[-50.0]]))[1] == []
    stranger = JumpIn("s", 3, 1, 0, "国务院常务会议部署稳就业工作", ("国务院总理主持召开常务会议。",))
    assert match_jumps([HEAD_A], [stranger]) == []


def test_ambiguous_pair_is_flagged():
    """Two heads and two tails that cannot be told apart: whatever is linked needs review."""
    twin_out = JumpOut("a2", 1, 3, 1, HEAD_A.headline, HEAD_A.paragraphs)
    twin_in = JumpIn("x2", 3, 1, 3, None, TAIL_A.paragraphs)
    links = match_jumps([HEAD_A, twin_out], [TAIL_A, twin_in], features=("continuity", "headline", "tfidf", "names"))
    assert len(links) == 2
    assert all(l.needs_review and l.confidence < REVIEW_THRESHOLD for l in links)


def test_clear_pair_is_confident():
    """A lone head and tail continuing a word across the cut is linked without review."""
    (link,) = match_jumps([HEAD_A], [TAIL_A])
    assert not link.needs_review and link.confidence >= REVIEW_THRESHOLD


# A second story on the same visit, closer in words to TAIL_B than TAIL_B's own head.
HEAD_C = JumpOut("c", 1, 3, 2, "张新伟检查汾河防洪安全", (
    "张新伟检查汾河防洪安全和防汛物资储备情况，察看堤防巡查。",
    "他指出，要坚决",
))


def test_unbalanced_pair_flags_the_orphans_link():
    """Three heads, two tails, one head's tail missing: whichever head takes a tail that is not its
    own is flagged, though nothing better competes for it."""
    tail_c_missing = [TAIL_A, TAIL_B]
    links = match_jumps([HEAD_A, HEAD_B, HEAD_C], tail_c_missing)
    truth = {("a", "x"), ("b", "y")}
    wrong = [l for l in links if (l.out_key, l.in_key) not in truth]
    assert wrong, "the case must provoke a wrong link to be a test"
    assert all(l.needs_review and l.confidence < REVIEW_THRESHOLD for l in wrong)
    assert all(l.evidence["balanced"] is False for l in links)


def test_lone_wrong_pair_with_weak_evidence_is_flagged():
    """One head, one tail, the tail from another article: a word across the cut alone does not
    make the link confident when the halves share no story."""
    stranger = JumpIn("s", 3, 1, 0, None, ("决定在全省开展安全生产大检查，重点排查危险化学品企业。",))
    links = match_jumps([HEAD_A], [stranger])
    assert all(l.needs_review for l in links)


@pytest.mark.parametrize("margin, score, topic, balanced, confident", [
    (9.0, 8.0, 9.0, True, True),      # strong on every count
    (9.0, 8.0, 9.0, False, True),     # strong enough to beat a missing partner
    (9.0, 2.0, 9.0, False, False),    # unbalanced: a middling score is not enough
    (9.0, 2.0, 9.0, True, True),      # balanced: it is
    (9.0, -1.0, 9.0, True, False),    # weak in absolute terms, however large the margin
    (9.0, 8.0, 1.0, True, False),     # no sign of the same story
    (1.0, 8.0, 9.0, True, False),     # a close second candidate
])
def test_confidence_needs_margin_absolute_score_and_topic(margin, score, topic, balanced, confident):
    """Confidence passes the review threshold only when margin, score and topic evidence all do."""
    assert (confidence(margin, score, topic, balanced) >= REVIEW_THRESHOLD) is confident


def test_features_can_be_turned_off():
    """Only the chosen features appear in the evidence; unknown names are refused."""
    (link,) = match_jumps([HEAD_A], [TAIL_A], features=("tfidf",))
    assert set(link.evidence) == {"tfidf", "margin", "topic", "balanced"}
    assert pair([HEAD_A], [TAIL_A], features=()) == {("a", "x")}
    with pytest.raises(ValueError):
        match_jumps([HEAD_A], [TAIL_A], features=("colour",))


def test_six_by_six_all_link_one_to_one():
    """Six heads to one page and six tails there each get one partner, the right one (their
    speed is the benchmark's business: bench/reassembly.py prints ms per issue)."""
    outs = [JumpOut(i, 1, 3, i, f"标题{i}号文章", (f"第{i}篇文章讲述城市建设第{i}期工程，",)) for i in range(6)]
    ins = [JumpIn(10 + i, 3, 1, i, None, (f"第{i}期工程进展顺利。",)) for i in range(6)]
    assert pair(outs, ins) == {(i, 10 + i) for i in range(6)}


def test_only_a_join_near_even_odds_is_in_doubt():
    """A cut after a full stop is a guess near even odds: those go to an editor, clear ones do not,
    and a cut mid-sentence is never in doubt."""
    from archive.assembly.text import JOIN_DOUBT, runs_on

    assert join_across(["全市上下正坚"], ["决贯彻。"])[1] is None
    assert join_across([WHOLE], [NEXT])[1] is None and runs_on(WHOLE, NEXT) < 0.5 - JOIN_DOUBT
    assert join_across([PIECE], [REST])[1] is None and runs_on(PIECE, REST) > 0.5 + JOIN_DOUBT
    near = WHOLE[:60] + "。"
    assert abs(runs_on(near, NEXT) - 0.5) < JOIN_DOUBT
    assert join_across([near], [NEXT])[1] == runs_on(near, NEXT)
