"""Generated newspaper issues from every article of a corpus month, with the truth of each article and of each line.

Text comes from the 人民日报 corpus (``/work/shared/corpus/peoples-daily/<YYYY-MM>/<YYYYMMDD>/*.txt``):
line 1 kicker, line 2 headline, line 3 subheadline, then one body paragraph per line. EVERY file of
the month is used as it is — nothing is filtered for what a parser can read, nothing deduplicated
by headline (an issue never holds the same file twice). 2019-02 is the development month, 2019-10
the evaluation month nothing is tuned on.

Truth (``TruthArticle``), under DESIGN.md's export-record contract:

- ``kicker``/``headline``/``subheadline``: lines 1–3 of the file, stripped, None when empty;
- ``byline``: the byline prefix of the first body paragraph (``BYLINE``: 本报讯（…）, 本报X电 （…）,
  新华社X电 （…）), else None; ``paragraphs``: the body lines stripped, empty ones dropped, the byline
  prefix removed from the first, every other character as in the file;
- ``section_heads`` (``is_section_head``): paragraphs that are neither first nor last, ≤ 30
  characters, hold at least two CJK characters, do not end with terminal or lead-in punctuation
  (。！？；…：，、), and are not labels (``is_label``); numbered heads (（一）…, 一、…, 1.…) count;
- ``contributors`` (``credits``): (name, role) read from the byline and every later dispatch line
  (本报X电 （记者 …）, 本报X电 （张文、杨希壮）), sign-offs (（李俊华）, （本报记者 李昌禹）,
  （原韬雄  王  韬）, （综合…报道）, （新华社X电  记者 …）), reporter lines (本报记者 X), …摄, 整理, 编译,
  版式设计：, 制图：, 责任编辑：, and the captions the layout adds.

A jump cuts an article between paragraphs (``paragraph``), after a clause (``clause``), inside a
jieba word (``word``) or after a sentence inside a paragraph (``sentence``, one cut in ten: where a
column happens to end there); the three last kinds are mid-paragraph, so the truth paragraph is the
file's, joined. A cut after a full stop inside a paragraph looks like a paragraph end to any reader
of OCR'd text (the indent is lost): it is generated all the same, at the rate columns end there, and
scored against the printed paragraph.

A column break falls anywhere a column may end (``_column_cut``: not before a closing mark, not
after an opening one), in a paragraph of any length, with a chance that grows with its length (and
again in what is left after it, so a long paragraph may cross several columns); after a full stop
too, where it reads as a paragraph end. Photo captions are real ones: the caption lines
of the month's photo items (a line followed by a ``…摄`` credit) with their credits
(``caption_pool``), a caption and a credit drawn apart, printed on one line or with the credit
on a line of its own under the caption (seed 002).

Pages are blocks separated by one blank line; every block is one line. ``GeneratedIssue.lines[page]``
labels each non-blank line with a ``LINE_*`` label of ``archive/text/types.py`` and its article.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jieba

from archive.text.types import (
    LINE_BANNER, LINE_BODY, LINE_BYLINE, LINE_NOISE, LINE_CAPTION, LINE_CONTINUED, LINE_HEADLINE, LINE_JUMP_IN,
    LINE_JUMP_OUT, LINE_KICKER, LINE_LABEL, LINE_SECTION_HEAD, LINE_SUBHEADLINE,
)

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "peoples-daily"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
PAPER = "bench-daily"
FIRST_DATE = dt.date(2001, 1, 1)

# What papers print before the first sentence: 本报讯（记者 …）, 本报北京1月31日电 （记者杜一菲）,
# 新华社北京2月18日电 （记者…）, 新华社北京2月18日电. Conservative: a bracket must close within 60.
_BRACKET = r"[（(][^（）()]{1,60}[）)]"
BYLINE = re.compile(
    rf"^(?:本报讯[ \u3000\xa0]*(?:{_BRACKET})?|(?:本报|据?新华社)[^，。,、；（(\s]{{0,24}}?电[ \u3000\xa0]*(?:{_BRACKET})?)"
)
# Jump lines of any spelling, for the tests and for finding left-over jump lines.
JUMPISH = re.compile(r"[（(]\s*(上|下)?\s*[转接]|[转接]\s*第?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]+\s*版")
TERMINAL = "。！？!?；;…"
LEAD_IN = "：:，,、"
CN_DIGITS = "〇一二三四五六七八九十"
# A photo credit line of the corpus: 新华社记者  王  凯摄, 本报记者 贺 勇摄, 黄晓海摄（新华社发）.
PHOTO_CREDIT = re.compile(r"^(?:(?:新华社|本报|人民日报)?(?:特约)?记者)?[\u4e00-\u9fff \u3000]{2,12}摄(?:[（(][^（）()]{1,8}[）)])?$")
MAX_CAPTION = 160
# A column break cuts a paragraph of this many characters about once (the 人民日报 corpus's
# paragraphs average about 110 characters).
COLUMN_CHARS = 900
BANNERS = ("要闻", "综合", "国际", "深入学习宣传贯彻党的二十大精神", "新春走基层", "经济", "评论", "奋斗新时代",
           "深入学习宣传贯彻\n\n党的二十大精神", "政务之要", "深入学习宣传贯彻\n\n市委全会精神")
# Sign-offs a city daily glues to an item's last line, and the pattern that reads them back.
SIGNOFF_NAMES = ("李俊华", "阎铁洁", "尹 哲", "丁 洁、王春宇", "陈嘉欣", "弓凤飞", "李俊华、李思明")
GLUED_SIGNOFF = re.compile(r"[。！？”][（(]([\u4e00-\u9fff][\u4e00-\u9fff 、]{1,12})[）)]$")
# Page heads that OCR keeps at the top of some pages: no article's.
PAGE_HEADS = ("第{n}版", "{nn}版 要闻", "{nn}版")

# Own-paragraph lines of a body that are not plain paragraphs: box labels, epigraph attributions,
# fully bracketed lines (sign-offs, end datelines, author notes, compiler credits), credits.
BOX_LABEL = re.compile(r"^(?:核心阅读|编者的话|编者按|开栏的话|结束语|内容提要|记者手记|延伸阅读|相关链接|链接|背景链接|"
                       r"小资料|短评|数说|图说|专家点评|记者观察|图片说明)$")
CREDIT_LINE = re.compile(r"^(?:本版|本期)?(?:版式设计|制图|图表制作|设计|责任编辑|责编|摄影|插图|漫画|"
                         r"数据来源|资料来源|图片来源|图片均由|图片由)")
REPORTER_LINE = re.compile(r"^(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员)[ \u3000\xa0]*[\u4e00-\u9fff][\u4e00-\u9fff \u3000\xa0、]{1,24}$")
# A short credit line with no sentence marks that ends in a credit verb: 曹  一图  杨立新文, 王鸿义  陈严雪摄影报道.
# (文/图/绘 only with spaced names: 一张蓝图绘 or 读懂文 are heads, not credits.)
CREDIT_TAIL = re.compile(r"^(?:[^，。：；！？,:;!?]{1,28}(?:摄|摄影报道)|[^，。：；！？,:;!?]{0,12}[ \u3000\xa0][^，。：；！？,:;!?]{0,14}"
                         r"(?:文|图|绘|制图|整理))(?:（[^（）]{2,8}）)?$")
NAMES = r"[\u4e00-\u9fff][\u4e00-\u9fff \u3000\xa0]{0,6}[\u4e00-\u9fff]"
NUMBERED = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、])")


def _bracketed(text: str) -> bool:
    """True when ``text`` is one bracket pair from first to last character: （李俊华）, (本报莫斯科电)."""
    if len(text) < 3 or text[0] not in "（(" or text[-1] not in "）)":
        return False
    depth = 0
    for k, c in enumerate(text):
        depth += c in "（("
        depth -= c in "）)"
        if depth == 0 and k < len(text) - 1:
            return False
    return depth == 0


def is_label(text: str) -> bool:
    """An own-paragraph line of the body that is no plain paragraph (LINE_LABEL)."""
    return bool(
        BOX_LABEL.match(text) or text.startswith("——") or _bracketed(text) or CREDIT_LINE.match(text)
        or REPORTER_LINE.match(text) or CREDIT_TAIL.match(text)
    )


def _cjk(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def is_section_head(paragraphs: list[str], index: int) -> bool:
    """The module docstring's section-head rule for ``paragraphs[index]``."""
    text = paragraphs[index]
    if index == 0 or index == len(paragraphs) - 1 or len(text) > 30 or _cjk(text) < 2:
        return False
    if text[-1] in TERMINAL + LEAD_IN or is_label(text):
        return False
    return not (text[0] in "（(" and not NUMBERED.match(text))


