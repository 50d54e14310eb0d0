"""Cutting an assembled body back into the parts printed on each page."""
from archive.views.reading import FragmentShape, printed_parts


def test_single_fragment_is_one_part_of_paragraphs():
    """An article on one page is one part, its paragraphs split on blank lines."""
    parts = printed_parts("甲。\n\n乙。", [FragmentShape(page=1, text="甲。\n\n乙。")])
    assert [(part.page, part.paragraphs, part.jump_from, part.jump_to) for part in parts] == [(1, ["甲。", "乙。"], None, None)]


def test_cut_inside_a_word_is_found_after_column_repair():
    """The body joins 坚|决 across the cut; the parts still end and start where each page did."""
    body = "两市要坚决贯彻部署。\n\n会议还研究了其他事项。"
    parts = printed_parts(
        body,
        [FragmentShape(page=1, text="两市要坚", jump_to=3), FragmentShape(page=3, text="决贯彻部署。\n\n会议还研究了其他事项。", jump_from=1)],
    )
    assert [part.paragraphs for part in parts] == [["两市要坚"], ["决贯彻部署。", "会议还研究了其他事项。"]]
    assert [(part.jump_from, part.jump_to) for part in parts] == [(None, 3), (1, None)]


def test_dangling_jumps_are_kept_on_the_ends():
    """A start or end whose other half is missing keeps its jump page."""
    parts = printed_parts("续文。", [FragmentShape(page=4, text="续文。", jump_from=2, jump_to=6)])
    assert (parts[0].jump_from, parts[0].jump_to) == (2, 6)


def test_edited_body_falls_back_to_one_part():
    """When an editor rewrote the body, it is shown whole, with the outer jumps kept."""
    parts = printed_parts(
        "全新的正文。",
        [FragmentShape(page=1, text="旧的开头", jump_to=3), FragmentShape(page=3, text="旧的结尾", jump_from=1)],
    )
    assert [(part.page, part.paragraphs, part.jump_to) for part in parts] == [(1, ["全新的正文。"], None)]


def test_no_fragments_shows_the_body():
    """An article without fragments (entered by hand) is its body."""
    assert printed_parts("甲。", [])[0].paragraphs == ["甲。"]
