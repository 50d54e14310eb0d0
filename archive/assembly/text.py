"""Text helpers for matching: terminal punctuation, paragraph joining, cached jieba tokens."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Sequence

import rjieba

from archive.text.normalise import ends_sentence, match_view
from archive.text.page import fluency

_SPACE = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


# runs_on's weights: bias, then the prose model's break gain across the cut and the natural logs
# of the two pieces' lengths. bench/jump_joins.py fits them (and prints them) on jumps of the
# training month: a cut paragraph leaves two pieces shorter than whole paragraphs, and its prose
# reads on across the cut.
JOIN_WEIGHTS = (8.909, 0.266, -1.494, -0.628)
# Joins whose runs_on is within this of 0.5 are left for an editor. Chosen on the training month's
# dev days (bench/jump_joins.py prints each band): the widest band whose added joins are still
# one in three wrong (0.15 -> 0.2 adds 19 wrong and 36 right; 0.2 -> 0.25 adds 8 and 44). There
# it holds 76 of the 134 wrong decisions and 122 of the 596 right ones; on the evaluation month,
# 33 of 57 and 50 of 274.
JOIN_DOUBT = 0.2


def join_signs(before: str, after: str, ngrams: fluency.NgramModel | None = None) -> tuple[float, float, float]:
    """``runs_on``'s inputs, in JOIN_WEIGHTS' order after the bias (``ngrams``: the committed
    prose model unless a fitting run gives its own)."""
    gain = (ngrams or fluency.model()).break_gain(match_view(before), match_view(after))
    return gain, math.log(max(1, len(before))), math.log(max(1, len(after)))


def runs_on(before: str, after: str, ngrams: fluency.NgramModel | None = None,
            weights: tuple[float, ...] = JOIN_WEIGHTS) -> float:
    """The probability that ``after`` continues the paragraph that ``before`` ends with a full
    stop, where a jump cut them apart (OCR'd text keeps no indent to show a new paragraph)."""
    bias, *slopes = weights
    score = bias + sum(w * x for w, x in zip(slopes, join_signs(before, after, ngrams)))
    return 1 / (1 + math.exp(-score))


def join_across(head: Sequence[str], tail: Sequence[str]) -> tuple[list[str], float | None]:
    """Article paragraphs across a jump, and ``runs_on`` of the seam when the head ends with a
    full stop and the odds are within JOIN_DOUBT of even (one paragraph or two is then a guess,
    and the article's text goes to an editor), else None. A head cut mid-sentence is joined to
    the tail's first paragraph, and so is one cut after a full stop when the two pieces read as
    one paragraph."""
    head, tail = list(head), list(tail)
    if not head or not tail:
        return head + tail, None
    probability = runs_on(head[-1], tail[0]) if ends_sentence(head[-1]) else 1.0
    doubt = probability if abs(probability - 0.5) < JOIN_DOUBT else None
    if probability > 0.5:
        return head[:-1] + [head[-1].rstrip() + tail[0].lstrip()] + tail[1:], doubt
    return head + tail, doubt


def join_paragraphs(head: Sequence[str], tail: Sequence[str]) -> list[str]:
    """``join_across``'s paragraphs."""
    return join_across(head, tail)[0]


def normalise(text: str | None) -> str:
    """Text without whitespace or markdown marks, for comparing headlines."""
    return _SPACE.sub("", (text or "").replace("#", "").replace("*", ""))


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """jieba tokens of ``text`` that hold a word character (punctuation dropped); cached.

    rjieba (jieba's Rust port) gives jieba's tokens (497 of 500 corpus articles identical)
    twenty times faster, and is not affected by words the search layer teaches jieba.
    """
    return tuple(t for t in rjieba.cut(text) if _WORD_CHAR.search(t))
