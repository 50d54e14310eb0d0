"""Lines of a page, classified: headline-like, caption, credit, jump, sign-off, body …

A line is one run of text between line breaks, trimmed; blank lines carry no unit. A body
line is further cut into pieces: jump-in, byline, body, sign-off, jump-out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import bylines, captions, jumps
from .headlines import COLUMN_TAG
from .names import merge_names, split_names
from .normalise import PROSE_MARKS, clean, ends_sentence
from .types import Jump

HEADING, CAPTION_LINE, CREDIT, JUMP_LINE, SIGNOFF_LINE, REPORTERS, BODY_LINE, NOISE_LINE = (
    "heading", "caption", "credit", "jump", "signoff", "reporters", "body", "noise",
)
# A headline or section head is short; body text this short without a comma or full stop is
# a column-cut tail, which the caller tells apart by context.
MAX_HEADLINE = 40
MAX_MARKDOWN_HEADLINE = 80
_HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
# A headline may be one quotation ("“中国的无私帮助，我们感念在心”"): quoted commas don't count.
_QUOTED = re.compile(r"“[^“”]{0,40}”")
# Full stops and the like: a title may hold commas, never a finished sentence.
_TERMINAL_MARKS = "。；;！？!?"
# Words that name a column rather than a person in a bracket: (评论员随笔), (金台论道), (创新故事).
_COLUMN_WORD = re.compile(r"评|论|随笔|观察|札记|故事|进行时|视点|聚焦")
# A printed page head: "第3版", "03版 要闻", "A3版".
PAGE_HEAD = re.compile(r"^第?\s{0,2}[A-Z]?\s{0,2}(?P<page>\d{1,2})\s{0,2}版(?:\s{0,3}[\u4e00-\u9fff]{2,6})?$")


@dataclass
class Unit:
    """One line of the page and what it looks like on its own."""

    kind: str
    start: int
    end: int
    text: str                                   # the match view of the line
    markdown: bool = False
    jump: Jump | None = None                    # the jump of a JUMP_LINE
    jump_in: Jump | None = None
    jump_out: Jump | None = None
    byline: bylines.Byline | None = None
    byline_end: int = 0
    names: list[str] = field(default_factory=list)   # sign-off, reporters, photographers
    body: tuple[int, int] | None = None         # span of the body text proper
    signoff_start: int | None = None
    caption_end: int | None = None


def split_lines(view: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``view``, trimmed of surrounding whitespace."""
    spans = []
    position = 0
    for line in view.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return spans


def is_closed(text: str) -> bool:
    """True when every quotation, book title and bracket that opens in ``text`` closes in it: a
    title always closes them on its own line, a column break leaves them open
    ("“高速铁路钢轨1米范围内…应小于0.2毫" / "米。超过…")."""
    return (
        text.count("“") == text.count("”") and text.count("《") == text.count("》") and text.count("(") == text.count(")")
    )


def _quotes_a_sentence(title: str) -> bool:
    """True when ``title`` quotes a finished sentence and says more around it: speech in prose
    ("官同生对同事说：“…准备……”", "“妈妈，我不想上学！…”孩子又一"). A title that is the
    quotation alone ("“没救下人，才会后悔！”（德耀中华）") is display type."""
    title = COLUMN_TAG.sub("", title)
    return any(
        ends_sentence(quote.group()[:-1]) and quote.group() != title for quote in _QUOTED.finditer(title)
    )


def is_short(cleaned: str, markdown: bool = False) -> bool:
    """True when the line (``cleaned`` by normalise.clean) could be a headline or a section head:
    short, no prose punctuation."""
    if not _HAS_WORD.search(cleaned):
        return False
    if markdown:
        return len(cleaned) <= MAX_MARKDOWN_HEADLINE
    return (
        len(cleaned) <= MAX_HEADLINE
        and is_closed(cleaned)
        and not _quotes_a_sentence(cleaned)
        and not any(mark in _QUOTED.sub("", cleaned) for mark in PROSE_MARKS)
        # A line that is one quotation is a title unless the quotation ends a sentence.
        and not ends_sentence(_QUOTED.sub("", cleaned) or cleaned.rstrip("”"))
    )


