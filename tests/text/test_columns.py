"""Column-break repair."""
from archive.text.columns import join_broken


def test_a_word_cut_by_the_column_is_joined_without_a_separator():
    """崇 + 高品质 → 崇高品质."""
    assert join_broken(["…赤诚为民的崇", "高品质,坚持把人民利益放在首位。"]) == ["…赤诚为民的崇高品质,坚持把人民利益放在首位。"]


def test_a_paragraph_ending_in_a_comma_is_joined():
    """A cut after a comma is still a cut."""
    assert join_broken(["落地落实,", "助力五市协同联动发展。"]) == ["落地落实,助力五市协同联动发展。"]


def test_several_cuts_in_a_row_are_joined():
    """A paragraph cut twice becomes one."""
    assert join_broken(["甲", "乙", "丙。", "丁。"]) == ["甲乙丙。", "丁。"]


def test_real_paragraph_ends_are_kept():
    """Terminal punctuation (。！？…”) ends a paragraph."""
    paragraphs = ["会议召开。", "他说:“好!”", "真的吗？", "等等……", "下一段。"]
    assert join_broken(paragraphs) == paragraphs


def test_a_final_unfinished_paragraph_stays():
    """The last paragraph has nothing to join to (the rest is on another page)."""
    assert join_broken(["第一段。", "转到下一版的半句"]) == ["第一段。", "转到下一版的半句"]
    assert join_broken([]) == []
