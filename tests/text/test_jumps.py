"""The jump-line grammar: every common spelling recognised, prose never."""
import pytest

from archive.text.jumps import find_jumps, jump_at_end, jump_at_start, page_number


@pytest.mark.parametrize("text, direction, page", [
    ("(下转第3版)", "out", 3),
    ("（下转第三版）", "out", 3),
    ("(下转03版)", "out", 3),
    ("（下转A3版）", "out", 3),
    ("（转第4版）", "out", 4),
    ("(上接第1版)", "in", 1),
    ("（上接01版）", "in", 1),
    ("上接A01版", "in", 1),
    ("( 下转 第 3 版 )", "out", 3),
    ("(下转第3版）", "out", 3),
    ("(下 转03版)", "out", 3),
    ("(上接第0 3版)", "in", 3),
    ("（上接第十 二版）", "in", 12),
    ("（下转第十二版）", "out", 12),
    ("（上接第二十版）", "in", 20),
    ("(接第2版)", "in", 2),
    ("（下转第３版）", "out", 3),
    ("【下转第5版】", "out", 5),
    ("(下转第版)", "out", None),
    ("（上接）", "in", None),
])
def test_jump_lines_are_recognised(text, direction, page):
    """Each spelling gives one jump with its direction and page, spanning the whole line."""
    [jump] = find_jumps(text)
    assert (jump.direction, jump.page, jump.start, jump.end) == (direction, page, 0, len(text))
    assert jump.text == text


@pytest.mark.parametrize("text", [
    "线上接单", "上接天气", "线下转线上", "转第二天", "(转第二天)", "上接3版天气",
    "他说上接第3版的内容", "下转", "(转型升级)", "对接第二批项目", "（第3版）",
])
def test_prose_is_not_a_jump(text):
    """The words alone, outside a jump line's shape, are prose."""
    assert find_jumps(text) == []


def test_jumps_are_found_at_the_edges_of_a_paragraph():
    """A jump-out ends a paragraph, a jump-in starts one; spans are offsets into the text."""
    text = "(上接01版)深入开展行动。(下转第3版)"
    assert jump_at_start(text).direction == "in"
    out = jump_at_end(text + "  ")
    assert (out.direction, out.page, text[out.start:out.end]) == ("out", 3, "(下转第3版)")
    assert jump_at_end("深入开展行动。") is None
    assert jump_at_start("深入开展(上接01版)") is None


def test_find_jumps_shifts_spans_by_the_offset():
    """With an offset, spans point into the enclosing text."""
    [jump] = find_jumps("正文。(下转第3版)", offset=100)
    assert (jump.start, jump.end) == (103, 110)


@pytest.mark.parametrize("token, page", [
    ("3", 3), ("03", 3), ("A3", 3), ("A01", 1), ("三", 3), ("十", 10), ("十二", 12),
    ("二十", 20), ("二十一", 21), ("０３", 3), ("", None), (None, None), ("0", None), ("十十", None),
])
def test_page_numbers_are_read_in_every_notation(token, page):
    """Arabic, zero-padded, lettered, full-width and Chinese page numbers."""
    assert page_number(token) == page
