"""Text helpers for matching: terminal punctuation, paragraph joining, cached jieba tokens."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import rjieba

from archive.text.normalise import ends_sentence

_SPACE = re.compile(r"\s+")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def join_paragraphs(head: Sequence[str], tail: Sequence[str]) -> list[str]:
    """Article paragraphs across a jump: a head cut mid-sentence is joined to the tail's first."""
    head, tail = list(head), list(tail)
    if head and tail and not ends_sentence(head[-1]):
        return head[:-1] + [head[-1].rstrip() + tail[0].lstrip()] + tail[1:]
    return head + tail


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
