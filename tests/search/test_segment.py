"""Normalisation, segmentation and snippets (pure)."""
from archive.search.segment import BREAK, add_words, normalise, segment
from archive.search.snippets import make_snippet


def test_normalise_is_simplified_half_width_lower_and_same_length():
    """Traditional → simplified, full-width → half-width, lower case; offsets survive."""
    assert normalise("韋韜與汾酒集團ＡＢＣ１２３") == "韦韬与汾酒集团abc123"
    text = "臺灣發展㈠ ﬁ"
    assert len(normalise(text)) == len(text)


def test_user_words_stay_whole():
    """A name added to the dictionary is one token."""
    add_words(["殷雪鸢", "汾酒集团"])
    assert "殷雪鸢" in segment("记者 殷雪鸢 梁涛").words
    assert "汾酒集团" in segment("韦韬与汾酒集团党委书记").words


def test_traditional_and_simplified_segment_alike():
    """The same sentence in either script gives the same tokens."""
    assert segment("韋韜強調推動高質量發展") == segment("韦韬强调推动高质量发展")


def test_punctuation_is_not_a_token():
    """Punctuation and spaces never become index terms."""
    result = segment("“烟火气”，持续！ ABC-12")
    assert [w for w in result.words if w != BREAK] == segment("烟火气持续").words + ["abc", "12"]


def test_punctuation_and_line_breaks_leave_a_break():
    """Words separated by punctuation or a line break have a BREAK between them; spaces do not."""
    assert segment("需要，法治").words == ["需要", BREAK, "法治"]
    assert segment("需要\n法治").words == ["需要", BREAK, "法治"]
    assert segment("需要 法治。").words == ["需要", "法治"]


def test_snippet_marks_and_escapes():
    """A snippet marks the needles in the original script and escapes everything else."""
    snippet = make_snippet("<p>前文</p>" + "字" * 100 + "韋韜出席會議。" + "尾" * 200, ["韦韬"])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>韋韜</mark>出席" in snippet
    assert "<p>" not in snippet


def test_snippet_without_match_is_the_opening():
    """No needle in the text: the opening of the text."""
    assert make_snippet("开头一句。" * 50, ["汾酒"]).startswith("开头一句。")
