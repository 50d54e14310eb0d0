"""Length-preserving folds of the raw page text, and the cleaning of the strings cut from it.

Every span the parser reports is an offset into the raw text, so the folds used for matching
map each character to exactly one character: a match on the folded text is a span of the raw.
"""
from __future__ import annotations

import re

# Terminal punctuation: a paragraph ending in one of these (closing quotes and brackets looked
# through: …。” / …！）) ended where the writer ended it. A semicolon ends the items of a list,
# each printed as its own paragraph, so it counts; a colon introduces what follows, and a
# column break falls after one as often as a paragraph does, so it does not.
TERMINAL = "。！？!?…；;"
CLOSERS = "”’」』)）》]】\"'"
# Sentence punctuation: a line holding one of these (outside quotes) is prose, not a headline.
# Colons are left out: headlines quote speakers ("习近平：…").
PROSE_MARKS = "，,。；;！？!?"

_FULL_WIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

# For matching: all full-width ASCII (brackets, digits, letters, ，：) to half-width, the
# ideographic space to a space, the BOM to a space. The OCR of the seeds mixes both widths.
_MATCH_TABLE = {**_FULL_WIDTH_ASCII, 0x3000: " ", 0xFEFF: " ", 0xA0: " ", 0x09: " "}

# A lone CR (old Mac files) ends a line; the CR of a CRLF pair is only whitespace.
_CR_OF_CRLF = re.compile(r"\r(?=\n)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
_BOLD = re.compile(r"\*\*")
_SPACES = re.compile(r"\s+")


def _fold_line_ends(text: str) -> str:
    return _CR_OF_CRLF.sub(" ", text).replace("\r", "\n")


# str.translate with a dict visits every character slowly on CJK text; a regex that stops
# only at the characters to fold is several times faster on a page.
_NEEDS_FOLD = re.compile("[\uff01-\uff5e\u3000\ufeff\xa0\t\r]")


def _by_char(table: dict[int, int | str]) -> dict[str, str]:
    return {chr(code): chr(to) if isinstance(to, int) else to for code, to in table.items()}


_MATCH_CHARS = _by_char(_MATCH_TABLE)


def _fold(raw: str, chars: dict[str, str]) -> str:
    # One str.replace for each kind of character to fold (a page holds a dozen kinds and
    # hundreds of them) rather than a call back for each; no fold gives a character that is
    # folded itself, so the order does not matter.
    found = set(_NEEDS_FOLD.findall(raw))
    if not found:
        return raw
    raw = _fold_line_ends(raw)
    for char in found:
        raw = raw.replace(char, chars.get(char, char))
    return raw


def match_view(raw: str) -> str:
    """The raw text folded for matching; same length as ``raw``."""
    return _fold(raw, _MATCH_CHARS)


def clean(piece: str) -> str:
    """A line's words for testing its shape: markdown marks gone, spaces collapsed."""
    piece = _MARKDOWN_HEADING.sub("", piece.strip())
    piece = _BOLD.sub("", piece)
    return _SPACES.sub(" ", piece).strip()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation, closing quotes and brackets looked
    through. The one test of a finished sentence for parsing, column repair and matching."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL
