"""Byline, sign-off and reporter-line grammars: who wrote the article, as printed.

All functions take the match view of a line (normalise.match_view): half-width brackets,
digits and commas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import split_names

_ROLE_WORDS = re.compile(r"(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员|实习生|见习记者)[:：]?")
_CREDIT_PARENS = r"\(\s{0,3}(?P<credit>(?:本报)?(?:特约)?(?:见习)?(?:记者|通讯员|实习生)[^()\n]{1,60}?)\s{0,3}\)"
# 本报讯 / 本报北京1月31日电 / 新华社太原6月2日电 / 据新华社电 / 本报评, then optionally (记者 …).
# After a dated dispatch the reporters' names may stand in brackets alone: 本报巴中2月20日电 (张文、杨希壮).
_NAME_PARENS = r"\(\s{0,3}(?P<names>[\u4e00-\u9fff]{2,4}(?:[、, ][\u4e00-\u9fff]{2,4}){0,5})\s{0,3}\)"
_BYLINE = re.compile(
    r"^(?P<head>本报讯|本报评|(?:本报|据?新华社|人民日报)(?:[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日)?(?:专)?电)"
    r"(?:\s{0,3}" + _CREDIT_PARENS + r"|(?<=日电)\s{0,3}" + _NAME_PARENS + r")?"
)
# A sign-off: (李俊华), (本报记者 李昌禹), and the names of a compiled report (综合陆娅楠、宋豪新报道).
_SIGNOFF = re.compile(
    r"\(\s{0,2}(?:综合)?(?P<names>[\u4e00-\u9fff][\u4e00-\u9fff 、,]{1,40}?)(?:报道)?\s{0,2}\)\s*$"
)
# An author line under a commentary's headline: "文/张三", "□ 张三", or an affiliation then the
# name after a wide gap ("中国人民大学新闻学院教授  宋建武").
# Neither a chapter's number (第二章  职责) nor a box label (■记者手记) is a name.
_AUTHOR_LINE = re.compile(
    r"^(?:(?:文|作者)\s{0,2}[/:：]\s{0,2}|[□■]\s{0,2}|(?!第[一二三四五六七八九十百\d]+[章节条款篇部])[\u4e00-\u9fff、]{2,30}\s{2,})"
    r"(?!记者)(?P<names>[\u4e00-\u9fff][\u4e00-\u9fff 、]{1,20})$"
)
_REPORTER_LINE = re.compile(r"^\s*(?:本报)?记者[:：\s]\s*(?P<names>[\u4e00-\u9fff][\u4e00-\u9fff 、,]{1,120})\s*$")


@dataclass(frozen=True)
class Byline:
    """A byline at the start of a paragraph: ``end`` is where the body starts in the line."""

    end: int
    reporters: list[str]
    commentary: bool      # 本报评: the paper's own commentary


def credit_names(credit: str) -> list[str]:
    """Names in ``"记者 殷雪鸢 梁涛"`` or ``"记者杜一菲"``: role words removed, list split."""
    return split_names(_ROLE_WORDS.sub(" ", credit))


def match_byline(line: str) -> Byline | None:
    """The byline that opens ``line``, or None."""
    match = _BYLINE.match(line)
    if not match:
        return None
    credit = match.group("credit") or match.group("names")
    reporters = credit_names(credit) if credit else []
    return Byline(end=match.end(), reporters=reporters, commentary=match.group("head") == "本报评")


def match_signoff(line: str) -> tuple[int, list[str]] | None:
    """``"…开展情况。(李俊华)"`` → (start of ``"(李俊华)"``, names); None if no sign-off ends it.

    The bracket must stand alone or follow terminal punctuation, so ``各县(市、区)`` and a
    subheadline's ``(一)`` are not read as names.
    """
    match = _SIGNOFF.search(line)
    if not match:
        return None
    before = line[:match.start()].rstrip()
    if before and before[-1] not in "。!?！？…”\"":
        return None
    names = credit_names(match.group("names"))
    return (match.start(), names) if names else None


def match_reporter_line(line: str) -> list[str]:
    """Names in a closing line ``记者 丁洁 王丹 史鹏程``; [] when the line is not one."""
    match = _REPORTER_LINE.match(line)
    return split_names(match.group("names")) if match else []


def match_author_line(line: str) -> list[str]:
    """Names in a commentary's author line (``文/张三``, ``教授  宋建武``); [] otherwise."""
    match = _AUTHOR_LINE.match(line.strip())
    return split_names(match.group("names")) if match else []
