"""Whether text runs on across a line break: a word spanning it, or a word that cannot end a line.

Both the parser (is this short line a title, or the head of a paragraph a column break cut?)
and the continuation matcher (does this tail finish the word the head left open?) ask it.
"""
from __future__ import annotations

from functools import lru_cache
from math import log
from typing import Iterator

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


class _WordLogp(dict):
    """log(frequency) - log(total) of each string, as jieba's ``calc`` scores it (1 for a string
    that is no word), filled on first sight."""

    def __missing__(self, word: str) -> float:
        value = self[word] = log(_DICTIONARY.FREQ.get(word) or 1) - log(_DICTIONARY.total)
        return value


_WORD_LOGP = _WordLogp()


def _route(text: str) -> list[tuple[float, int]]:
    """jieba's best route through ``text``: ``Tokenizer.get_DAG`` and ``Tokenizer.calc`` in one
    pass from the end, the same sums in the same order (so the same floats and the same ties),
    without building the DAG as a dict. route[k] = (log-probability of text[k:], last index of
    the first word from k)."""
    _DICTIONARY.check_initialized()
    freq, logp = _DICTIONARY.FREQ, _WORD_LOGP
    n = len(text)
    route: list = [None] * n + [(0, 0)]
    for k in range(n - 1, -1, -1):
        # The DAG's edges from k: every dictionary word (frequency > 0) starting there; the
        # dictionary holds every prefix of a word (frequency 0), so the walk stops at the first
        # string that starts no word. The best is max() of jieba's (score, end) tuples.
        best = None
        end, frag = k, text[k]
        count = freq.get(frag)
        while count is not None:
            if count:
                candidate = (logp[frag] + route[end + 1][0], end)
                if best is None or candidate > best:
                    best = candidate
            end += 1
            if end == n:
                break
            frag = text[k:end + 1]
            count = freq.get(frag)
        route[k] = best if best is not None else (logp[text[k]] + route[k + 1][0], k)
    return route


@lru_cache(maxsize=16384)
def segment_logp(text: str) -> float:
    """Log-probability of jieba's best segmentation of ``text`` under its unigram model."""
    return _route(text)[0][0] if text else 0.0


def _spans_join(head: str, tail: str) -> bool:
    """True when a dictionary word of ``head + tail`` starts in ``head`` and ends in ``tail``.
    When none does, jieba's best route through the two is the best through each, and
    ``join_gain`` is zero."""
    _DICTIONARY.check_initialized()
    freq = _DICTIONARY.FREQ
    for k in range(len(head)):
        frag = head[k:]
        for j in range(1, len(tail) + 1):
            if frag not in freq:
                break
            frag = head[k:] + tail[:j]
            if freq.get(frag):
                return True
    return False


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
    if left[-1] in _OPEN_ENDINGS or left[-1].isdigit():
        return True
    # Most line ends have no word across them: a few dictionary look-ups tell, and the gain,
    # zero then, need not be computed.
    return _spans_join(left[-WINDOW:], right[:WINDOW]) and join_gain(left, right) > 0


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


def edge_tags(text: str) -> tuple[str, str]:
    """The part of speech of the first and of the last word of ``text``: a section head ends on
    a noun or a verb and a sentence starts with a time, a place or a preposition, while a
    column break cuts anywhere. General knowledge of the language, where the characters
    themselves would only be remembered from the training text."""
    text = text.strip()
    if not text:
        return "none", "none"
    # jieba cuts each block (a run of Chinese, letters and digits, or what lies between two) on
    # its own: the first word is the first of the first block, the last the last of the last.
    return _first_tag(_blocks(text[:WINDOW + 2])[0]), _last_tag(_blocks(text[-(WINDOW + 2):])[-1])


def _blocks(text: str) -> list[str]:
    return [block for block in jieba.re_han_default.split(text) if block]


# Cached by the block: lines open alike (本报讯, 记者, 近年来) and end alike (。) far more often
# than they repeat.
@lru_cache(maxsize=65536)
def _first_tag(block: str) -> str:
    return _tag(next(_cut(block)))


@lru_cache(maxsize=65536)
def _last_tag(block: str) -> str:
    return _tag(list(_cut(block))[-1])


def _cut(text: str) -> Iterator[str]:
    """``_DICTIONARY.cut(text, HMM=False)``: jieba's code, over ``_route``."""
    for block in jieba.re_han_default.split(text):
        if not block:
            continue
        if not jieba.re_han_default.match(block):
            for piece in jieba.re_skip_default.split(block):
                if jieba.re_skip_default.match(piece):
                    yield piece
                else:
                    yield from piece
            continue
        route = _route(block)
        start, letters = 0, ""
        while start < len(block):
            end = route[start][1] + 1
            word = block[start:end]
            # jieba runs single letters and digits together into one word (2019, ABC).
            if len(word) == 1 and jieba.re_eng.match(word):
                letters += word
            else:
                if letters:
                    yield letters
                    letters = ""
                yield word
            start = end
        if letters:
            yield letters


def clear_caches() -> None:
    """Forget the strings seen before, for a benchmark that times a cold start."""
    for cached in (segment_logp, _first_tag, _last_tag):
        cached.cache_clear()
