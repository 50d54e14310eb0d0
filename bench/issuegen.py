"""Realistic generated newspaper issues with jumps between pages, and the truth to score reassembly against.

Text comes from the 人民日报 corpus (/work/shared/corpus/peoples-daily, U+3000 indents stripped,
CRLF → LF) and the articles of the seed pages; layout follows the seeds: headlines plain or as
``#``/``##`` markdown, subheadlines, bylines, captions, sign-offs, column breaks inside paragraphs,
and jump lines in the spellings real papers use.

Truth convention (``TruthArticle.paragraphs``): the body a perfect reassembly must produce —
byline prefix (``本报讯(记者 …)``, ``本报北京1月31日电 （记者…）``) removed, no captions, sign-offs
or jump lines, column breaks repaired. Where a jump cuts mid-sentence or mid-word the two halves
are joined back into one paragraph with no separator; where it cuts right after terminal
punctuation the printed tail starts a new paragraph, and that paragraph break is part of the
expected text. So ``truth == archive.assembly.join_paragraphs(head, tail)`` for every jump.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jieba

from archive.assembly.text import ends_sentence

CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "peoples-daily"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
PAPER = "bench-daily"
FIRST_DATE = dt.date(2001, 1, 1)

# Anything a jump-line grammar could read by shape: bracketed 转/接, or 转/接 + page + 版.
JUMPISH = re.compile(r"[（(]\s*(上|下)?\s*[转接]|[转接]\s*第?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]+\s*版")
BYLINE = re.compile(
    r"^(?:本报讯\s*(?:[（(][^）)]{0,30}[）)])?|据?(?:本报|新华社)[^，。,、]{0,16}?电\s*(?:[（(][^）)]{0,30}[）)])?)\s*"
)
KICKER_ENDS = ("——", "强调", "指出", "表示", "要求", "时说")
CN_DIGITS = "〇一二三四五六七八九十"
REPORTERS = ("殷雪鸢", "梁涛", "胡引平", "丁洁", "王春宇", "李俊华", "阎铁洁", "张慧", "王丹", "史鹏程", "李思明", "尹哲")
PHOTOGRAPHERS = ("梁琛", "刘堂", "王正", "赵晓")
CAPTIONS = ("会议现场。", "活动现场。", "座谈会现场。", "工作人员正在作业。", "市民在现场参观。", "项目建设现场。")


@dataclass
class Article:
    """An article as text source: headline lines and paragraphs; the first may carry a byline."""

    headline: str
    subheadline: str | None
    paragraphs: list[str]     # as printed, byline prefix included in the first
    kicker: str | None = None

    @property
    def body(self) -> list[str]:
        """Paragraphs without the byline prefix (the truth's body)."""
        return [BYLINE.sub("", self.paragraphs[0], count=1)] + self.paragraphs[1:]

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.paragraphs)


@dataclass
class TruthArticle:
    pages: list[int]
    headline: str
    paragraphs: list[str]
    jumped: bool


@dataclass
class PrintedFragment:
    """One article part as printed on one page (what a perfect parser would return)."""

    page: int
    order: int
    article: int                  # index into GeneratedIssue.truth
    headline: str | None          # the headline printed above it (repeated headline for a tail)
    paragraphs: list[str]         # cleaned: no byline, jump line, caption, sign-off
    jump_to: int | None = None
    jump_from: int | None = None
    jump_line: str | None = None


@dataclass
class GeneratedIssue:
    paper: str
    date: dt.date
    pages: dict[int, str]
    truth: list[TruthArticle]
    fragments: list[PrintedFragment] = field(default_factory=list)


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u3000", " ").replace("\xa0", " ")).strip()


def _acceptable(art: Article) -> bool:
    """Only text a parser can read unambiguously: whole sentences, nothing jump-shaped."""
    body = art.body
    if not art.headline or len(art.headline) > 40 or ends_sentence(art.headline) or not body[0]:
        return False
    lines = [art.kicker or "", art.headline, art.subheadline or ""] + art.paragraphs
    if art.headline.endswith("——") or any(JUMPISH.search(x) or x.startswith(("#", "*", "——")) for x in lines):
        return False
    return all(len(p) >= 8 and ends_sentence(p) and not p.endswith("摄") for p in body) and not any(
        BYLINE.match(p) for p in body[1:]
    )


