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
    paragraphs: list[str] = field(default_factory=list)  # cleaned, column breaks repaired
    subheadings: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    jump_out: Jump | None = None      # (下转第3版) at its end
    jump_in: Jump | None = None       # (上接第1版) at its start

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
