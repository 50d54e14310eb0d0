"""What the segmenter knows about each line of a page: shape, grammar and content.

One ``PageLine`` per non-blank line, with the exact grammars of the text layer applied to it
(jump lines, bylines, sign-offs, captions, credits: ``lines.classify``), and ``features``
turning a page's lines into the string features the sequence labeller reads. Features of a
line come from the line itself, its neighbours, and the text around it: whether the
sentence runs on across the line break (``words.reads_on``, and the prose model of
``fluency``) and how much the text above a line
shares with the text below it (lexical cohesion, as TextTiling measures it: a new article
changes the subject, a section head does not).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from ..credits import match_credits
from ..headlines import COLUMN_TAG, SUBHEADLINE_CUE, is_banner, is_series_line, leads_into_headline
from ..lines import BODY_LINE, CAPTION_LINE, Unit, as_text, classify, is_closed, split_lines
from ..normalise import ends_sentence
from ..words import edge_tags, reads_on
from . import fluency

_HAN = re.compile(r"[\u4e00-\u9fff]")
# Marks that end a clause: what lies between two of them is one clause of a sentence.
_CLAUSE_MARK = re.compile(r"[，。、；：！？,.;:!?“”\"（）()《》]")
# Box labels and notes that head a part of an article (核心阅读, 编者按 …).
_LABEL_WORDS = re.compile(
    r"^(?:核心阅读|编者按|编者的话|开栏的话|写在前面|内容提要|引子|引言|短评|链接|相关链接|背景链接|"
    r"延伸阅读|记者手记|记者观察|数据|图片说明|小贴士|专家点评|新闻背景|【[^】]{1,10}】)[:：]?$"
)
# Numbered section heads: （一）…, 一、…, 1.…, 第一…
_NUMBERED = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．]\D|第[一二三四五六七八九十]{1,3}[，,、 ]?)")
_END_DATELINE = re.compile(r"^[(（]\s*(?:本报|新华社|据新华社|记者)[^()（）]{0,20}电\s*[)）]$")
_AUTHOR_NOTE = re.compile(r"^[(（]\s*(?:作者|本文作者|作者系|作者单位)[^()（）]{1,80}[)）]$")
# Runs of Chinese characters but the function characters that every text shares: one class
# of the ranges between them, which the regex engine tests faster than "[^…]|[…]".
_FUNCTION_CHARS = "的了是在和与及等为对这有也就都而之其以于中上下一不人我他你们个"


def _content_class() -> str:
    ranges, low = [], 0x4E00
    for code in sorted(set(map(ord, _FUNCTION_CHARS))):
        if code > low:
            ranges.append(f"{chr(low)}-{chr(code - 1)}")
        low = code + 1
    ranges.append(f"{chr(low)}-\u9fff")
    return "[" + "".join(ranges) + "]+"


_CONTENT = re.compile(_content_class())
# A line of credits is short; longer lines are prose and are not tried against the grammar.
MAX_CREDIT_LINE = 60
# Lines longer than this are text: the 人民日报 corpus prints no headline, kicker or section
# head over 60 characters.
MAX_DISPLAY_LINE = 60
WINDOW_LINES = 3
# Section heads come in series of one shape (高水平立法护航法治太原建设 / 高效能监督助推经济社会发展,
# （一）… （二）…): a short line has siblings when lines of its length (within SIBLING_LENGTH),
# start and marks stand within SIBLING_LINES of it. Headlines have them less often.
SIBLING_LINES = 25
SIBLING_LENGTH = 1
MAX_SIBLING = 30
WINDOW_CHARS = 240


@dataclass
class PageLine:
    """One non-blank line: its span, its match view, and what the grammars find in it."""

    start: int
    end: int
    view: str            # match view of the line (half-width brackets and digits)
    unit: Unit           # lines.classify: the line on its own
    gap: int = 1         # blank lines above it: the seeds leave three where a photo or a box stood
    # Read off the line on construction (every one is needed for every line):
    markdown: int = field(init=False)   # how many # open it
    bold: bool = field(init=False)      # set **in bold** as a whole
    text: str = field(init=False)       # the line without markdown marks or surrounding space
    body: Unit = field(init=False)      # the line read as text: jump lines, byline and sign-off at its ends

    def __post_init__(self) -> None:
        view = self.view
        self.markdown = len(view) - len(view.lstrip("#")) if view.startswith("#") else 0
        self.bold = view.startswith("**") and view.endswith("**") and len(view) > 4
        text = view.lstrip("#").strip() if self.markdown else view
        self.text = text[2:-2].strip() if self.bold else text.replace("**", "")
        self.body = self.unit if self.unit.kind == BODY_LINE else as_text(self.unit)


def page_lines(view: str, spans: list[tuple[int, int]] | None = None) -> list[PageLine]:
    """The non-blank lines of a page's match view (at ``spans``, its ``split_lines`` when the
    caller has them already)."""
    lines = []
    previous = 0
    for start, end in split_lines(view) if spans is None else spans:
        gap = max(0, view.count("\n", previous, start) - (1 if lines else 0))
        lines.append(PageLine(start, end, view[start:end], classify(view, start, end), gap))
        previous = end
    return lines


def _gap(n: int) -> str:
    return str(min(n, 3))


_LENGTH_LIMITS = (2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 50, 60, 80, 120)
_LENGTHS = tuple(map(str, _LENGTH_LIMITS)) + ("more",)


def _length(n: int) -> str:
    """The smallest of _LENGTH_LIMITS that ``n`` is within, or "more"."""
    return _LENGTHS[bisect_left(_LENGTH_LIMITS, n)]


def _end_class(text: str) -> str:
    if not text:
        return "none"
    if ends_sentence(text):
        return "sentence"
    last = text[-1]
    if text.endswith("——"):
        return "dash"
    if last in ":：":
        return "colon"
    if last in ")）】]":
        return "bracket"
    if last in "，,、":
        return "comma"
    if last in "；;":
        return "semicolon"
    if last in "”’\"":
        return "quote"
    if last.isdigit():
        return "digit"
    if _HAN.match(last):
        return "han"
    return "other"


def _start_class(text: str) -> str:
    if text.startswith("——") or text.startswith("--"):
        return "dash"
    if _NUMBERED.match(text):
        return "numbered"
    first = text[:1]
    if first in "(（【[":
        return "bracket"
    if first in "“\"「『":
        return "quote"
    if first in "□■●◆▲★·":
        return "mark"
    if first.isdigit():
        return "digit"
    return "han" if _HAN.match(first) else "other"


def _clause(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if n <= limit:
            return str(limit)
    return "more"


def _open_clauses(text: str) -> tuple[str, str]:
    """The lengths (bucketed) of the line's first clause, before its first mark, and of its
    last, after its last mark. A column cuts a clause in two: the piece it leaves ends in the
    middle of a long clause begun after a comma (…联系服务 | 群众，…), the next piece opens
    with the clause's short rest; a title or a paragraph's first line rarely does either."""
    first = _CLAUSE_MARK.search(text)
    if first is None:
        return "whole", "whole"
    # The marks are single characters: the last one is the first of the text reversed.
    return _clause(first.start()), _clause(_CLAUSE_MARK.search(text[::-1]).start())


def _cosine(left: frozenset[int], right: frozenset[int]) -> float:
    """Cosine of two sets of bigrams (binary vectors): shared over the geometric mean of sizes."""
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


def _cohesion(value: float) -> str:
    for limit in (0.0, 0.03, 0.06, 0.1, 0.15, 0.25):
        if value <= limit:
            return str(limit)
    return "high"


def _gain(gain: float) -> str:
    """``fluency.break_gain`` in bands (natural-log units): below -1 the text starts anew, above
    3 it reads on."""
    for limit in (-6, -3, -1, 1, 3, 6, 10, 15):
        if gain <= limit:
            return str(limit)
    return "more"


def _bigrams(text: str) -> frozenset[int]:
    """The character bigrams of the Chinese text of a line, function characters left out, each
    one int: its two characters' UTF-16 codes (every content character is one code unit).
    Cohesion only counts them, and ints are made and hashed faster than strings."""
    code = "".join(_CONTENT.findall(text)).encode("utf-16-le")
    # Read as 4-byte ints from the first character and from the second, the codes give every
    # pair of neighbouring characters once.
    pairs = memoryview(code)
    even, odd = len(code) // 4 * 4, max(0, len(code) - 2) // 4 * 4
    return frozenset(pairs[:even].cast("I").tolist() + pairs[2:2 + odd].cast("I").tolist())


def _window(texts: list[str], bigrams: list[frozenset[int]], indexes: range) -> frozenset[int]:
    """The bigrams of the lines at ``indexes``, up to about WINDOW_CHARS characters of them."""
    parts = []
    chars = 0
    for k in indexes:
        if chars >= WINDOW_CHARS:
            break
        parts.append(bigrams[k])
        chars += len(texts[k])
    return frozenset().union(*parts)


class _Own(NamedTuple):
    """Features of a line on its own (also given, prefixed, to its neighbours), as strings."""

    kind: str
    md: str
    bold: str
    len: str
    end: str
    start: str
    commas: str
    stops: str
    closed: str
    byline: str
    byline_only: str
    jump_in: str
    jump_out: str
    signoff: str
    gap: str
    pos_first: str
    pos_last: str
    head_clause: str
    tail_clause: str


def _own(line: PageLine) -> _Own:
    text, unit = line.text, line.unit
    body = line.body
    first_tag, last_tag = edge_tags(text)
    head_clause, tail_clause = _open_clauses(text)
    return _Own(
        kind=unit.kind,
        md=str(min(line.markdown, 2)),
        bold=str(line.bold),
        len=_length(len(text)),
        # A sign-off glued to the last sentence ("…贡献。(李俊华)") ends the paragraph.
        end="signoff" if body.signoff_start is not None else _end_class(text),
        start=_start_class(text),
        commas=str(min(text.count("，") + text.count(",") + text.count("、"), 3)),
        stops=str(min(sum(map(text[:-1].count, "。！？!?；;")), 2)),   # the last character left out
        closed=str(is_closed(text)),
        byline=str(body.byline is not None),
        # A byline with no text after it is a line of its own (本报记者 …), not a first paragraph.
        byline_only=str(body.byline is not None and body.body is None),
        jump_in=str(body.jump_in is not None),
        jump_out=str(body.jump_out is not None),
        signoff=str(body.signoff_start is not None),
        gap=_gap(line.gap),
        pos_first=first_tag,
        pos_last=last_tag,
        head_clause=head_clause,
        tail_clause=tail_clause,
    )


def _siblings(lines: list[PageLine], own: list[_Own]) -> list[str | None]:
    """For each short line that ends no sentence, how many lines of its shape stand near it
    ("0", "1", "2+"); None for the other lines. Lines are grouped by start and marks first: a
    page has few short lines of each kind."""
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for i, (line, mine) in enumerate(zip(lines, own)):
        if len(line.text) <= MAX_SIBLING and mine.end not in ("sentence", "comma", "signoff"):
            groups.setdefault((mine.start, line.markdown, line.bold), []).append((i, len(line.text)))
    result: list[str | None] = [None] * len(lines)
    for members in groups.values():
        for i, length in members:
            count = sum(1 for k, other in members
                        if k != i and abs(k - i) <= SIBLING_LINES and abs(other - length) <= SIBLING_LENGTH)
            result[i] = "2+" if count >= 2 else str(count)
    return result


# The features of a line its neighbours are given, prefixed ("p:kind=body"): those two lines away
# see the first ones, the lines next to it all.
_NEAR = ("kind", "md", "bold", "len", "end", "byline", "jump_in")
_BESIDE = _NEAR + ("start", "jump_out", "signoff", "commas", "gap", "pos_first", "pos_last")


class _Strings(NamedTuple):
    """A line's own features as strings, and as each neighbour reads them."""

    own: list[str]
    p: list[str]    # read by the line below it
    n: list[str]    # read by the line above it
    pp: list[str]
    nn: list[str]