def _corpus_article(text: str) -> Article | None:
    lines = [_clean(x) for x in text.replace("\r\n", "\n").split("\n")]
    raw = text.replace("\r\n", "\n").split("\n")
    first_body = next((i for i, x in enumerate(raw) if x.startswith("\u3000") and _clean(x)), None)
    if first_body is None:
        return None
    heads = [x for x in lines[:first_body] if x]
    paras = [x for x in lines[first_body:] if x]
    if not heads or not paras:
        return None
    kicker = None
    # 韩正在云南调研时强调 / 王瑛—— above the headline is a kicker (引题), as parsers read it.
    if len(heads) > 1 and heads[0].endswith(KICKER_ENDS):
        kicker, heads = heads[0], heads[1:]
    sub = heads[1] if len(heads) > 1 and len(heads[1]) <= 40 and not ends_sentence(heads[1]) else None
    return Article(heads[0], sub, paras, kicker)


def _seed_articles(seeds_dir: Path) -> list[Article]:
    """Articles of the seed pages: a headline line, then a 本报讯 paragraph and the body after it."""
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n\n")]
        blocks = [b for b in blocks if b]
        for i, b in enumerate(blocks):
            if not b.startswith("本报讯") or i == 0:
                continue
            heads = [x.lstrip("#").strip() for x in blocks[max(0, i - 3):i]
                     if len(x) <= 40 and not ends_sentence(x) and not x.rstrip().endswith("摄")]
            paras: list[str] = []
            for p in blocks[i:]:
                p = re.sub(r"[（(]下转[^）)]*[）)]$", "", p)
                if paras and (p.startswith(("本报讯", "#")) or p.endswith("摄")):
                    break
                if paras and not ends_sentence(paras[-1]):
                    paras[-1] += p          # a column break in the seed: repair it
                elif len(p) > 40 or ends_sentence(p):
                    paras.append(p)
                else:
                    break
            if heads:
                art = Article(heads[-1], None, paras)
                if _acceptable(art):
                    out.append(art)
    return out


@lru_cache(maxsize=4)
def load_articles(corpus_dir: str | Path = CORPUS_DIR, seeds_dir: str | Path = SEEDS_DIR) -> tuple[dict, list]:
    """Usable articles: ({corpus date: [its articles]}, [all articles]), in a stable order."""
    fronts: dict[str, list[Article]] = {}
    everything: list[Article] = []
    seen: set[str] = set()
    for path in sorted(Path(corpus_dir).glob("*/*/*.txt")):
        art = _corpus_article(path.read_text(encoding="utf-8"))
        # The corpus holds some articles twice (reprints): one copy each, by headline.
        if art is None or not _acceptable(art) or art.headline in seen:
            continue
        seen.add(art.headline)
        everything.append(art)
        # Jumped articles come from one day's paper: same news, same names, hard to tell apart.
        fronts.setdefault(path.stem.split("-")[0], []).append(art)
    if Path(seeds_dir).is_dir():
        seeds = _seed_articles(Path(seeds_dir))
        everything.extend(seeds)
        fronts.setdefault("seeds", []).extend(seeds)
    return fronts, everything


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


def _cut(body: list[str], kind: str, rng: random.Random) -> tuple[list[str], list[str], list[str]] | None:
    """Split ``body`` into (head, tail, truth) with a cut of ``kind`` near 25–85% of its length."""
    total = sum(len(p) for p in body)
    goal = int(total * rng.uniform(0.25, 0.85))
    spots = []     # (paragraph index, position inside it)
    offset = 0
    for i, p in enumerate(body):
        if kind == "sentence":
            spots += [(i, j + 1) for j, c in enumerate(p) if ends_sentence(p[:j + 1]) and (j + 1 == len(p) or p[j + 1] not in "”’）)")]
        elif kind == "clause":
            spots += [(i, j + 1) for j, c in enumerate(p[:-1]) if c in "，、；：" and p[j + 1] not in "，。、；：”"]
        else:   # inside a word of jieba's segmentation
            pos = 0
            for w in jieba.lcut(p):
                if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
                    spots.append((i, pos + rng.randint(1, len(w) - 1)))
                pos += len(w)
        spots = [(a, b) for a, b in spots if a != i or b > 0]
        offset += len(p)
    if not spots:
        return None
    starts = [sum(len(p) for p in body[:i]) for i in range(len(body))]
    i, pos = min(spots, key=lambda s: abs(starts[s[0]] + s[1] - goal))
    if starts[i] + pos < 60 or total - starts[i] - pos < 60:
        return None
    para = body[i]
    if pos == len(para):                       # cut at a paragraph end
        return body[:i + 1], body[i + 1:], list(body)
    head = body[:i] + [para[:pos]]
    tail = [para[pos:]] + body[i + 1:]
    truth = body[:i] + ([para[:pos], para[pos:]] if kind == "sentence" else [para]) + body[i + 1:]
    return head, tail, truth