def _name(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]", "", text)


def _names(text: str) -> list[str]:
    """Names in a credit: separated by 、，, or by spaces; 吴  鲁 (a two-character name spaced out)
    and 张 炜 崔 佳 (two spaced names) are read as papers print them."""
    out = []
    for part in re.split(r"[、，,]", text):
        bits = [b for b in re.split(r"[ \u3000\xa0]+", part) if b]
        if not bits:
            continue
        if all(len(b) >= 2 for b in bits):
            out += bits
        elif len("".join(bits)) <= 3 or all(len(b) == 1 for b in bits) and len(bits) % 2:
            out.append("".join(bits))
        else:
            # Single characters pair up (原韬雄  王  韬  高  峰: 原韬雄, 王韬, 高峰).
            pending = ""
            for bit in bits:
                if len(bit) >= 2 and not pending:
                    out.append(bit)
                    continue
                pending += bit
                if len(pending) >= 2:
                    out.append(pending)
                    pending = ""
            if pending:
                out.append(pending)
    return [n for n in out if 2 <= len(n) <= 4 and _cjk(n) == len(n)]


def credits(byline: str | None, paragraphs: list[str], captions: list[str] = ()) -> list[tuple[str, str]]:
    """Every (name, role) the byline, body paragraphs and captions credit, in printed order."""
    out: list[tuple[str, str]] = []

    def add(names: list[str], role: str) -> None:
        out.extend((n, role) for n in names if (n, role) not in out)

    def reporters(text: str) -> None:
        for m in re.finditer(r"(?:特约)?(?:记者|通讯员)[ \u3000\xa0]*([^（）()记通]+)", text):
            add(_names(m.group(1).removesuffix("报道")), "reporter")

    def dispatch(text: str) -> None:
        m = re.search(r"[（(]([^）)]*)[）)]", text)
        if m and re.search("记者|通讯员", m.group(1)):
            reporters(m.group(1))
        elif m and re.search(r"电[ \u3000\xa0]*[（(]", text):
            add(_names(m.group(1)), "reporter")     # 本报巴中2月20日电 （张文、杨希壮）: the reporters

    if byline:
        dispatch(byline)
    for k, p in enumerate(list(paragraphs) + list(captions)):
        is_caption = k >= len(paragraphs)
        last = k == len(paragraphs) - 1
        q = re.sub(r"（[^（）]{2,8}）$", "", p)     # 郑山河摄（人民视觉）: the agency is no name
        if q.endswith(("摄", "摄影报道")) and (len(q) <= 40 or is_caption):
            who = re.split(r"记者|摄影|：|:", q.removesuffix("摄影报道").removesuffix("摄"))[-1]
            add(_names(re.split(r"[。，；：！？）)」”]", who)[-1]), "photographer")
            continue
        if is_caption:
            continue
        for role_word, role in (("整理", "compiler"), ("编译", "translator")):
            if (m := re.search(rf"(?:本报记者|记者)?[ \u3000\xa0]*({NAMES})[ \u3000\xa0]*{role_word}[）)]?$", p)) and len(p) <= 60:
                add(_names(m.group(1)), role)
        for word, role in (("版式设计", "designer"), ("制图", "graphics"), ("责任编辑", "editor")):
            if (m := re.match(rf"^(?:本版|本期)?{word}[：:][ \u3000\xa0]*(.+)$", p)) and len(p) <= 40:
                add(_names(m.group(1)), role)
        if REPORTER_LINE.match(p):
            reporters(p)
        elif last and _bracketed(p) and (name := _name(p[1:-1])) and 2 <= len(name) <= 4 and _cjk(name) == len(name):
            add([name], "reporter")     # a sign-off: （李俊华）
        elif _bracketed(p) and re.search("记者|通讯员", p) and not re.search("整理|编译", p):
            reporters(p[1:-1])          # （本报记者  李昌禹）, （新华社杭州2月24日电  记者何玲玲）, under each story
        elif last and (m := re.match(r"^[（(](?:综合)?([\u4e00-\u9fff][\u4e00-\u9fff \u3000\xa0、]*?)(?:报道)?[）)]$", p)) \
                and not re.search("记者|通讯员|整理|编译", p) \
                and "".join(_names(m.group(1))) == re.sub(r"[\s\u3000\xa0、]", "", m.group(1)):
            add(_names(m.group(1)), "reporter")     # names only: （原韬雄  王  韬  高  峰）, （综合陆娅楠、宋豪新报道）
        elif k and (m := BYLINE.match(p)):
            dispatch(m.group(0))        # a later dispatch of a digest: 本报北京2月21日电 （记者王珂）
        elif last and (m := GLUED_SIGNOFF.search(p)):
            add(_names(m.group(1)), "reporter")     # …贡献。(李俊华、李思明)
        elif (m := re.match(rf"^(?:作者[：:]|文[/／])[ \u3000\xa0]*({NAMES})$", p)):
            add(_names(m.group(1)), "author")
    return out