def is_tagged_title(cleaned: str) -> bool:
    """True for a title (``cleaned`` by normalise.clean) closed by a column tag, commas allowed:
    "写作，是为了沟通（五洲茶亭）", "创新路上，一直努力奔跑（壮丽70年 奋斗新时代·推动高质量发展调研行）"."""
    tag = COLUMN_TAG.search(cleaned)
    if tag is None:
        return False
    title = cleaned[:tag.start()]
    # A title may close on a question or exclamation ("“首店经济”，如何延续开门红？（评论员随笔）")
    # when the bracket names a column; brackets of names after one sign off a paragraph
    # ("…对吗？（李俊华）").
    asks = title.endswith(("？", "！", "?", "!")) and (
        bool(_COLUMN_WORD.search(tag.group())) or not split_names(tag.group()[1:-1])
    )
    return (
        0 < len(title) <= MAX_HEADLINE and _HAS_WORD.search(title) is not None and is_closed(title)
        and not any(mark in _QUOTED.sub("", title[:-1] if asks else title) for mark in _TERMINAL_MARKS)
        and not ends_sentence(tag.group())
    )


def classify(view: str, start: int, end: int) -> Unit:
    """What the line ``view[start:end]`` is, with the spans of its parts."""
    text = view[start:end]
    cleaned = clean(text)
    markdown = text.startswith("#")
    bold = text.startswith("**") and text.endswith("**") and len(text) > 4
    if markdown or bold:
        if is_short(cleaned, markdown=True):
            return Unit(HEADING, start, end, text, markdown=markdown)
    found = jumps.find_jumps(text, offset=start)
    if len(found) == 1 and found[0].start == start and found[0].end == end:
        return Unit(JUMP_LINE, start, end, text, jump=found[0])
    if PAGE_HEAD.match(text):
        return Unit(NOISE_LINE, start, end, text)
    signoff = bylines.match_signoff(text)
    if signoff and signoff[0] == 0:
        return Unit(SIGNOFF_LINE, start, end, text, names=signoff[1])
    reporters = bylines.match_reporter_line(text)
    if reporters:
        return Unit(REPORTERS, start, end, text, names=reporters)
    photographers = captions.match_credit_line(text)
    if photographers:
        return Unit(CREDIT, start, end, text, names=photographers)
    caption = captions.match_caption(text)
    if caption:
        return Unit(CAPTION_LINE, start, end, text, names=caption[1], caption_end=start + caption[0])
    # A line that opens or closes with a jump line is the text of a continued article, however
    # short: "(接第1版)“…放心。”", "他们拉长产业链，(下转04版)".
    has_jump = jumps.jump_at_start(text) is not None or jumps.jump_at_end(text) is not None
    if not has_jump and not bylines.match_byline(text) and (is_short(cleaned) or is_tagged_title(cleaned)):
        return Unit(HEADING, start, end, text)
    if not _HAS_WORD.search(text):
        return Unit(NOISE_LINE, start, end, text)
    return _body(text, start, end)


def as_text(unit: Unit) -> Unit:
    """The line of ``unit`` read as body text, whatever it looked like on its own."""
    return _body(unit.text, unit.start, unit.end)


def _body(text: str, start: int, end: int) -> Unit:
    unit = Unit(BODY_LINE, start, end, text)
    head, tail = 0, len(text)
    jump_in = jumps.jump_at_start(text)
    if jump_in and jump_in.direction == "in":
        unit.jump_in = _shift(jump_in, start)
        head = jump_in.end
    head += len(text[head:]) - len(text[head:].lstrip())
    byline = bylines.match_byline(text[head:])
    if byline:
        unit.byline = byline
        unit.byline_end = start + head + byline.end
        head += byline.end
        head += len(text[head:]) - len(text[head:].lstrip())
    jump_out = jumps.jump_at_end(text[head:])
    if jump_out and jump_out.direction == "out":
        unit.jump_out = _shift(jump_out, start + head)
        tail = head + jump_out.start
    signoff = bylines.match_signoff(text[head:tail])
    if signoff:
        unit.signoff_start = start + head + signoff[0]
        merge_names(unit.names, signoff[1])
        tail = head + signoff[0]
    tail = head + len(text[head:tail].rstrip())
    if tail > head:
        unit.body = (start + head, start + tail)
    return unit


def _shift(jump: Jump, offset: int) -> Jump:
    return Jump(jump.direction, jump.page, jump.start + offset, jump.end + offset, jump.text)