# Each value of a feature as a line reads it and as its neighbours do ("end=comma", "p:end=comma",
# "n:end=comma" …), made on first sight rather than formatted five times a line: every feature
# has a closed set of values (buckets, flags, jieba's tags), a few hundred strings in all.
_SPELLINGS: tuple[dict[str, tuple[str, str, str, str, str]], ...] = tuple({} for _ in _Own._fields)
_NEAR_AT = tuple(map(_Own._fields.index, _NEAR))
_BESIDE_AT = tuple(map(_Own._fields.index, _BESIDE))


def _spellings(mine: _Own) -> list[tuple[str, str, str, str, str]]:
    """The strings of each of a line's own features: its own, then as p, n, pp and nn read it."""
    spellings = []
    for key, value, known in zip(_Own._fields, mine, _SPELLINGS):
        spelled = known.get(value)
        if spelled is None:
            own = f"{key}={value}"
            spelled = known[value] = (own, "p:" + own, "n:" + own, "pp:" + own, "nn:" + own)
        spellings.append(spelled)
    return spellings


def _strings(mine: _Own) -> _Strings:
    """The strings of a line whose own features are ``mine``."""
    spellings = _spellings(mine)
    return _Strings(
        own=[spelled[0] for spelled in spellings],
        p=[spellings[k][1] for k in _BESIDE_AT],
        n=[spellings[k][2] for k in _BESIDE_AT],
        pp=[spellings[k][3] for k in _NEAR_AT],
        nn=[spellings[k][4] for k in _NEAR_AT],
    )


