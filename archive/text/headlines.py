"""Lexicons and shapes of display type: banners, series lines, kicker and subheadline cues.

The segmenter (page/features.py) reads them as features of a line."""
from __future__ import annotations

import re

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
SUBHEADLINE_CUE = re.compile(r"(?:出席|讲话|参加|主持|带队|致辞|入选|报名)[^\u4e00-\u9fff]*$")
# First-line cues for a kicker: "韦韬在督导检查…时强调".
_KICKER_CUE = re.compile(r"(?:时强调|时指出|时要求|时表示|时说|强调|指出)$")
# A column tag closes the headline, never the kicker: "工厂化养蚕 丝质更柔软（创新故事）".
COLUMN_TAG = re.compile(r"[(（][^()（）]{2,30}[)）]$")
_SERIES = re.compile(r"^[—\-]{2}")


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
