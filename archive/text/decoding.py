"""Bytes → text for page files: UTF-8 (with or without BOM) or GB18030/GBK, else a clear refusal.

The decoded text is kept verbatim (a BOM stays in it; the parser treats it as space), so the
stored raw text is exactly what arrived, decoded.
"""
from __future__ import annotations

import codecs
import unicodedata

from .lines import split_lines
from .normalise import match_view

# Share of characters that must look like Chinese newspaper text for a GB18030 reading to be
# believed: GB18030 maps almost any byte string to *some* characters, so decoding alone
# proves nothing.
_PLAUSIBLE_SHARE = 0.85
# A broadsheet page holds a few hundred lines of text, so a file of more than this many is
# refused as not one page, with a message the operator can act on (parse_page, given such a
# text, keeps it whole and unsplit rather than spend 0.2-0.4 ms a line segmenting it).
MAX_LINES = 20_000


class DecodeError(ValueError):
    """The bytes are not a page of text we can read; the message says why."""


def decode_page(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise DecodeError with a reason a person can act on."""
    if not data.strip():
        raise DecodeError("empty file" if not data else "file holds only whitespace")
    if b"\x00" in data:
        raise DecodeError("binary file (it contains NUL bytes), not page text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise DecodeError(
                f"truncated file: the last UTF-8 character is cut off at byte {exc.start} of {len(data)}"
            ) from None
        utf8_error = exc
    else:
        encoding = "utf-8-sig" if text.startswith("\ufeff") else "utf-8"
        _check_plausible(text, encoding)
        _check_lines(text)
        return text, encoding
    try:
        text = codecs.decode(data, "gb18030")
    except UnicodeDecodeError:
        raise DecodeError(
            f"not UTF-8 (invalid byte at {utf8_error.start}) and not GB18030 text"
        ) from None
    _check_plausible(text, "gb18030")
    _check_lines(text)
    return text, "gb18030"


def _check_plausible(text: str, encoding: str) -> None:
    letters = [ch for ch in text if not ch.isspace()]
    if not letters:
        raise DecodeError("file holds only whitespace")
    readable = sum(1 for ch in letters if _is_text_char(ch))
    if readable / len(letters) < _PLAUSIBLE_SHARE:
        raise DecodeError(
            f"does not look like text: read as {encoding}, only {readable * 100 // len(letters)}% "
            "of its characters are letters, digits or punctuation"
        )


def _check_lines(text: str) -> None:
    if text.count("\n") + text.count("\r") <= MAX_LINES:
        return  # every page there is, without splitting it
    # Counted as the parser counts them (page.parse_page keeps a longer text whole, unsplit).
    lines = len(split_lines(match_view(text)))
    if lines > MAX_LINES:
        raise DecodeError(
            f"{lines:,} lines of text: not one page (a page has a few hundred; the limit is "
            f"{MAX_LINES:,}); split it into one file per page"
        )


def _is_text_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category[0] in "LNPS":
        return category != "Co"  # private-use code points are what garbage decodes to
    return ch == "\ufeff"
