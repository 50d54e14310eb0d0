"""The benchmark's scoring: parsed fragments found in the truth, wrong links blamed on parser or matcher."""
import random

from bench.issuegen import generate_issues
from bench.reassembly import judge, locate, pure_fragments

A1 = "国家主席习近平31日在人民大会堂会见国际奥林匹克委员会主席巴赫。"
A2 = "巴赫表示，国际奥委会高度赞赏中国为奥林匹克运动作出的贡献，"
B1 = "记者从近日闭幕的云南省第十三届人大二次会议获悉：云南将着力推进绿色能源建设。"
C1 = "外交部发言人耿爽20日宣布：中俄印外长第十六次会晤将于2月27日在浙江乌镇举行。"
PRINTED = [(("p1", 0), 1, A1 + "\n" + A2), (("p1", 1), 1, B1), (("p1", 2), 1, C1)]


def test_locate_finds_reordered_and_reformatted_fragments():
    """Parsed fragments map to printed ones by text, whatever their order, brackets or spacing."""
    parsed = [(10, 1, C1.replace("：", ":")), (11, 1, " ".join([A1, A2])), (12, 1, B1)]
    found = locate(PRINTED, parsed)
    assert {k: (f.opens, f.closes) for k, f in found.items()} == {
        10: (("p1", 2),) * 2, 11: (("p1", 0),) * 2, 12: (("p1", 1),) * 2,
    }
    assert all(f.clean for f in found.values())


def test_locate_tells_where_a_merged_fragment_opens_and_closes():
    """A parsed fragment holding two printed ones opens with the first, closes with the second
    and is not clean; a printed fragment split in two makes both halves unclean."""
    found = locate(PRINTED, [(20, 1, A1 + A2 + B1 + B1), (21, 1, C1)])
    assert (found[20].opens, found[20].closes, found[20].clean) == (("p1", 0), ("p1", 1), False)
    assert found[21].clean
    found = locate(PRINTED, [(30, 1, A1), (31, 1, A2), (32, 1, B1)])
    assert found[30].opens == found[31].opens == ("p1", 0)
    assert not found[30].clean and not found[31].clean and found[32].clean


def test_locate_ignores_other_pages_and_unknown_text():
    """Text found only on another page, or nowhere, maps to nothing."""
    found = locate(PRINTED, [(40, 2, A1 + A2), (41, 1, "完全无关的一段文字内容。")])
    assert all(f.opens is None and f.closes is None and not f.clean for f in found.values())


def test_judge_blames_parser_or_matching():
    """A wrong link is the parser's when a half of a true link was lost, else the matcher's."""
    truth = {"h1": "t1", "h2": "t2", "h3": "t3"}
    delivered = {"h1", "h2"}
    assert judge("h1", "t1", truth, delivered) == "correct"
    assert judge("h1", "t2", truth, delivered) == "matching"
    assert judge("h1", "t3", truth, delivered) == "parser"
    assert judge(None, "t1", truth, delivered) == "parser"
    assert judge("h1", "not-a-tail", truth, delivered) == "parser"


def test_dropping_jump_lines_shrinks_what_is_delivered(corpus_dir):
    """With jump lines dropped, fewer true links reach the matcher; with none dropped, all do."""
    issues = generate_issues(5, seed=7, corpus_dir=corpus_dir)
    outs, ins, truth, delivered = pure_fragments(issues[0])
    assert delivered == set(truth) and len(outs) == len(ins) == len(truth)
    rng = random.Random(3)
    lost = [pure_fragments(i, 0.5, rng) for i in issues]
    assert sum(len(d) for *_, d in lost) < sum(len(t) for _, _, t, _ in lost)
