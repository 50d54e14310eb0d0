"""Credit lines inside an article's text, read into ``Credit(name, role)``.

Papers print who did what at the end of an article or a box: ``版式设计：蔡华伟``,
``制图：张芳曼``, ``（本报记者李亚楠整理）``, ``（王迪编译）``, ``责任编辑：…``, photo credits
(``汤德宏 杨玉岗摄影报道``, ``新华社记者 李涛摄``), author lines (``文/张三``) and sign-offs
(``（李俊华）``). The line stays in the article's text (DESIGN.md, export record); this module
only names the people in it. Functions take the match view of a line (normalise.match_view).
"""
from __future__ import annotations

import re

from . import bylines, captions
from .types import AUTHOR, COMPILER, DESIGNER, EDITOR, GRAPHICS, PHOTOGRAPHER, REPORTER, TRANSLATOR, Credit

_NAMES = r"(?P<names>[\u4e00-\u9fff][\u4e00-\u9fff 、,]{0,40}?[\u4e00-\u9fff])"
# After "role:" the names run to a wide gap, the end of the line or a closing mark.
_LISTED = _NAMES + r"(?=\s{2,}|\s*$|\s*[,，。;；)])"
_ROLE = r"(?:(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员|实习生)\s{0,2})?"
# "Role: names" credits, anywhere in a line of credits ("版式设计：蔡华伟  制图：张芳曼").
_LABELLED = (
    (re.compile(r"版式设计\s{0,2}[:：]\s{0,2}" + _LISTED), DESIGNER),
    (re.compile(r"(?:制图|图表制作|插图|漫画)\s{0,2}[:：]\s{0,2}" + _LISTED), GRAPHICS),
    (re.compile(r"(?:责任编辑|本版责编|责编)\s{0,2}[:：]\s{0,2}" + _LISTED), EDITOR),
    (re.compile(r"(?:编译|翻译)\s{0,2}[:：]\s{0,2}" + _LISTED), TRANSLATOR),
    (re.compile(r"(?:整理)\s{0,2}[:：]\s{0,2}" + _LISTED), COMPILER),
    (re.compile(r"(?:^|\s)(?:文|作者)\s{0,2}[/:：]\s{0,2}" + _LISTED), AUTHOR),
)
# Bracketed credits that close an article: "(本报记者李亚楠整理)", "(王迪编译)".
_BRACKETED = (
    (re.compile(r"\(\s{0,2}" + _ROLE + _NAMES + r"\s{0,2}整理\s{0,2}\)\s*$"), COMPILER),
    (re.compile(r"\(\s{0,2}" + _ROLE + _NAMES + r"\s{0,2}编译\s{0,2}\)\s*$"), TRANSLATOR),
)
# A photo story's credit line: "汤德宏 杨玉岗摄影报道", "刘振清  张  敏摄影报道(影像中国)".
_PHOTO_REPORT = re.compile(r"^\s*" + _ROLE + _NAMES + r"\s{0,3}摄影报道\s*(?:\(\s*[\u4e00-\u9fff]{2,8}\s*\))?\s*$")
# A dispatch's end dateline with its reporters: "(新华社杭州2月24日电  记者何玲玲、沈锡权)".
_END_DISPATCH = re.compile(
    r"\(\s{0,2}据?(?:本报|新华社|人民日报)[^()]{0,24}?电\s{0,3}(?P<credit>(?:特约)?(?:记者|通讯员)[^()]{1,40}?)\s{0,2}\)\s*$"
)
# Names in a credit slot run up to four characters (two-character names padded to three).
_MAX_NAME = 4
# What every grammar below needs somewhere in the line: a role's colon or slash, a bracket, 摄,
# 记者, an author mark, or the wide gap before an author's name. Most lines of prose hold none
# of them, and one search tells so faster than the grammars each fail.
_MAY_CREDIT = re.compile(r"[:：/(摄□■]|记者|\s\s")


def _names(text: str) -> list[str]:
    return _short(bylines.credit_names(text))


def _short(names: list[str]) -> list[str]:
    """``names`` when every one fits a name slot, else []."""
    return names if names and all(len(name) <= _MAX_NAME for name in names) else []


def _add(found: list[Credit], names: list[str], role: str) -> None:
    for name in names:
        credit = Credit(name, role)
        if credit not in found:
            found.append(credit)


def match_credits(line: str) -> list[Credit]:
    """Every person a line of the text credits, in printed order; [] for ordinary prose."""
    found: list[Credit] = []
    if not _MAY_CREDIT.search(line):
        return found
    # Every labelled credit has a colon or a slash after its role: most lines have neither.
    labelled = sorted(
        (match.start(), role, match.group("names"))
        for pattern, role in _LABELLED for match in pattern.finditer(line)
    ) if ":" in line or "：" in line or "/" in line else []
    for _, role, names in labelled:
        _add(found, _names(names), role)
    for pattern, role in _BRACKETED:
        match = pattern.search(line)
        if match:
            _add(found, _names(match.group("names")), role)
    match = _PHOTO_REPORT.match(line)
    if match:
        _add(found, _names(match.group("names")), PHOTOGRAPHER)
    elif not found:
        _add(found, captions.match_credit_line(line), PHOTOGRAPHER)
        caption = captions.match_caption(line)
        if caption:
            _add(found, caption[1], PHOTOGRAPHER)
    if not found and (match := _END_DISPATCH.search(line)):
        _add(found, _names(match.group("credit")), REPORTER)
    if not found:
        # A name slot holds at most _MAX_NAME characters: (本报柏林电) is an end dateline and
        # 看人民映像  品百味人生 a pointer to the paper's app, not credits.
        signoff = bylines.match_signoff(line)
        if signoff:
            _add(found, _short(signoff[1]), REPORTER)
        _add(found, _short(bylines.match_reporter_line(line)), REPORTER)
        _add(found, _short(bylines.match_author_line(line)), AUTHOR)
    return found
