"""Whether text runs on across a line break: a word spanning it, or a word that cannot end a line.

Both the parser (is this short line a title, or the head of a paragraph a column break cut?)
and the continuation matcher (does this tail finish the word the head left open?) ask it.
"""
from __future__ import annotations

from functools import lru_cache

import jieba

jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on first use

# A tokenizer of our own: the search layer teaches the default one project words
# (jieba.add_word), which must not change parsing or matching from one process to another.
_DICTIONARY = jieba.Tokenizer()

# Characters looked at each side of a join.
WINDOW = 4
# Function words that leave a sentence open: a title never ends on one, a column break often
# does ("…是一家经营的", "…何立峰和", "…转移到"). Measured on
# the 人民日报 corpus: 3 of 1,138 headlines of up to 20 characters end on one, or have a word
# across their join with the first paragraph, against 59% of the paragraph heads a column
# break cuts at the same lengths (the rest are cut between words and look like titles).
_OPEN_ENDINGS = frozenset("的在和与及是为他我们到于从让把被将对向以而并且或同跟给比由因但又也就还很最更")


@lru_cache(maxsize=16384)
def segment_logp(text: str) -> float:
    """Log-probability of jieba's best segmentation of ``text`` under its unigram model."""
    _DICTIONARY.check_initialized()
    route: dict = {}
    _DICTIONARY.calc(text, _DICTIONARY.get_DAG(text), route)
    return route[0][0] if text else 0.0


def join_gain(left: str, right: str) -> float:
    """How much likelier jieba finds ``left`` + ``right`` read as one string than as two:
    positive when a dictionary word spans the join (坚|决贯彻), zero when none does (rounded:
    with no word across the join the two sums differ only in the order of float additions)."""
    h, t = left[-WINDOW:], right[:WINDOW]
    return round(segment_logp(h + t) - segment_logp(h) - segment_logp(t), 9)


def reads_on(left: str, right: str) -> bool:
    """True when ``right`` continues the sentence ``left`` breaks off: a word spans the join,
    or ``left`` ends on a function word or a digit (a title ends on neither)."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return False
    return left[-1] in _OPEN_ENDINGS or left[-1].isdigit() or join_gain(left, right) > 0


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's dictionary's part-of-speech tag of each word (n, v, nr, ns, t, p …)."""
    _DICTIONARY.check_initialized()
    tags = {}
    with _DICTIONARY.get_dict_file() as lines:
        for raw in lines:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def _tag(word: str) -> str:
    if not word:
        return "none"
    if word.isdigit():
        return "digit"
    if len(word) == 1 and not word.isalnum():
        return "punct"
    return _tags().get(word, "unknown" if len(word) > 1 else "char")


@lru_cache(maxsize=65536)
def edge_tags(text: str) -> tuple[str, str]:
    """The part of speech of the first and of the last word of ``text``: a section head ends on
    a noun or a verb and a sentence starts with a time, a place or a preposition, while a
    column break cuts anywhere. General knowledge of the language, where the characters
    themselves would only be remembered from the training text."""
    text = text.strip()
    if not text:
        return "none", "none"
    first = _DICTIONARY.lcut(text[:WINDOW + 2], HMM=False)[0]
    last = _DICTIONARY.lcut(text[-(WINDOW + 2):], HMM=False)[-1]
    return _tag(first), _tag(last)
