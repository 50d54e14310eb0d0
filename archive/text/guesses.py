"""Metadata guesses for loose pages: the issue date and the page number, from the text alone."""
from __future__ import annotations

import datetime
import re
from collections import Counter

from .lines import PAGE_HEAD, split_lines
from .normalise import match_view
from .types import Fragment, Guess

_DATELINE = re.compile(r"(?<!\d)(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:至(?:\d{1,2}月)?(?P<until>\d{1,2})日)?")
_FULL_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)年(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
# A review of a named year ("2024年工作综述", "2024年度…报告"), printed early in the next year.
_REVIEW = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?:度|(?:工作)?(?:综述|总结|回顾))")
# "Today" in a headline: the article's dateline is the issue date itself (今起网上报名).
_TODAY = re.compile(r"今起|今日|今天")
# Anniversaries the papers mark, by the year of the event (太原解放 24 April 1949).
_EPOCHS = {
    "太原解放": 1949, "新中国成立": 1949, "中华人民共和国成立": 1949, "中国共产党成立": 1921,
    "建党": 1921, "建军": 1927, "改革开放": 1978, "抗日战争胜利": 1945,
}
_ANNIVERSARY = re.compile(r"(?P<event>" + "|".join(_EPOCHS) + r")(?P<years>\d{1,3})周年")
_EARLY_MONTHS = 3


def _datelines(fragments: list[Fragment]) -> list[tuple[int, int, bool]]:
    """(month, day, is_today) of each fragment's dateline, from its first sentence."""
    found = []
    for fragment in fragments:
        if not fragment.paragraphs:
            continue
        first_sentence = match_view(fragment.paragraphs[0]).split("。")[0]
        match = _DATELINE.search(first_sentence)
        if not match:
            continue
        month, day = int(match.group("month")), int(match.group(match.group("until") and "until" or "day"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            heads = " ".join(filter(None, (fragment.kicker, fragment.headline, fragment.subheadline)))
            found.append((month, day, bool(_TODAY.search(heads))))
    return found


def _year(view: str, month: int, day: int) -> tuple[int, float, str] | None:
    """The year of a dateline: (year, confidence, reason), or None when the text names none."""
    for match in _FULL_DATE.finditer(view):
        if (int(match.group("month")), int(match.group("day"))) == (month, day):
            return int(match.group("year")), 0.9, f"the text names {match.group(0)}"
    reviews = [int(year) for year in _REVIEW.findall(view)]
    if reviews and month <= _EARLY_MONTHS:
        return max(reviews) + 1, 0.7, f"reviews the year {max(reviews)} early in the next"
    years = Counter(int(year) for year in _YEAR.findall(view))
    if years:
        year, _ = years.most_common(1)[0]
        return year, 0.6, f"the year the text names most ({year})"
    anniversary = _ANNIVERSARY.search(view)
    if anniversary:
        year = _EPOCHS[anniversary.group("event")] + int(anniversary.group("years"))
        return year, 0.5, f"{anniversary.group(0)} falls in {year}"
    return None


def guess_date(fragments: list[Fragment], view: str) -> Guess | None:
    """The issue date: usually the day after the latest dateline (今起 items: the dateline)."""
    datelines = _datelines(fragments)
    if not datelines:
        return None
    months = {month for month, _, _ in datelines}
    # Late-December and early-January datelines on one page: January is the later one.
    wraps = 12 in months and 1 in months

    def order(item: tuple[int, int, bool]) -> tuple[int, int]:
        month, day, today = item
        return (month + 12 if wraps and month <= 6 else month, day + (0 if today else 1))

    month, day, today = max(datelines, key=order)
    year = _year(view, month, day)
    if year is None:
        return None
    value, confidence, reason = year
    try:
        dateline = datetime.date(value, month, day)
    except ValueError:
        return None
    issue = dateline if today else dateline + datetime.timedelta(days=1)
    said = "the dateline of a 今起 item" if today else f"the day after the latest dateline ({month}月{day}日)"
    return Guess(issue, round(confidence * 0.9, 2), f"{said}; year: {reason}")


def guess_page_number(fragments: list[Fragment], view: str) -> Guess | None:
    """The page number from a printed page head, or 1 for a page that only sends jumps on."""
    lines = split_lines(view)
    for start, end in lines[:3] + lines[-3:]:
        match = PAGE_HEAD.match(view[start:end])
        if match:
            return Guess(int(match.group("page")), 0.9, f"page head {view[start:end]!r}")
    outs = [f.jump_out.page for f in fragments if f.jump_out and f.jump_out.page]
    if outs and not any(f.jump_in for f in fragments) and min(outs) > 1:
        # Front pages send articles on to inner pages and take none in.
        confidence = 0.8 if len(outs) > 1 else 0.6
        return Guess(1, confidence, f"sends {len(outs)} jump(s) on to pages {sorted(set(outs))}, takes none in")
    return None