@dataclass
class Source:
    """One corpus file, read under the text contract."""

    path: str
    kicker: str | None
    headline: str | None
    subheadline: str | None
    byline: str | None
    prefix: str | None           # the byline prefix as printed before the first paragraph's text
    paragraphs: list[str]        # truth paragraphs: byline prefix removed

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def read_source(path: Path) -> Source:
    """A corpus file under the contract (see the module docstring)."""
    lines = path.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")
    lines += [""] * (3 - len(lines))
    heads = [line.strip() or None for line in lines[:3]]
    body = [line.strip() for line in lines[3:] if line.strip()]
    byline = prefix = None
    if body and (m := BYLINE.match(body[0])):
        byline = m.group(0).strip()
        rest = body[0][m.end():].strip()
        prefix = body[0][: len(body[0]) - len(rest)] if rest else None
        body = ([rest] if rest else []) + body[1:]
    return Source(str(path), heads[0], heads[1], heads[2], byline, prefix, body)


# The training month is split by day, so that settings are chosen on articles the model never
# saw: "train" days 1–20, "dev" days 21 to the end; None takes the whole month.
DEV_FROM_DAY = 21


def _in_part(day: str, part: str | None) -> bool:
    return part is None or (int(day[-2:]) >= DEV_FROM_DAY) == (part == "dev")


