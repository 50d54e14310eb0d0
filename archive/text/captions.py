"""Photo captions and credits: ``工作座谈会现场。梁琛摄`` → Caption("工作座谈会现场。", ("梁琛",)).

Functions take the match view of one line (normalise.match_view).
"""
from __future__ import annotations

import re

from .names import split_names

# The credit: optional role word, one or more names (possibly padded "梁 琛", joined by 、 or
# spaces), then 摄 — at the very end of the line, or before the agency that supplied the photo
# (黄晓海摄（新华社发）, 程孟德摄（人民视觉）, 仲崇亮摄（影像中国）: 112 of the 121 credits of the
# corpus's captioned photos carry one).
_AGENCY = r"(?:\(\s*[\u4e00-\u9fff]{2,8}\s*\))?"
_CREDIT = re.compile(
    r"(?:(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员)\s{0,4})?"
    r"(?P<names>[\u4e00-\u9fff](?:[\u4e00-\u9fff 、]{0,30}?[\u4e00-\u9fff])?)\s{0,3}摄\s*" + _AGENCY + r"\s*$"
)
_ENDS_CREDIT = re.compile(r"摄\s*" + _AGENCY + r"$")
MAX_CREDIT_NAME = 4
_CAPTION_END = "。!！?？)”"


def match_credit_line(line: str) -> list[str]:
    """Photographers of a line that is only a credit (``刘堂摄``, ``梁 琛 摄``, ``黄晓海摄（新华社发）``);
    [] otherwise."""
    match = _CREDIT.match(line.strip())
    # 拍摄 is the verb "to photograph", never a name followed by the credit mark.
    if not match or match.group("names").endswith("拍"):
        return []
    names = split_names(match.group("names"))
    return names if all(len(name) <= MAX_CREDIT_NAME for name in names) else []


def match_caption(line: str) -> tuple[int, list[str]] | None:
    """For a caption line ``text。 梁 琛 摄``: (end of the caption text, photographers), else None.

    The caption text must close with terminal punctuation right before the credit, which keeps
    prose such as ``…参观摄影展`` out.
    """
    stripped = line.rstrip()
    if not _ENDS_CREDIT.search(stripped):
        return None
    # Try each terminal mark before the credit, latest first: the credit follows the last one.
    for cut in range(len(stripped) - 1, 0, -1):
        if stripped[cut - 1] in _CAPTION_END:
            names = match_credit_line(stripped[cut:])
            return (cut, names) if names else None
    return None