def features(lines: list[PageLine], ngrams: fluency.NgramModel | None = None) -> list[list[str]]:
    """The segmenter's features for every line of a page, in order (``ngrams``: the prose model
    that scores breaks, the committed one unless a training run gives its own)."""
    ngrams = ngrams or fluency.model()
    own = [_own(line) for line in lines]
    strings = [_strings(mine) for mine in own]
    result = []
    n = len(lines)
    # A page that marks its headlines with # marks them all; one that sets section heads in
    # bold sets them all so: a plain line there is less likely to be either.
    page = f"page_md={any(line.markdown for line in lines)}|page_bold={any(line.bold for line in lines)}"
    texts = [line.text for line in lines]
    # Every line's, at once: nearly every line is in the window of a line short enough to need one.
    bigrams = [_bigrams(text) for text in texts]
    runs_on_after = [reads_on(a, b) for a, b in zip(texts, texts[1:])] + [False]
    # A photo set inside a column cuts a sentence in two (seed 004: 让两市人 / caption / 民有…):
    # whether a line runs on into the first line after the captions below it.
    runs_on_past_caption = [False] * n
    for i in range(n - 2):
        k = i + 1
        while k < n and lines[k].unit.kind == CAPTION_LINE:
            k += 1
        if k > i + 1 and k < n:
            runs_on_past_caption[i] = reads_on(texts[i], texts[k])
    # Whether the prose reads on into the next line, for a line that does not end a sentence.
    gains = [_gain(ngrams.break_gain(a, b)) if own[k].end != "sentence" else None
             for k, (a, b) in enumerate(zip(texts, texts[1:]))]
    siblings = _siblings(lines, own)
    for i, line in enumerate(lines):
        text = line.text
        mine = own[i]
        feats = strings[i].own + [
            page,
            f"{page}|md={mine.md}|bold={mine.bold}",
            f"{page}|len={mine.len}|end={mine.end}",
            f"len|end={mine.len}|{mine.end}",
            f"kind|end={mine.kind}|{mine.end}",
            f"md|len={mine.md}|{mine.len}",
        ]
        if is_banner(texts, i):
            feats.append("banner_word")
        if _LABEL_WORDS.match(text):
            feats.append("label_word")
        if is_series_line(text):
            feats.append("series")
        if leads_into_headline(text):
            feats.append("kicker_cue")
        if SUBHEADLINE_CUE.search(text):
            feats.append("subheadline_cue")
        if COLUMN_TAG.search(text):
            feats.append("column_tag")
        if _END_DATELINE.match(text):
            feats.append("end_dateline")
        if _AUTHOR_NOTE.match(text):
            feats.append("author_note")
        if len(text) <= MAX_CREDIT_LINE and match_credits(text):
            feats.append("credit")
        if " " in text.strip():
            feats.append("inner_space")
        if text.startswith("“") and text.endswith("”"):
            feats.append("quoted")
        if (count := siblings[i]) is not None:
            feats.append(f"siblings={count}")
            feats.append(f"siblings|p:end={count}|{own[i - 1].end if i else 'none'}")
            feats.append(f"siblings|md|bold={count}|{mine.md}|{mine.bold}|{page}")
        if i == 0:
            feats.append("first_line")
        if i == n - 1:
            feats.append("last_line")
        for offset, tag in ((-1, "p"), (1, "n"), (-2, "pp"), (2, "nn")):
            k = i + offset
            if not 0 <= k < n:
                feats.append(f"{tag}:none")
            elif offset in (-1, 1):
                other = own[k]
                feats += getattr(strings[k], tag)
                feats.append(f"{tag}|end={other.end}|{mine.end}")
                feats.append(f"{tag}|len={other.len}|{mine.len}")
            else:
                feats += getattr(strings[k], tag)
        if i > 0 and runs_on_after[i - 1]:
            feats.append("runs_on_from_prev")
        runs_on = runs_on_after[i]
        feats.append(f"runs_on|len|commas={runs_on}|{mine.len}|{mine.commas}")
        if runs_on:
            feats.append("runs_on_to_next")
        if runs_on_past_caption[i]:
            feats.append(f"runs_on_past_caption|len={mine.len}")
        # The words at a line's edges: a sentence starts with some (近年来, 记者, 10月) and a
        # column-cut tail with any; a title ends on a noun or a verb, a cut piece anywhere.
        feats.append(f"first={text[:2]}")
        feats.append(f"first1={text[:1]}")
        feats.append(f"last={text[-1:]}")
        feats.append(f"last2={text[-2:]}")
        if i + 1 < n:
            # The words either side of the line break: 包河区|太湖新村 runs on, 意义|步履 need not.
            feats.append(f"join_pos={mine.pos_last}|{own[i + 1].pos_first}")
            feats.append(f"join_clause={mine.tail_clause}|{own[i + 1].head_clause}")
            feats.append(f"n:first={texts[i + 1][:2]}")
            feats.append(f"n:first1={texts[i + 1][:1]}")
            if gains[i] is not None:
                feats.append(f"fluency={gains[i]}")
        if i > 0:
            feats.append(f"p:last={texts[i - 1][-1:]}")
            feats.append(f"p:join_clause={own[i - 1].tail_clause}|{mine.head_clause}")
        if len(text) <= MAX_DISPLAY_LINE:
            # Only a line short enough for display type or a section head can open a new
            # subject; for the others the cohesion around them is not worth its time.
            before = _window(texts, bigrams, range(i - 1, max(-1, i - 1 - WINDOW_LINES), -1))
            after = _window(texts, bigrams, range(i + 1, min(n, i + 1 + WINDOW_LINES)))
            feats.append(f"cohesion={_cohesion(_cosine(before, after))}")
            feats.append(f"self_before={_cohesion(_cosine(bigrams[i], before))}")
            feats.append(f"self_after={_cohesion(_cosine(bigrams[i], after))}")
        result.append(feats)
    return result