@lru_cache(maxsize=8)
def load_month(month: str = "2019-02", corpus_dir: str | Path = CORPUS_DIR, part: str | None = None) -> dict[str, list[Source]]:
    """{corpus day: every article file of that day, read}, days and files in name order; ``part``
    keeps the "train" or "dev" days of the month only."""
    days: dict[str, list[Source]] = {}
    for path in sorted((Path(corpus_dir) / month).glob("*/*.txt")):
        if _in_part(path.parent.name, part):
            days.setdefault(path.parent.name, []).append(read_source(path))
    if not days:
        raise FileNotFoundError(f"no articles under {Path(corpus_dir) / month}")
    return days


@lru_cache(maxsize=8)
def caption_pool(month: str = "2019-02", corpus_dir: str | Path = CORPUS_DIR, part: str | None = None) -> list[tuple[str, str]]:
    """(caption, credit) of every photo the month prints with a caption: a paragraph of at most
    MAX_CAPTION characters followed by a ``PHOTO_CREDIT`` line, in file order."""
    pool = []
    for sources in load_month(month, str(corpus_dir), part).values():
        for src in sources:
            pairs = zip(src.paragraphs, src.paragraphs[1:])
            pool += [(text, credit) for text, credit in pairs
                     if PHOTO_CREDIT.match(credit) and len(text) <= MAX_CAPTION and not PHOTO_CREDIT.match(text)]
    if not pool:
        raise FileNotFoundError(f"no captioned photo in {month}")
    return pool


@dataclass(frozen=True)
class LineTruth:
    """A non-blank line of a page: its span (as ``archive.text.lines.split_lines`` gives it), its
    ``LINE_*`` label and the index of its article in ``GeneratedIssue.truth`` (None: no article's)."""

    start: int
    end: int
    label: str
    article: int | None


@dataclass
class TruthArticle:
    pages: list[int]
    headline: str | None
    paragraphs: list[str]
    jumped: bool
    kicker: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    section_heads: list[int] = field(default_factory=list)
    contributors: list[tuple[str, str]] = field(default_factory=list)
    source: str = ""


@dataclass
class PrintedFragment:
    """One article part as printed on one page (what a perfect parser would return)."""

    page: int
    order: int
    article: int                  # index into GeneratedIssue.truth
    headline: str | None          # the headline printed above it (repeated headline for a tail)
    paragraphs: list[str]         # cleaned: no byline prefix, jump line or caption; column breaks joined
    jump_to: int | None = None
    jump_from: int | None = None
    jump_line: str | None = None
    kicker: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    section_heads: list[int] = field(default_factory=list)
    contributors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class GeneratedIssue:
    paper: str
    date: dt.date
    pages: dict[int, str]
    truth: list[TruthArticle]
    fragments: list[PrintedFragment] = field(default_factory=list)
    lines: dict[int, list[LineTruth]] = field(default_factory=dict)


def _cn(n: int) -> str:
    return CN_DIGITS[n] if n <= 10 else "十" + CN_DIGITS[n - 10] if n < 20 else f"二十{CN_DIGITS[n - 20]}".rstrip("〇")


