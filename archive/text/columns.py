"""Column-break repair: a paragraph the layout cut in two is printed as two; join them again."""
from __future__ import annotations

from .normalise import ends_sentence


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join each paragraph that ends without terminal punctuation to the one after it.

    The cut falls anywhere — after a comma, inside a word (``崇`` + ``高品质``) — and the tail
    is printed as a new paragraph, so the pieces are joined with no separator. A paragraph
    that ends a sentence (。！？…”』) is a real paragraph end and is kept.
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and not ends_sentence(joined[-1]):
            joined[-1] += paragraph
        else:
            joined.append(paragraph)
    return joined
