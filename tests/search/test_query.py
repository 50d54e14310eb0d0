"""Parsing readers' queries (pure): syntax, hostile input, limits."""
import pytest

from archive.search.query import MAX_QUERY_CHARS, Term, parse_query


@pytest.mark.parametrize(
    "raw, clauses, excluded",
    [
        ("韦韬 汾酒", [["韦韬"], ["汾酒"]], []),
        ('"高质量发展" 太原', [['"高质量发展"'], ["太原"]], []),
        ("“高质量发展”", [['"高质量发展"']], []),
        ("韦韬 -汾酒", [["韦韬"]], ["汾酒"]),
        ("韦韬 NOT 汾酒", [["韦韬"]], ["汾酒"]),
        ("汾酒 OR 杏花村 太原", [["汾酒", "杏花村"], ["太原"]], []),
        ("汾酒 AND 太原", [["汾酒"], ["太原"]], []),
        ("AND OR NOT", [], []),
        ("汾* (太原)", [["汾"], ["太原"]], []),
        ("OR 汾酒", [["汾酒"]], []),
        ('-"太原解放"', [], ['"太原解放"']),
        ('"(同比)12.5%"', [['"(同比)12.5%"']], []),
        ('"“一带一路”倡议" 合作', [['"“一带一路”倡议"'], ["合作"]], []),
        ("＂基里巴＂", [['"基里巴"']], []),
    ],
)
def test_parse(raw, clauses, excluded):
    """Words, phrases, OR groups and exclusions come out as expected."""
    def show(term):
        return f'"{term.text}"' if term.phrase else term.text

    parsed = parse_query(raw)
    assert [[show(t) for t in clause] for clause in parsed.clauses] == clauses
    assert [show(t) for t in parsed.excluded] == excluded


def test_unbalanced_quote_falls_back_to_words():
    """An odd number of quotes reads the query as words and says so."""
    parsed = parse_query('"高质量 发展')
    assert parsed.positive_terms() == [Term("高质量"), Term("发展")]
    assert parsed.notices


def test_long_query_is_clipped():
    """A 10 KB query is cut to the limit with a notice."""
    parsed = parse_query("汾" * 10_000)
    assert len(parsed.positive_terms()[0].text) == MAX_QUERY_CHARS
    assert parsed.notices


def test_control_characters_separate_words():
    """Control and format characters never reach the engine."""
    parsed = parse_query("汾酒\x00太原\u200b杏花村\x1b")
    assert [t.text for t in parsed.positive_terms()] == ["汾酒", "太原", "杏花村"]


def test_too_many_terms_are_cut():
    """At most MAX_TERMS terms are kept."""
    parsed = parse_query(" ".join(f"词{i}" for i in range(100)))
    assert len(parsed.positive_terms()) == 24
    assert parsed.notices
