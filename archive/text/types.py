"""Plain data the text layer returns. No Django here: see STYLE.md, "Where logic lives"."""
from __future__ import annotations

from dataclasses import dataclass, field

# Block kinds. Every character of a page's raw text lies in exactly one block.
KICKER = "kicker"            # 引题, above the headline
HEADLINE = "headline"
SUBHEADLINE = "subheadline"  # 副题, below the headline (incl. ——… series lines)
BYLINE = "byline"            # 本报讯(记者 …) — the byline part of the first paragraph
BODY = "body"                # a body paragraph (or a piece of one, cut by a column break)
SUBHEADING = "subheading"    # a section head inside an article
CAPTION = "caption"          # photo caption, incl. its credit (…摄)
SIGNOFF = "signoff"          # (李俊华) at the end of an article, or a closing list of reporters
JUMP_OUT = "jump_out"        # (下转第3版)
JUMP_IN = "jump_in"          # (上接第1版)
BANNER = "banner"            # column labels and banners that belong to no article
SPACE = "space"              # blank lines and whitespace between blocks
NOISE = "noise"              # anything else that belongs to no article

# Line labels: what the segmenter (and the benchmark generator's truth) says each non-blank
# line of a page is. Lines labelled BODY, CONTINUED, SECTION_HEAD and LABEL are the article's
# text; the others are not.
LINE_BANNER = "banner"              # column labels and banners above articles: no article's
LINE_KICKER = "kicker"
LINE_HEADLINE = "headline"
LINE_SUBHEADLINE = "subheadline"    # any number of lines under the headline (——… lines too)
LINE_BYLINE = "byline"              # an author or reporter line of its own (文/张三, 本报记者 张三)
LINE_BODY = "body"                  # a line of text that ends its paragraph
LINE_CONTINUED = "continued"        # a line of text a column break cut: its paragraph goes on below
LINE_SECTION_HEAD = "section_head"  # an in-article section head (小标题): its own paragraph
LINE_LABEL = "label"                # any other own-paragraph line of the body: 核心阅读, ——习近平,
                                    # sign-offs, end datelines, author notes, credits
LINE_CAPTION = "caption"            # a photo caption or photo credit set apart from the text
LINE_JUMP_IN = "jump_in"            # a jump line on its own line
LINE_JUMP_OUT = "jump_out"
LINE_NOISE = "noise"                # page heads and anything else that is no article's
LINE_LABELS = (
    LINE_BANNER, LINE_KICKER, LINE_HEADLINE, LINE_SUBHEADLINE, LINE_BYLINE, LINE_BODY,
    LINE_CONTINUED, LINE_SECTION_HEAD, LINE_LABEL, LINE_CAPTION, LINE_JUMP_IN, LINE_JUMP_OUT,
    LINE_NOISE,
)
TEXT_LABELS = frozenset((LINE_BODY, LINE_CONTINUED, LINE_SECTION_HEAD, LINE_LABEL))

BLOCK_KINDS = (
    KICKER, HEADLINE, SUBHEADLINE, BYLINE, BODY, SUBHEADING, CAPTION,
    SIGNOFF, JUMP_OUT, JUMP_IN, BANNER, SPACE, NOISE,
)


@dataclass(frozen=True)
class Block:
    """A span ``[start, end)`` of the raw text; ``fragment`` is the index of the fragment
    it belongs to on the page, or None for banners, space and noise between articles."""

    kind: str
    start: int
    end: int
    fragment: int | None = None


@dataclass(frozen=True)
class Jump:
    """A parsed jump line: direction 'out' (下转/转) or 'in' (上接/接)."""

    direction: str
    page: int | None     # None when the line names no readable page (flagged)
    start: int            # span of the jump line in the raw text
    end: int
    text: str             # the jump line as printed


# Roles of the people an article credits (the export record's ``contributors``).
REPORTER, PHOTOGRAPHER, AUTHOR = "reporter", "photographer", "author"
COMPILER, TRANSLATOR, DESIGNER, GRAPHICS, EDITOR = "compiler", "translator", "designer", "graphics", "editor"
ROLES = (REPORTER, PHOTOGRAPHER, AUTHOR, COMPILER, TRANSLATOR, DESIGNER, GRAPHICS, EDITOR)


@dataclass(frozen=True)
class Credit:
    """One credited person: ``Credit("蔡华伟", "designer")`` for ``版式设计：蔡华伟``."""

    name: str
    role: str


@dataclass(frozen=True)
class Caption:
    text: str                         # caption without the credit: "工作座谈会现场。"
    photographers: tuple[str, ...] = ()


@dataclass
class Fragment:
    """The part of one article printed on one page."""

    order: int                        # 0-based position on the page, in reading order
    start: int                        # span in the raw text, first to last block
    end: int
    kind: str = "news"                # news, commentary, photo, brief, fragment
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None         # e.g. "本报讯(记者 殷雪鸢 梁涛 胡引平)"
    # The body exactly as printed (the page's own characters, full-width marks kept), column
    # breaks joined, jump lines and the byline prefix removed; section heads, labels, sign-offs
    # and credits are paragraphs of it.
    paragraphs: list[str] = field(default_factory=list)
    section_heads: list[int] = field(default_factory=list)   # indexes into ``paragraphs``
    contributors: list[Credit] = field(default_factory=list)  # every credit, in printed order
    captions: list[Caption] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    jump_out: Jump | None = None      # (下转第3版) at its end
    jump_in: Jump | None = None       # (上接第1版) at its start
    # How sure the segmenter is of this fragment's boundaries (the least sure line decision
    # inside it), and why it was unsure; ``review`` is None when it was sure.
    confidence: float = 1.0
    review: str | None = None

    @property
    def text(self) -> str:
        """Body paragraphs separated by one blank line (the export record's ``text``)."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Guess:
    value: object
    confidence: float                 # 0..1
    reason: str


@dataclass
class ParsedPage:
    raw: str
    blocks: list[Block]
    fragments: list[Fragment]
    date: Guess | None = None         # a datetime.date guessed from the text
    page_number: Guess | None = None
    flags: list[str] = field(default_factory=list)  # human-readable review reasons
    # (start, end, label, probability) of every non-blank line, as the segmenter read it
    line_labels: list[tuple[int, int, str, float]] = field(default_factory=list)
