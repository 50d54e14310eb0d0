"""archive.text.words computes jieba's route itself: the same words, log-probabilities and joins."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.text import words
from archive.text.words import WINDOW, edge_tags, join_gain, reads_on, segment_logp

_JIEBA = words._DICTIONARY
# Characters that steer jieba's cut: Chinese (words and function characters), letters and digits
# it runs together, the marks that split its blocks, the other block characters (+#&._%-),
# spaces of all kinds, ideographs outside its block range and characters of other scripts.
_ALPHABET = "的在和一是了中国人民大会记者本报讯摄坚决贯彻太原汾河（）()，。、：:“”——·abcXYZ0123456789+#&._%- \u3000\t\r\n㐀鿖豈𠀀😀é"
TEXTS = [
    "本报讯（记者殷雪鸢）", "2019年2月1日", "坚决贯彻", "ABC公司", "Wi-Fi网络", "5G网络T恤衫",
    "实现免费Wi-Fi、通信", "3.5%", "中㐀国", "  前后空格  ", "。", "a", "\r\n", "——习近平",
]


def _jieba_logp(text: str) -> float:
    route: dict = {}
    _JIEBA.calc(text, _JIEBA.get_DAG(text), route)
    return route[0][0] if text else 0.0


def _jieba_edge_tags(text: str) -> tuple[str, str]:
    text = text.strip()
    if not text:
        return "none", "none"
    first = _JIEBA.lcut(text[:WINDOW + 2], HMM=False)[0]
    last = _JIEBA.lcut(text[-(WINDOW + 2):], HMM=False)[-1]
    return words._tag(first), words._tag(last)


def _jieba_gain(left: str, right: str) -> float:
    head, tail = left[-WINDOW:], right[:WINDOW]
    return round(_jieba_logp(head + tail) - _jieba_logp(head) - _jieba_logp(tail), 9)


def _jieba_reads_on(left: str, right: str) -> bool:
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return False
    return left[-1] in words._OPEN_ENDINGS or left[-1].isdigit() or _jieba_gain(left, right) > 0


def _check(text: str, other: str) -> None:
    _JIEBA.check_initialized()
    assert list(words._cut(text)) == _JIEBA.lcut(text, HMM=False)
    assert segment_logp.__wrapped__(text) == _jieba_logp(text)
    assert edge_tags(text) == _jieba_edge_tags(text)
    assert reads_on(text, other) == _jieba_reads_on(text, other)
    assert join_gain(text, other) == _jieba_gain(text, other)


@pytest.mark.parametrize("text", TEXTS)
def test_same_as_jieba(text):
    """The cut, the log-probability, the edge tags and the join of a text are jieba's."""
    for other in TEXTS:
        _check(text, other)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=14), st.text(alphabet=_ALPHABET, max_size=8))
def test_same_as_jieba_on_any_text(text, other):
    """The same on any string of the characters that steer jieba."""
    _check(text, other)