OUT_STYLES = ("(下转第{n}版)", "（下转第{cn}版）", "(下转{nn}版)", "（下转A{n}版）", "（转第{n}版）")
IN_STYLES = ("(上接第{n}版)", "（上接{nn}版）", "上接A{nn}版", "（上接第{cn}版）", "（接第{n}版）")


def jump_line(style: str, page: int, rng: random.Random) -> str:
    """A jump line in ``style`` naming ``page``, sometimes with spaces or mixed bracket widths."""
    line = style.format(n=page, nn=f"{page:02d}", cn=_cn(page))
    if line[0] in "(（" and rng.random() < 0.2:      # OCR and typesetters add spaces
        pos = rng.randint(1, len(line) - 2)
        line = line[:pos] + " " + line[pos:]
    if line[0] in "(（" and rng.random() < 0.15:     # and mix bracket widths
        line = line[0] + line[1:-1] + {")": "）", "）": ")"}[line[-1]]
    return line


def _cuttable(c: str) -> bool:
    return not c.isspace() and c not in "，。、；：！？”’）)》」…—·"


def _column_cut(p: str, c: int) -> bool:
    """Whether a column may end right before ``p[c]``: typesetting keeps closing marks off a
    line's start and opening marks off its end (禁则); after a comma or 、 it is as common as
    anywhere (seed 003: 走在前、 / 作表率), and after a full stop it reads as a paragraph end."""
    return _cuttable(p[c]) and not p[c - 1].isspace() and p[c - 1] not in "“‘（(《「"


def _plain(paragraphs: list[str], index: int, heads: set[int]) -> bool:
    """A paragraph a column break or a mid-paragraph jump may cut: ordinary text, not a head or label."""
    return index not in heads and not is_label(paragraphs[index]) and len(paragraphs[index]) >= 24


def _cut(body: list[str], heads: set[int], kind: str, rng: random.Random) -> tuple[int, int] | None:
    """Where a jump cuts ``body``: (paragraph index, position; position 0 = before that paragraph),
    of ``kind`` and near 25–85% of its length, leaving ≥ 60 characters on each side."""
    total = sum(len(p) for p in body)
    goal = int(total * rng.uniform(0.25, 0.85))
    starts = [sum(len(p) for p in body[:i]) for i in range(len(body))]
    spots = []
    for i, p in enumerate(body):
        if kind == "paragraph":
            # Never leave a section head or a line that ends no sentence (本报记者 方 圆) at the
            # end of a head: read across the jump, it runs on into the tail's first paragraph.
            if i > 0 and i - 1 not in heads and body[i - 1].rstrip("”’」』）)")[-1:] in TERMINAL:
                spots.append((i, 0))
            continue
        if not _plain(body, i, heads):
            continue
        if kind in ("clause", "sentence"):
            marks = "，、：" if kind == "clause" else TERMINAL
            spots += [(i, j + 1) for j, c in enumerate(p[:-2]) if c in marks and _cuttable(p[j + 1])]
        else:
            pos = 0
            for w in jieba.lcut(p):
                if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
                    spots.append((i, pos + rng.randint(1, len(w) - 1)))
                pos += len(w)
    spots = [(i, j) for i, j in spots if 60 <= starts[i] + j <= total - 60]
    if not spots:
        return None
    return min(spots, key=lambda s: abs(starts[s[0]] + s[1] - goal))


