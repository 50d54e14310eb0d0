"""Short fuzz runs over parse_page and the jump-line grammar with hostile input (the long run
with atheris and more examples is bench/fuzz.py): no exception, lossless blocks, printed jump
spans, each example in bounded time."""
import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.text import parse_page
from archive.text.jumps import find_jumps, page_number
from tests.fuzz.properties import PAGES, check_jumps, check_page, warm_up

warm_up()

# Far above what a few kilobytes take (milliseconds): only a runaway (backtracking, a loop
# that does not end) crosses it.
def bounded(examples):
    return settings(max_examples=examples, deadline=datetime.timedelta(seconds=5),
                    suppress_health_check=[HealthCheck.too_slow])


@bounded(300)
@given(PAGES)
def test_parse_page_survives_hostile_pages(raw):
    check_page(raw)


@bounded(300)
@given(st.text(max_size=2000))
def test_parse_page_survives_any_unicode(raw):
    check_page(raw)


@bounded(500)
@given(st.one_of(PAGES, st.text(max_size=500)))
def test_the_jump_grammar_survives_hostile_text(text):
    check_jumps(text)


@bounded(200)
@given(st.text(alphabet="上下接转第版()（）[]【】 \u3000一二三四五六七八九十0123456789０１２ＡA", max_size=40))
def test_the_jump_grammar_in_its_own_alphabet(text):
    """Text made only of the grammar's characters: the densest ground for a wrong span."""
    check_jumps(text)


@given(st.integers(min_value=1, max_value=999))
def test_page_numbers_read_back(number):
    assert page_number(str(number)) == number
    assert page_number(f"{number:03d}") == number
    assert find_jumps(f"(下转第{number}版)")[0].page == number


def test_a_page_number_in_superscript_or_another_script():
    """Found by atheris (bench/fuzz.py): page_number("¹") raised ValueError, as "¹".isdigit()
    but int() cannot read it. Digits of other scripts (٣) are read; superscripts are no page."""
    assert page_number("¹") is None and page_number("A¹²") is None
    assert page_number("٣") == 3 and page_number("０３") == 3


def test_a_bare_jump_line_followed_by_a_bom_is_its_printed_span():
    """Found by atheris (bench/fuzz.py): a bare 上接 line ending in a BOM (space to the match
    view, not to str.strip) had a span without the BOM but a text with it."""
    (jump,) = find_jumps("上接A01版\ufeff")
    assert (jump.start, jump.end, jump.text, jump.page) == (0, 6, "上接A01版", 1)
    check_jumps("  上接第3版\u3000\ufeff\n正文")


def test_markup_and_template_syntax_are_text_to_the_parser():
    """Markup in OCR text is kept verbatim in the fragment: the parser neither strips nor decodes."""
    raw = "## 汾河<b>治理</b>{{ x }}\n\n本报讯 会议召开<script>alert(1)</script> &amp; &lt; {% if %}。\n"
    check_page(raw)
    (fragment,) = parse_page(raw).fragments
    assert "<script>alert(1)</script> &amp; &lt; {% if %}" in fragment.text
    assert "<b>治理</b>{{ x }}" in fragment.headline
