"""What must hold for any input to the pure text layer, shared by the fuzz tests
(tests/fuzz/) and the long fuzz run (bench/fuzz.py): no exception, lossless blocks, jump
spans that are the printed text. Each check raises AssertionError naming what broke."""
import datetime

from hypothesis import strategies as st

from archive.text import parse_page
from archive.text.jumps import find_jumps, jump_at_end, jump_at_start, page_number
from archive.text.types import BLOCK_KINDS

# Pieces a hostile or broken page is made of: the jump, byline and headline grammars' words in
# both widths, markup, entities and template syntax, odd spaces and line ends, controls,
# combining marks, right-to-left text, private-use and astral characters.
HOSTILE_TOKENS = [
    "上接", "下转", "转", "接", "第", "版", "上 接", "下　转", "摄", "本报讯", "本报记者", "记者", "新华社", "电",
    "(", ")", "（", "）", "[", "]", "【", "】", "、", " ", "\u3000", "\t", "#", "## ", "**", "——", "。", ",", "，",
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\ufeff", "\u200b", "\u200e",
    "\u202e", "\x00", "\x1b[31m", "\ud7ff", "\U0001f600", "\U000e0001", "\ue000", "e\u0301", "\u0300" * 5,
    "3", "03", "０３", "A01", "Ａ", "三", "十二", "九十九", "一百", "0", "000", "9999",
    "<script>alert(1)</script>", "&amp;", "&lt;", "&#60;", "&#x3c;", "{{ x }}", "{% if %}", "{#", "%}",
    "梁 琛", "李俊华", "太原", "(下转第3版)", "(上接第1版)", "（下转第三版）", "上接A01版", "(转第", "版)",
    "\\", "'", '"', "`", "$", "*" * 40, "。" * 50, "a" * 100,
]
_PIECES = st.one_of(
    st.sampled_from(HOSTILE_TOKENS),
    st.text(alphabet="上下接转第版()（）[]【】 \u3000\n0123456789０１２三十A", max_size=8),
    st.text(max_size=6),
)
PAGES = st.lists(_PIECES, max_size=80).map("".join)


def warm_up() -> None:
    """Load the segmenter's model and jieba's dictionary (jieba loads on the first page of two
    lines or more, ~2 s) before any input is timed."""
    parse_page("本报讯 会议召开。\n会议强调,要推动工作。\n")


def check_page(raw: str) -> None:
    """parse_page does not raise; its blocks partition ``raw`` exactly; fragments are in it."""
    page = parse_page(raw)
    assert "".join(raw[b.start:b.end] for b in page.blocks) == raw, "blocks do not join back into the page"
    position = 0
    for block in page.blocks:
        assert block.start == position and block.end > block.start, f"block {block} leaves a gap or is empty"
        assert block.kind in BLOCK_KINDS, block.kind
        assert block.fragment is None or 0 <= block.fragment < len(page.fragments)
        position = block.end
    for order, fragment in enumerate(page.fragments):
        assert fragment.order == order
        assert 0 <= fragment.start < fragment.end <= len(raw), f"fragment {order} outside the page"
        for jump in (fragment.jump_in, fragment.jump_out):
            assert jump is None or jump.page is None or 1 <= jump.page <= 999
    for guess in (page.date, page.page_number):
        assert guess is None or 0 <= guess.confidence <= 1
    assert page.date is None or isinstance(page.date.value, datetime.date)


def check_jumps(text: str) -> None:
    """Jump lines found anywhere are spans of ``text`` that read as printed, in order, shifted
    exactly by an offset; the start/end helpers agree with them; page numbers are sane."""
    jumps = find_jumps(text)
    assert [j.start for j in jumps] == sorted(j.start for j in jumps)
    for jump in jumps:
        assert 0 <= jump.start < jump.end <= len(text), f"{jump} outside the text"
        assert text[jump.start:jump.end] == jump.text, f"{jump} is not the printed text {text[jump.start:jump.end]!r}"
        assert jump.direction in ("in", "out")
        assert jump.page is None or 1 <= jump.page <= 999
    assert [(j.start + 7, j.end + 7) for j in jumps] == [(j.start, j.end) for j in find_jumps(text, 7)]
    end = jump_at_end(text)
    assert end is None or end.end == len(text.rstrip())
    start = jump_at_start(text)
    assert start is None or start.start == len(text) - len(text.lstrip())
    for token in (text[:4], text[-3:]):
        number = page_number(token)
        assert number is None or number >= 1  # bare tokens may be longer than a jump line allows