class _Page:
    """A page's lines as they are printed, with their labels."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, int | None, int]] = []

    def add(self, text: str, label: str, article: int | None, gap: int = 1) -> None:
        """A line, ``gap`` blank lines below the one before it."""
        assert text == text.strip() and text and "\n" not in text, text
        self.lines.append((text, label, article, gap))

    def render(self) -> tuple[str, list[LineTruth]]:
        text, truths = "", []
        for k, (line, label, article, gap) in enumerate(self.lines):
            text += "\n" * (gap + 1 if k else 2)
            truths.append(LineTruth(len(text), len(text) + len(line), label, article))
            text += line
        return text + "\n", truths


class _IssueBuilder:
    """Lays out one issue from one corpus day: which articles go where, then prints each page."""

    def __init__(self, rng: random.Random, index: int, articles: list[Source], captions: list[tuple[str, str]]):
        self.rng = rng
        self.captions = captions
        self.date = FIRST_DATE + dt.timedelta(days=index)
        self.articles = articles
        self.repeat_headline = rng.random() < 0.4      # e-papers repeat the headline above a tail
        self.out_style = rng.choice(OUT_STYLES)
        self.in_style = rng.choice(IN_STYLES)
        self.in_order = rng.random() < 0.75            # tails keep the front page's order
        self.glued_signoffs = rng.random() < 0.4       # 太原日报 signs items off on their last line
        self.n_pages = rng.randint(8, 20)
        # Seed pages leave three blank lines where a photo stood: above its caption, and
        # sometimes above the next article.
        self.page_style = {p: dict(markdown=rng.random() < 0.5, bold=rng.random() < 0.4,
                                   banner=rng.choice(BANNERS) if rng.random() < 0.3 else None,
                                   photo_gaps=rng.random() < 0.5)
                           for p in range(1, self.n_pages + 1)}
        self.truth: list[TruthArticle] = []
        self.pages: dict[int, list[tuple]] = {p: [] for p in range(1, self.n_pages + 1)}

    def new_truth(self, src: Source, pages: list[int], jumped: bool) -> int:
        paragraphs = list(src.paragraphs)
        heads = [i for i in range(len(paragraphs)) if is_section_head(paragraphs, i)]
        if self.glued_signoffs and paragraphs and paragraphs[-1][-1:] in "。！？”" and self.rng.random() < 0.3:
            # A city daily signs an item off on its last line: "…作出积极贡献。(李俊华、李思明)".
            paragraphs[-1] += self.rng.choice(("（{}）", "({})")).format(self.rng.choice(SIGNOFF_NAMES))
        self.truth.append(TruthArticle(
            pages, src.headline, paragraphs, jumped, src.kicker, src.subheadline, src.byline,
            heads, credits(src.byline, paragraphs), src.path,
        ))
        return len(self.truth) - 1

    def plan(self) -> None:
        rng = self.rng
        jumps = []                                        # (source page, target page)
        main = rng.choice([2, 3, 3, 4])
        jumps += [(1, main)] * rng.choice([1, 2, 3, 4, 5])
        if rng.random() < 0.5:
            jumps += [(1, rng.choice([p for p in range(2, 6) if p != main]))] * rng.randint(1, 2)
        if rng.random() < 0.3:
            src = rng.randint(2, self.n_pages - 2)
            jumps += [(src, rng.randint(src + 1, self.n_pages))] * rng.randint(1, 2)
        pool = list(self.articles)
        # Jumped articles: long ones first; one that cannot be cut is printed whole instead.
        long = [a for a in pool if a.size >= 600]
        tails: dict[tuple, list] = {}
        for src, dst in jumps:
            while long:
                art = long.pop()
                pool.remove(art)
                n = self.new_truth(art, [src, dst], True)
                heads = set(self.truth[n].section_heads)
                kind = rng.choices(["paragraph", "clause", "word", "sentence"], weights=[3, 3, 3, 1])[0]
                cut = _cut(art.paragraphs, heads, kind, rng)
                if cut is None:
                    self.truth[n].pages, self.truth[n].jumped = [src], False
                    self.pages[src].append(("whole", n, art, None, None))
                    continue
                pos = rng.randint(0, len(self.pages[src]))
                self.pages[src].insert(pos, ("head", n, art, cut, dst))
                tails.setdefault((src, dst), []).append((n, art, cut))
                break
        # Every other article of the day is printed whole, spread over the pages.
        for art in pool:
            page = 1 if rng.random() < 0.08 else rng.randint(2, self.n_pages)
            self.pages[page].append(("whole", self.new_truth(art, [page], False), art, None, None))
        for (src, dst), items in tails.items():
            heads = [e[1] for e in self.pages[src] if e[0] == "head" and e[4] == dst]
            items.sort(key=lambda it: heads.index(it[0]))
            if not self.in_order:
                rng.shuffle(items)
            size = len(self.pages[dst])
            slots = sorted(rng.randint(1 if size and rng.random() < 0.9 else 0, size) for _ in items)
            for k, (slot, (n, art, cut)) in enumerate(zip(slots, items)):
                self.pages[dst].insert(slot + k, ("tail", n, art, cut, src))

    def print_pages(self) -> tuple[dict[int, str], list[PrintedFragment], dict[int, list[LineTruth]]]:
        texts, fragments, lines = {}, [], {}
        for number, entries in self.pages.items():
            page = _Page()
            style = self.page_style[number]
            if self.rng.random() < 0.1:
                page.add(self.rng.choice(PAGE_HEADS).format(n=number, nn=f"{number:02d}"), LINE_NOISE, None)
            if style["banner"]:
                for line in style["banner"].split("\n\n"):
                    page.add(line, LINE_BANNER, None)
            for order, (kind, n, art, cut, other) in enumerate(entries):
                if order and self.rng.random() < 0.05:      # a column label or banner between articles
                    for line in self.rng.choice(BANNERS).split("\n\n"):
                        page.add(line, LINE_BANNER, None)
                fragments.append(self.print_entry(page, number, order, kind, n, art, cut, other, style))
            if not page.lines:
                page.add(self.rng.choice(BANNERS[:8]), LINE_BANNER, None)
            texts[number], lines[number] = page.render()
        return texts, fragments, lines

    def caption(self, truth: TruthArticle, captions: list[str]) -> list[str]:
        """A photo caption with its credit, noted in ``captions`` and the truth's contributors: the
        lines it is printed on, one (…现场。梁琛摄) or, as often, the credit on a line of its own
        under the caption (seed 002: …操作技能。 / 刘堂摄)."""
        rng = self.rng
        text, credit = rng.choice(self.captions)[0], rng.choice(self.captions)[1]
        caption = text + rng.choice(("", " ", "  ")) + credit
        captions.append(caption)
        truth.contributors += [c for c in credits(None, [], [caption]) if c not in truth.contributors]
        return [text, credit] if rng.random() < 0.4 else [caption]

    def print_entry(self, page: _Page, number: int, order: int, kind: str, n: int, art: Source,
                    cut: tuple[int, int] | None, other: int | None, style: dict) -> PrintedFragment:
        rng, truth = self.rng, self.truth[n]
        paras, heads = list(truth.paragraphs), set(truth.section_heads)
        first_index = 0
        if kind == "head":
            i, j = cut
            paras = paras[:i] + ([paras[i][:j]] if j else [])
        elif kind == "tail":
            i, j = cut
            first_index = i
            paras = [paras[i][j:]] + paras[i + 1:]
        frag_heads = [h - first_index for h in sorted(heads) if first_index <= h < first_index + len(paras)]
        if kind == "tail" and cut[1] and 0 in frag_heads:
            frag_heads.remove(0)
        frag = PrintedFragment(number, order, n, None, paras, section_heads=frag_heads)
        captions = []
        mark = ("# " if not page.lines or page.lines[-1][1] == LINE_BANNER else "## ") if style["markdown"] else ""
        photo_gap = 3 if style["photo_gaps"] else 1
        lines_before = len(page.lines)
        if kind != "tail":
            if art.kicker:
                page.add(art.kicker, LINE_KICKER, n)
            if art.headline:
                page.add(mark + art.headline, LINE_HEADLINE, n)
            if art.subheadline:
                page.add(art.subheadline, LINE_SUBHEADLINE, n)
            frag.kicker, frag.headline, frag.subheadline = art.kicker, art.headline, art.subheadline
            if rng.random() < 0.12:
                for k, line in enumerate(self.caption(truth, captions)):
                    page.add(line, LINE_CAPTION, n, 1 if k else photo_gap)
        elif self.repeat_headline and art.headline and rng.random() < 0.9:
            page.add(mark + art.headline, LINE_HEADLINE, n)
            frag.headline = art.headline
        # The text lines: (text, label); the byline prefix as printed before the first paragraph.
        text_lines: list[list] = []
        byline = art.byline if kind != "tail" else None
        frag.byline = byline
        for k, p in enumerate(paras):
            index = k + first_index
            if index in heads and not (kind == "tail" and k == 0 and cut[1]):
                label = LINE_SECTION_HEAD
                shown = f"**{p}**" if style["bold"] else p
                text_lines.append([shown, label])
                continue
            label = LINE_LABEL if is_label(p) else LINE_BODY
            skip = 0
            if k == 0 and byline:
                if rng.random() < 0.15:
                    page_byline = byline
                    text_lines.append([page_byline, LINE_BYLINE])
                elif art.prefix is None:
                    text_lines.append([byline, LINE_BYLINE])
                else:
                    p = art.prefix + p
                    skip = len(art.prefix)
            # Column breaks: the paragraph goes on in the next line, cut anywhere a column may
            # end; what is left of a long paragraph may cross another column, and another.
            while label == LINE_BODY:
                spots = [c for c in range(skip + 1, len(p)) if _column_cut(p, c)]
                if not spots or rng.random() >= min(0.5, (len(p) - skip) / COLUMN_CHARS):
                    break
                c = rng.choice(spots)
                text_lines.append([p[:c], LINE_CONTINUED])
                if style["photo_gaps"] and kind != "tail" and rng.random() < 0.08:
                    # A photo set inside the column, its caption between the two pieces (seed 004).
                    text_lines += [[line, LINE_CAPTION] for line in self.caption(truth, captions)]
                p, skip = p[c:], 0
            text_lines.append([p, label])
        if byline and not paras:
            text_lines.append([byline, LINE_BYLINE])
        if kind == "head":
            jump = jump_line(self.out_style, other, rng)
            frag.jump_to, frag.jump_line = other, jump
            if text_lines and text_lines[-1][1] in (LINE_BODY, LINE_LABEL) and rng.random() < 0.7:
                text_lines[-1][0] += jump
            else:
                text_lines.append([jump, LINE_JUMP_OUT])
        elif kind == "tail":
            jump = jump_line(self.in_style, other, rng)
            frag.jump_from, frag.jump_line = other, jump
            if text_lines and text_lines[0][1] in (LINE_BODY, LINE_CONTINUED, LINE_LABEL) and rng.random() < 0.7:
                text_lines[0][0] = jump + text_lines[0][0]
            else:
                text_lines.insert(0, [jump, LINE_JUMP_IN])
        if kind != "tail" and rng.random() < 0.06:
            # A photo printed at the foot of its article, under the last paragraph or under the
            # jump line (seed 001: the safety article's photo after its (下转第3版)).
            text_lines += [[line, LINE_CAPTION] for line in self.caption(truth, captions)]
        for k, (text, label) in enumerate(text_lines):
            if label == LINE_CAPTION:
                # The photo's gap above its caption; a credit under its caption follows it.
                gap = 1 if k and text_lines[k - 1][1] == LINE_CAPTION else photo_gap
            else:
                gap = 2 if rng.random() < 0.01 else 1   # OCR now and then leaves an extra blank line anywhere
            page.add(text, label, n, gap)
        if lines_before and len(page.lines) > lines_before and style["photo_gaps"] and rng.random() < 0.15:
            # Where a photo stood above this article.
            text, label, article, _ = page.lines[lines_before]
            page.lines[lines_before] = (text, label, article, 3)
        frag.contributors = credits(byline, paras, captions)
        return frag


def generate_issues(n: int, seed: int = 1, month: str = "2019-02", corpus_dir: str | Path = CORPUS_DIR,
                    part: str | None = None) -> list[GeneratedIssue]:
    """``n`` issues, the same for the same seed, month and corpus. Issue k lays out articles of one
    corpus day; each day's files are dealt from a shuffled queue, so over two rounds of the days
    every file of the month is printed (and none twice in one issue). ``part``: load_month's."""
    days = load_month(month, str(corpus_dir), part)
    captions = caption_pool(month, str(corpus_dir), part)
    rng = random.Random(seed)
    order = sorted(days)
    rng.shuffle(order)
    queues = {d: deque() for d in order}
    issues = []
    for index in range(n):
        irng = random.Random(rng.getrandbits(64))
        day = order[index % len(order)]
        size = len(days[day])
        want = max(1, min(size, irng.randint(int(0.55 * size) + 1, size)))
        chosen: list[Source] = []
        taken: set[str] = set()
        while len(chosen) < want:
            if not queues[day]:
                refill = list(days[day])
                irng.shuffle(refill)
                queues[day].extend(refill)
            art = queues[day].popleft()
            if art.path in taken:
                queues[day].append(art)      # keep it for the next issue of this day
                if all(a.path in taken for a in queues[day]):
                    break
                continue
            taken.add(art.path)
            chosen.append(art)
        builder = _IssueBuilder(irng, index, chosen, captions)
        builder.plan()
        pages, fragments, lines = builder.print_pages()
        issues.append(GeneratedIssue(PAPER, builder.date, pages, builder.truth, fragments, lines))
    return issues


def labelled_pages(n_issues: int, seed: int = 1, month: str = "2019-02", part: str | None = None
                   ) -> Iterator[tuple[str, list[LineTruth]]]:
    """(page text, its line truths) for every page of ``n_issues`` generated issues: CRF training data."""
    for issue in generate_issues(n_issues, seed=seed, month=month, part=part):
        for number in sorted(issue.pages):
            yield issue.pages[number], issue.lines[number]


def write_issue(issue: GeneratedIssue, root: str | Path) -> Path:
    """Write the issue's pages as ``<root>/<paper>/<YYYY-MM-DD>/<NN>.txt`` (the ingest layout)."""
    folder = Path(root) / issue.paper / issue.date.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in issue.pages.items():
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder
