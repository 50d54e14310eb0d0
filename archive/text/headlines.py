"""Headline groups: which short lines are banners, kicker (引题), headline and subheadline (副题)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .types import BANNER, HEADLINE, KICKER, SUBHEADLINE

# Column labels and campaign banners printed above articles; they belong to no article.
# Kept small on purpose: the structure (no body below, more lines than a headline group
# holds) does the rest.
_BANNERS = re.compile(
    r"^(?:"
    r"(?:深入)?学习(?:宣传)?贯彻"                       # 深入学习宣传贯彻 / 市委…全会精神
    r"|[\u4e00-\u9fff]{2}之要"                          # 政务之要
    r"|践行社会主义核心价值观"
    r"|(?:要闻|综合|时评|评论|社会|经济|国际|国内|体育|文化|副刊|专版|图片新闻|今日关注|本版责编.*)"
    r")$"
)
# The second line of a banner that runs over two lines: "市委十二届五次全会精神".
_BANNER_TAIL = re.compile(r"^[\u4e00-\u9fff\d]{2,16}精神$")
# Second-line cues for a subheadline: who attended or spoke (操学诚讲话, 韦韬等出席, 张韬出席并讲话).
_SUBHEADLINE_CUE = re.compile(r"(?:出席|讲话|参加|主持|带队|致辞|入选|报名)[^\u4e00-\u9fff]*$")
# First-line cues for a kicker: "韦韬在督导检查…时强调".
_KICKER_CUE = re.compile(r"(?:时强调|时指出|时要求|时表示|时说|强调|指出)$")
# A column tag closes the headline, never the kicker: "工厂化养蚕 丝质更柔软（创新故事）".
COLUMN_TAG = re.compile(r"[(（][^()（）]{2,30}[)）]$")
_SERIES = re.compile(r"^[—\-]{2}")


@dataclass(frozen=True)
class Line:
    """One line of a headline group: its text without markdown marks, and whether it had ``#``."""

    text: str
    markdown: bool = False


def is_banner(lines: list[str], index: int) -> bool:
    """True when ``lines[index]`` is a banner or column label by the lexicon."""
    if _BANNERS.match(lines[index]):
        return True
    return index > 0 and bool(_BANNERS.match(lines[index - 1])) and bool(_BANNER_TAIL.match(lines[index]))


def is_series_line(text: str) -> bool:
    """A ``——…`` line: the subheadline of a series or a report."""
    return bool(_SERIES.match(text))


def leads_into_headline(text: str) -> bool:
    """True for a line that only a headline can follow: a kicker that ends on who said it
    ("…时强调") or leads on with a dash or colon ("工业互联网技术不断突破——", "…大会：")."""
    return bool(_KICKER_CUE.search(text)) or text.endswith(("——", "：", ":"))


def _second_is_headline(first: str, second: str) -> bool:
    """For two plain lines: kicker + headline (True) or headline + subheadline (False)."""
    if leads_into_headline(first) or COLUMN_TAG.search(second):
        return True
    if _SUBHEADLINE_CUE.search(second):
        return False
    # A subheadline adds a detail and is set smaller: it is the shorter line (操学诚讲话,
    # 30名先进入选); a kicker sets the scene and often runs longer than the headline.
    return len(second) >= len(first)


def assign_roles(lines: list[Line]) -> list[str]:
    """Block kind for each line of a group that starts an article (banners first, by lexicon)."""
    texts = [line.text for line in lines]
    roles = [BANNER if is_banner(texts, i) else "" for i in range(len(lines))]
    rest = [i for i, role in enumerate(roles) if not role]
    if not rest:
        return roles
    marked = [i for i in rest if lines[i].markdown]
    series = [i for i in rest if is_series_line(texts[i])]
    if marked:
        head = marked[0]
    elif series and series[0] != rest[0]:
        head = rest[rest.index(series[0]) - 1]
    elif len(rest) == 2:
        head = rest[1] if _second_is_headline(texts[rest[0]], texts[rest[1]]) else rest[0]
    elif len(rest) >= 3:
        head = rest[-2]
    else:
        head = rest[0]
    position = rest.index(head)
    for offset, i in enumerate(rest):
        if offset < position - 1:
            roles[i] = BANNER          # more lines above the headline than a kicker
        elif offset == position - 1:
            roles[i] = KICKER
        elif offset == position:
            roles[i] = HEADLINE
        else:
            roles[i] = SUBHEADLINE
    return roles
