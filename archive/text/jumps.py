"""The jump-line grammar: ``(下转第3版)`` sends an article on, ``(上接第1版)`` takes it up.

A jump line is recognised by its shape — brackets (or a line of its own), a direction word, a
page number and 版 — never by the words alone: 线上接单, 上接天气, 线下转线上 and 转第二天 are
prose. Functions take the match view of the text (see normalise.match_view) or any string
whose full-width brackets and digits may still be present: they fold their input first.
"""
from __future__ import annotations

import re

from .normalise import match_view
from .types import Jump

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# OCR and typesetters put spaces anywhere inside a jump line: "(下 转03版)", "(上接第0 3版)".
_PAGE = r"(?P<page>[A-Za-z]?\s{0,2}\d(?:\s{0,2}\d){0,2}|[一二三四五六七八九十](?:\s{0,2}[一二三四五六七八九十]){0,2})"
_LONG = r"上\s{0,2}接|下\s{0,2}转"
# Bracketed: the direction word is enough with a page and 版; 上接/下转 alone (no page) still
# count, flagged, because no prose puts "(上接)" in brackets.
_BRACKETED = re.compile(
    r"[(\[【]\s{0,3}"
    r"(?:(?P<long>" + _LONG + r")\s{0,3}(?:第\s{0,3})?" + _PAGE.replace("page", "page1")
    + r"?\s{0,3}版?"
    r"|(?P<short>接|转)\s{0,3}(?:第\s{0,3})?" + _PAGE.replace("page", "page2") + r"\s{0,3}版)"
    r"\s{0,3}[)\]】]"
)
# Unbracketed as a whole line ("上接A01版"), or opening a line that goes on with the continued
# text ("上接A01版方密切配合…", as e-paper exports print it): 上接 at a line's start followed
# by a page and 版 is never prose.
_BARE_LINE = re.compile(
    r"^[ \t]*(?P<word>" + _LONG + r")\s{0,3}(?:第\s{0,3})?" + _PAGE + r"\s{0,3}版[ \t]*$",
    re.MULTILINE,
)
_BARE_START = re.compile(
    r"^[ \t]*(?P<word>上\s{0,2}接)\s{0,3}(?:第\s{0,3}|(?=[A-Za-z]))" + _PAGE + r"\s{0,3}版(?![ \t]*$)", re.MULTILINE,
)


def page_number(token: str | None) -> int | None:
    """``"3"``, ``"03"``, ``"A3"``, ``"三"``, ``"十二"`` → the page as an int; None if unreadable."""
    if not token:
        return None
    token = re.sub(r"[\sA-Za-z]", "", match_view(token))
    if token.isdecimal():  # not isdigit: superscripts (¹) are digits int() cannot read
        return int(token) or None
    if not token or any(ch not in _CN_DIGITS and ch != "十" for ch in token):
        return None
    if "十" not in token:
        return _CN_DIGITS[token] if len(token) == 1 else None
    tens, _, units = token.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return value


def _direction(word: str) -> str:
    return "in" if word.endswith("接") else "out"


def _may_jump(text: str) -> bool:
    """False for text with no direction word: the common case, told without folding the text."""
    return "接" in text or "转" in text


def find_jumps(text: str, offset: int = 0) -> list[Jump]:
    """Every jump line in ``text``, in order, with spans shifted by ``offset``."""
    if not _may_jump(text):
        return []
    view = match_view(text)
    jumps = []
    for match in _BRACKETED.finditer(view):
        word = match.group("long") or match.group("short")
        page = match.group("page1") if match.group("long") else match.group("page2")
        jumps.append(_jump(text, match, word, page, offset))
    bare = list(_BARE_LINE.finditer(view)) + list(_BARE_START.finditer(view))
    for match in bare:
        # The span trimmed of what the match view reads as space (a BOM folded to one, too),
        # and the printed text exactly that span.
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
        jumps.append(Jump(
            direction=_direction(match.group("word")),
            page=page_number(match.group("page")),
            start=offset + start,
            end=offset + end,
            text=text[start:end],
        ))
    return sorted(jumps, key=lambda jump: jump.start)


def _jump(text: str, match: re.Match, word: str, page: str | None, offset: int) -> Jump:
    return Jump(
        direction=_direction(word),
        page=page_number(page),
        start=offset + match.start(),
        end=offset + match.end(),
        text=text[match.start():match.end()],
    )


def jump_at_end(text: str) -> Jump | None:
    """The jump line that ends ``text`` (trailing spaces allowed), or None. Spans are in ``text``."""
    if not _may_jump(text):
        return None
    stripped = text.rstrip()
    found = [jump for jump in find_jumps(stripped) if jump.end == len(stripped)]
    return found[-1] if found else None


def jump_at_start(text: str) -> Jump | None:
    """The jump line that starts ``text`` (leading spaces allowed), or None. Spans are in ``text``."""
    if not _may_jump(text):
        return None
    lead = len(text) - len(text.lstrip())
    found = [jump for jump in find_jumps(text) if jump.start == lead]
    return found[0] if found else None
