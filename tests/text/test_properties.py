"""Properties of parse_page that hold for any text, checked with hypothesis."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.text import parse_page
from archive.text.types import BLOCK_KINDS

# Pieces that exercise the grammars: jump words, brackets of both widths, digits of both
# widths, credit and byline words, markdown marks, every line ending, the BOM.
_TOKENS = [
    "上接", "下转", "转", "接", "第", "版", "摄", "本报讯", "本报评", "记者", "新华社", "电",
    "(", ")", "（", "）", "、", " ", "\u3000", "#", "## ", "**", "——", "。", ",", "，",
    "\n", "\n\n", "\r\n", "\r", "\ufeff", "3", "03", "０３", "A", "三", "十二", "月", "日",
    "梁 琛", "李俊华", "韦韬", "太原", "出席", "时强调", "深入学习宣传贯彻", "政务之要",
]
_PIECES = st.one_of(
    st.sampled_from(_TOKENS),
    st.text(alphabet="上下接转第版摄本报讯记者()（）、 #*—。,\n\r0123456789０１２三十梁琛韦韬", max_size=6),
    st.text(max_size=4),
)
_PAGES = st.lists(_PIECES, max_size=60).map("".join)


def _assert_lossless(raw: str) -> None:
    page = parse_page(raw)
    assert "".join(raw[b.start:b.end] for b in page.blocks) == raw
    position = 0
    for block in page.blocks:
        assert block.start == position and block.end > block.start
        assert block.kind in BLOCK_KINDS
        assert block.fragment is None or 0 <= block.fragment < len(page.fragments)
        position = block.end
    assert position == len(raw)
    for order, fragment in enumerate(page.fragments):
        assert fragment.order == order
        assert 0 <= fragment.start < fragment.end <= len(raw)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGES)
def test_blocks_partition_any_text_built_from_newspaper_tokens(raw):
    """Blocks are sorted, contiguous, non-empty and join back into the raw text."""
    _assert_lossless(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_blocks_partition_arbitrary_unicode(raw):
    """Any unicode string, however odd, parses without raising and losslessly."""
    _assert_lossless(raw)


def test_empty_and_blank_pages_parse_to_space_only():
    """An empty page has no blocks; a blank one is one SPACE block; both are flagged."""
    assert parse_page("").blocks == []
    blank = parse_page(" \r\n\ufeff\n")
    assert [block.kind for block in blank.blocks] == ["space"]
    assert "no recognisable article" in blank.flags


def test_a_megabyte_of_one_line_does_not_hang():
    """A 1 MB line with no breaks (bad OCR) parses, losslessly."""
    raw = "上接(下转第" * 170_000
    _assert_lossless(raw)


def test_space_inside_an_article_belongs_to_it():
    """Blank lines between an article's blocks carry its index; those between articles none."""
    page = parse_page("政务之要\n\n## 标题\n\n本报讯 6月1日,会议召开。\n\n## 另一篇\n\n正文。")
    kinds = [(b.kind, b.fragment) for b in page.blocks]
    assert kinds == [
        ("banner", None), ("space", None), ("headline", 0), ("space", 0), ("byline", 0), ("space", 0),
        ("body", 0), ("space", None), ("headline", 1), ("space", 1), ("body", 1),
    ]