class _IssueBuilder:
    """Lays out one issue: which articles go where, then prints each page."""

    def __init__(self, rng: random.Random, index: int, fronts: dict, everything: list):
        self.rng = rng
        self.date = FIRST_DATE + dt.timedelta(days=index)
        self.markdown = rng.random() < 0.5            # headlines as # / ## (e-paper exports)
        self.repeat_headline = rng.random() < 0.4      # e-papers repeat the headline above a tail
        self.out_style = rng.choice(OUT_STYLES)
        self.in_style = rng.choice(IN_STYLES)
        self.in_order = rng.random() < 0.75            # tails keep the front page's order
        self.n_pages = rng.randint(8, 20)
        self.truth: list[TruthArticle] = []
        self.pages: dict[int, list[tuple]] = {p: [] for p in range(1, self.n_pages + 1)}
        used: set[int] = set()
        front_pool = fronts[rng.choice(sorted(fronts))]
        self._front = [a for a in rng.sample(front_pool, len(front_pool)) if a.size >= 500]
        self._pool, self._used, self._everything = everything, used, everything

    def take(self, long: bool) -> Article:
        while long and self._front:
            art = self._front.pop()
            if id(art) not in self._used:
                self._used.add(id(art))
                return art
        while True:
            art = self.rng.choice(self._everything)
            if id(art) not in self._used and (not long or art.size >= 500):
                self._used.add(id(art))
                return art

    def plan(self) -> None:
        rng = self.rng
        jumps = []                                        # (source page, target page)
        main = rng.choice([2, 3, 3, 4])
        jumps += [(1, main)] * rng.choice([2, 3, 4, 5, 5, 6])
        if rng.random() < 0.6:
            other = rng.choice([p for p in range(2, 6) if p != main])
            jumps += [(1, other)] * rng.randint(1, 2)
        if rng.random() < 0.3:
            src = rng.randint(2, self.n_pages - 2)
            jumps += [(src, rng.randint(src + 1, self.n_pages))] * rng.randint(1, 2)
        for p in range(1, self.n_pages + 1):
            n_fill = rng.randint(0, 1) if p == 1 else rng.randint(1, 4)
            for _ in range(n_fill):
                self.add_whole(p)
        tails: dict[int, list] = {}
        for src, dst in jumps:
            for _ in range(5):
                art = self.take(long=True)
                cut = _cut(art.body, rng.choice(["sentence", "clause", "word"]), rng)
                if cut:
                    break
            else:
                continue
            head, tail, truth = cut
            n = len(self.truth)
            self.truth.append(TruthArticle([src, dst], art.headline, truth, True))
            pos = rng.randint(0, len(self.pages[src]))
            self.pages[src].insert(pos, ("head", n, art, head, dst))
            tails.setdefault((src, dst), []).append((pos, n, art, tail))
        for (src, dst), items in tails.items():
            # Tails follow the order their heads are printed in on the source page, mostly.
            heads = [e[1] for e in self.pages[src] if e[0] == "head" and e[4] == dst]
            items.sort(key=lambda it: heads.index(it[1]))
            if not self.in_order:
                rng.shuffle(items)
            slots = sorted(rng.randint(1 if rng.random() < 0.9 else 0, len(self.pages[dst])) for _ in items)
            for k, (slot, (_, n, art, tail)) in enumerate(zip(slots, items)):
                self.pages[dst].insert(slot + k, ("tail", n, art, tail, src))

    def add_whole(self, page: int) -> None:
        art = self.take(long=False)
        self.truth.append(TruthArticle([page], art.headline, art.body, False))
        self.pages[page].append(("whole", len(self.truth) - 1, art, art.body, None))

    def print_pages(self) -> tuple[dict[int, str], list[PrintedFragment]]:
        texts, fragments = {}, []
        for page, entries in self.pages.items():
            blocks: list[str] = []
            for order, (kind, n, art, paras, other) in enumerate(entries):
                if kind == "tail":
                    blocks += self.print_tail(art, paras, page, other, fragments, order, n)
                else:
                    blocks += self.print_head(art, paras, page, order, n, other, fragments, first=not blocks)
            texts[page] = "\n\n" + "\n\n".join(blocks) + "\n"
        return texts, fragments

    def headline_line(self, text: str, first: bool) -> str:
        return ("# " if first else "## ") + text if self.markdown else text

    def print_head(self, art, paras, page, order, n, jump_to, fragments, first) -> list[str]:
        rng = self.rng
        out = ([art.kicker] if art.kicker else []) + [self.headline_line(art.headline, first)]
        if art.subheadline:
            out.append(art.subheadline)
        if rng.random() < 0.15:
            out.append(rng.choice(CAPTIONS) + rng.choice(("", " ")) + rng.choice(PHOTOGRAPHERS) + rng.choice(("摄", " 摄")))
        match = BYLINE.match(art.paragraphs[0])
        byline = match.group(0) if match else ""
        dateline = ""
        if not byline and rng.random() < 0.5:
            names = rng.sample(REPORTERS, rng.randint(1, 3))
            byline = f"本报讯(记者 {' '.join(names)}) " if rng.random() < 0.5 else f"本报讯（记者 {'、'.join(names)}）"
            day = self.date - dt.timedelta(days=1)
            dateline = f"{day.month}月{day.day}日,"     # the dateline after a byline is body text
        cleaned = [dateline + paras[0]] + list(paras[1:])
        self.truth[n].paragraphs[0] = dateline + self.truth[n].paragraphs[0]
        body = self.column_breaks([byline + cleaned[0]] + cleaned[1:], skip=len(byline))
        jump = None
        if jump_to is not None:
            jump = jump_line(self.out_style, jump_to, rng)
            if rng.random() < 0.7:
                body[-1] += jump
            else:
                body.append(jump)
        elif rng.random() < 0.15:
            body.append(f"({rng.choice(REPORTERS)})")
        fragments.append(PrintedFragment(page, order, n, art.headline, cleaned, jump_to=jump_to, jump_line=jump))
        return out + body

    def print_tail(self, art, paras, page, source, fragments, order, n) -> list[str]:
        rng = self.rng
        out = []
        repeated = self.repeat_headline and rng.random() < 0.9
        if repeated:
            out.append(self.headline_line(art.headline, False))
        jump = jump_line(self.in_style, source, rng)
        body = self.column_breaks(list(paras))
        if jump[0] in "(（" and rng.random() < 0.7:
            body[0] = jump + body[0]
        else:
            body.insert(0, jump)
        if rng.random() < 0.15:
            body.append(f"（{rng.choice(REPORTERS)}）")
        fragments.append(PrintedFragment(page, order, n, art.headline if repeated else None, list(paras),
                                         jump_from=source, jump_line=jump))
        return out + body

    def column_breaks(self, paras: list[str], skip: int = 0) -> list[str]:
        """Split some paragraphs by a blank line mid-sentence, as a column break prints them
        (never inside the first ``skip`` characters: the byline)."""
        out = []
        for k, p in enumerate(paras):
            spots = [j for j in range(20 + (skip if k == 0 else 0), len(p) - 10) if not ends_sentence(p[:j]) and p[j] not in "，。、；：！？”）)"]
            if spots and self.rng.random() < 0.15:
                j = self.rng.choice(spots)
                out += [p[:j], p[j:]]
            else:
                out.append(p)
        return out


def generate_issues(n: int, seed: int = 1, corpus_dir: str | Path = CORPUS_DIR) -> list[GeneratedIssue]:
    """``n`` issues, the same for the same seed and corpus."""
    fronts, everything = load_articles(str(corpus_dir))
    rng = random.Random(seed)
    issues = []
    for index in range(n):
        builder = _IssueBuilder(random.Random(rng.getrandbits(64)), index, fronts, everything)
        builder.plan()
        pages, fragments = builder.print_pages()
        issues.append(GeneratedIssue(PAPER, builder.date, pages, builder.truth, fragments))
    return issues


def write_issue(issue: GeneratedIssue, root: str | Path) -> Path:
    """Write the issue's pages as ``<root>/<paper>/<YYYY-MM-DD>/<NN>.txt`` (the ingest layout)."""
    folder = Path(root) / issue.paper / issue.date.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in issue.pages.items():
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder
