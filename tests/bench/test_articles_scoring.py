"""The end-to-end benchmark's scoring: records matched to truth articles, text misses classified."""
import datetime as dt

from bench.articles import JUMP_LEFT, classify_miss, match_records
from bench.issuegen import GeneratedIssue, TruthArticle

A = TruthArticle([1], "甲新闻", ["第一段讲了一件事情（上）。", "小标题", "第二段又讲了一件事情。"], False, section_heads=[1])
B = TruthArticle([1, 3], "乙新闻", ["另一篇文章的内容很不一样，", "后面还有很多字。"], True)
ISSUE = GeneratedIssue("bench-daily", dt.date(2001, 1, 1), {1: "", 3: ""}, [A, B])


def record(text, pages=(1,), headline=None):
    return {"text": text, "pages": list(pages), "headline": headline}


def test_records_match_one_truth_article_each_on_a_shared_page():
    """The best text overlap wins; a record on no page of the article matches nothing."""
    records = [record("另一篇文章的内容很不一样，后面还有很多字。", (1, 3)), record("第一段讲了一件事情（上）。"),
               record("第一段讲了一件事情（上）。", (5,))]
    matched = match_records(ISSUE, records)
    assert matched[0] is records[1] and matched[1] is records[0]


def test_misses_are_classified():
    """Width folding, left jump lines, unjoined column breaks, truncation at a section head, merges."""
    text = "\n\n".join(A.paragraphs)
    assert classify_miss(record(text.replace("（上）", "(上)")), A).startswith("width folded")
    assert classify_miss(record(text + "(下转第3版)"), A) == "jump line left in text"
    assert classify_miss(record(text.replace("一件", "一\n\n件", 1)), A) == "column break not joined"
    assert classify_miss(record("第一段讲了一件事情（上）。"), A) == "truncated: section head started a new article"
    assert classify_miss(record(text + "\n\n别的文章。"), A) == "merged with next article"
    assert classify_miss(None, A).startswith("no record")


def test_jump_lines_left_are_found_by_shape():
    """Bracketed or paragraph-initial jump lines count; 线上接单 in prose does not."""
    assert JUMP_LEFT.search("正文（下转第 3版）") and JUMP_LEFT.search("上段。\n\n上接A01版正文") and JUMP_LEFT.search("(接第1版)正文")
    assert not JUMP_LEFT.search("推动线上接单，线下转线上。")
