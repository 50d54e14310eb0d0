"""From labelled lines to lossless blocks and article fragments.

The segmenter says what each line is; the reader only follows what that implies, with the
exact grammars for the parts inside a line (a jump line glued to a paragraph, the byline
that opens the first one): display type opens an article, a jump-in line opens a continued
part, a jump-out line closes one, text goes to the open article, and a line labelled
``continued`` runs on into the next text line (a column break).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..bylines import match_author_line, match_reporter_line
from ..captions import match_caption, match_credit_line
from ..credits import match_credits
from ..names import merge_names
from ..types import (
    AUTHOR, BANNER, BODY, BYLINE, CAPTION, HEADLINE, JUMP_IN, JUMP_OUT, KICKER, LINE_BANNER, LINE_BODY,
    LINE_BYLINE, LINE_CAPTION, LINE_CONTINUED, LINE_HEADLINE, LINE_JUMP_IN, LINE_JUMP_OUT, LINE_KICKER,
    LINE_LABEL, LINE_NOISE, LINE_SECTION_HEAD, LINE_SUBHEADLINE, NOISE, PHOTOGRAPHER, REPORTER, SIGNOFF, SPACE,
    SUBHEADING, SUBHEADLINE, Block, Caption, Credit, Fragment, Jump,
)
from .features import PageLine

_DISPLAY_RANK = {LINE_KICKER: 0, LINE_HEADLINE: 1, LINE_SUBHEADLINE: 2}
_DISPLAY_FIELD = {LINE_KICKER: "kicker", LINE_HEADLINE: "headline", LINE_SUBHEADLINE: "subheadline"}
_DISPLAY_BLOCK = {LINE_KICKER: KICKER, LINE_HEADLINE: HEADLINE, LINE_SUBHEADLINE: SUBHEADLINE}
# A fragment whose least sure line decision is below this is sent to an editor. Chosen on the
# dev days of the training month (bench/train_segmenter.py --split prints the trade-off): at 0.8
# two thirds of the misread parts go to review, and one exact part in seven with them.
REVIEW_BELOW = 0.8
# The longest kicker, headline or subheadline kept as one (the archive stores up to 300
# characters; the 人民日报 corpus's longest is 158).
MAX_DISPLAY = 200


@dataclass
class _Draft:
    fragment: Fragment
    rank: int = -1                 # the last display line's rank (kicker 0 … subheadline 2)
    continued: bool = False        # the last text line runs on into the next one
    closed: bool = False           # a jump-out line ended it
    has_body: bool = False
    lines: list[tuple[PageLine, str, float]] = field(default_factory=list)

    @property
    def display_only(self) -> bool:
        return not self.has_body and self.fragment.jump_in is None and not self.closed


class Reader:
    """Walks the labelled lines once, emitting blocks (pieces) and drafts."""

    def __init__(self, raw: str, lines: list[PageLine], labels: list[tuple[str, float]]):
        self.raw = raw
        self.lines = lines
        self.labels = labels
        self.pieces: list[tuple[str, int, int, _Draft | None]] = []
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.pending_captions: list[tuple[PageLine, int]] = []
        self.flags: list[str] = []

    # -- helpers ------------------------------------------------------------------------------
    def exact(self, start: int, end: int) -> str:
        """The raw text of a span, as printed, without surrounding space."""
        return self.raw[start:end].strip()

    def emit(self, kind: str, start: int, end: int, draft: _Draft | None) -> None:
        self.pieces.append((kind, start, end, draft))

    def open_draft(self) -> _Draft:
        draft = _Draft(Fragment(order=len(self.drafts), start=0, end=0))
        self.drafts.append(draft)
        self.current = draft
        for line, index in self.pending_captions:
            kind, start, end, _ = self.pieces[index]
            self.pieces[index] = (kind, start, end, draft)
            self.add_caption(draft, line)
        self.pending_captions = []
        return draft

    def note_jump(self, jump: Jump) -> None:
        if jump.page is None:
            self.flags.append(f"jump line without a page number: {jump.text}")

    # -- the walk -----------------------------------------------------------------------------
    def read(self) -> None:
        for line, (label, probability) in zip(self.lines, self.labels):
            if label in _DISPLAY_RANK:
                self.display(line, label)
            elif label in (LINE_BODY, LINE_CONTINUED, LINE_SECTION_HEAD, LINE_LABEL):
                self.text(line, label)
            elif label == LINE_BYLINE:
                self.byline_line(line)
            elif label == LINE_CAPTION:
                self.caption(line)
            elif label == LINE_JUMP_IN and line.unit.jump is not None:
                self.jump_in(line, line.unit.jump)
            elif label == LINE_JUMP_OUT and line.unit.jump is not None:
                self.jump_out(line.unit.jump, line.start, line.end)
            else:
                self.emit(BANNER if label == LINE_BANNER else NOISE, line.start, line.end, None)
                continue
            if self.current is not None:
                self.current.lines.append((line, label, probability))

    def display(self, line: PageLine, label: str) -> None:
        if len(line.text) > MAX_DISPLAY:
            # No headline runs this long: a paragraph the segmenter misread, kept as text.
            self.text(line, LINE_BODY)
            return
        rank = _DISPLAY_RANK[label]
        draft = self.current
        # Display lines go on in the open article while they step down (kicker → headline →
        # subheadline) or repeat a kicker or subheadline line; a second headline is the next
        # article's (a "广告" title with nothing under it, then the next headline).
        again = draft is not None and draft.display_only and (
            rank > draft.rank
            or (rank == draft.rank and label != LINE_HEADLINE and draft.lines and draft.lines[-1][1] == label)
        )
        if not again:
            draft = self.open_draft()
        name = _DISPLAY_FIELD[label]
        text = self.exact_of(line, line.text)
        previous = getattr(draft.fragment, name)
        if previous and len(previous) + len(text) >= MAX_DISPLAY:
            draft = self.open_draft()
            previous = None
        setattr(draft.fragment, name, f"{previous} {text}" if previous else text)
        draft.rank = rank
        self.emit(_DISPLAY_BLOCK[label], line.start, line.end, draft)

    def exact_of(self, line: PageLine, text: str) -> str:
        """The printed characters of ``text``, a piece of the line's match view."""
        offset = line.view.find(text)
        if offset < 0:
            return text
        start = line.start + offset
        return self.raw[start:start + len(text)]

    def byline_line(self, line: PageLine) -> None:
        if len(line.text) > MAX_DISPLAY:
            self.text(line, LINE_BODY)
            return
        draft = self.current if self.current is not None and not self.current.closed else self.open_draft()
        authors = match_author_line(line.view)
        reporters = match_reporter_line(line.view)
        merge_names(draft.fragment.authors, authors)
        merge_names(draft.fragment.reporters, reporters)
        self.add_credits(draft, [Credit(n, AUTHOR) for n in authors] + [Credit(n, REPORTER) for n in reporters])
        byline = line.body.byline
        if byline is not None:      # 本报评, 本报记者 … on a line of their own
            merge_names(draft.fragment.reporters, byline.reporters)
            self.add_credits(draft, [Credit(n, REPORTER) for n in byline.reporters])
            if byline.commentary:
                draft.fragment.kind = "commentary"
        elif not authors and not reporters:
            self.add_credits(draft, match_credits(line.view))
        if draft.fragment.byline is None and not draft.has_body:
            draft.fragment.byline = self.exact(line.start, line.end)
        self.emit(BYLINE, line.start, line.end, draft)

    def caption(self, line: PageLine) -> None:
        # A caption goes with the article it is printed in or right after (also after that
        # article's jump-out line); before any article it waits for the next one.
        draft = self.current
        if draft is None:
            self.pieces.append((CAPTION, line.start, line.end, None))
            self.pending_captions.append((line, len(self.pieces) - 1))
            return
        self.emit(CAPTION, line.start, line.end, draft)
        self.add_caption(draft, line)

    def add_caption(self, draft: _Draft, line: PageLine) -> None:
        found = match_caption(line.view)
        if found:
            text, names = self.exact(line.start, line.start + found[0]), found[1]
        else:
            names = match_credit_line(line.view)
            text = "" if names else self.exact(line.start, line.end)
        if text:
            draft.fragment.captions.append(Caption(text, tuple(names)))
        elif draft.fragment.captions and not draft.fragment.captions[-1].photographers:
            # A credit line under its caption ("…现场。" / "梁 琛 摄").
            last = draft.fragment.captions[-1]
            draft.fragment.captions[-1] = Caption(last.text, tuple(names))
        merge_names(draft.fragment.photographers, names)
        self.add_credits(draft, [Credit(name, PHOTOGRAPHER) for name in names])

    def add_credits(self, draft: _Draft, credits: list[Credit]) -> None:
        for credit in credits:
            if credit not in draft.fragment.contributors:
                draft.fragment.contributors.append(credit)

    def jump_in(self, line: PageLine, jump: Jump) -> _Draft:
        self.note_jump(jump)
        draft = self.current if self.current is not None and self.current.display_only else self.open_draft()
        draft.fragment.jump_in = jump
        self.emit(JUMP_IN, jump.start, jump.end, draft)
        return draft

    def jump_out(self, jump: Jump, start: int, end: int) -> None:
        self.note_jump(jump)
        draft = self.current
        if draft is None or draft.closed:
            self.emit(NOISE, start, end, None)
            return
        draft.fragment.jump_out = jump
        draft.closed = True
        self.emit(JUMP_OUT, jump.start, jump.end, draft)

    def text(self, line: PageLine, label: str) -> None:
        body = line.body
        if body.jump_in is not None:
            draft = self.jump_in(line, body.jump_in)
        elif self.current is None or self.current.closed:
            draft = self.open_draft()
        else:
            draft = self.current
        fragment = draft.fragment
        start = body.jump_in.end if body.jump_in is not None else line.start
        if body.byline is not None:
            byline_start = start + len(self.raw[start:body.byline_end]) - len(self.raw[start:body.byline_end].lstrip())
            merge_names(fragment.reporters, body.byline.reporters)
            self.add_credits(draft, [Credit(name, REPORTER) for name in body.byline.reporters])
            if body.byline.commentary:
                fragment.kind = "commentary"
            if not draft.has_body and fragment.byline is None:
                fragment.byline = self.exact(byline_start, body.byline_end)
                self.emit(BYLINE, byline_start, body.byline_end, draft)
                start = body.byline_end
            else:
                start = byline_start      # a section's dateline stays in the text
        end = body.jump_out.start if body.jump_out is not None else line.end
        text = self.exact(start, end)
        if line.bold and text.startswith("**") and text.endswith("**"):
            text = text[2:-2].strip()
        elif line.markdown:
            text = text.lstrip("#").strip()
        if text:
            lead = len(self.raw[start:end]) - len(self.raw[start:end].lstrip())
            text_start = start + lead
            if label in (LINE_SECTION_HEAD, LINE_LABEL) or not draft.continued or not fragment.paragraphs:
                if label == LINE_SECTION_HEAD:
                    fragment.section_heads.append(len(fragment.paragraphs))
                fragment.paragraphs.append(text)
            else:
                fragment.paragraphs[-1] += text
            draft.has_body = True
            kind = SUBHEADING if label == LINE_SECTION_HEAD else SIGNOFF if body.signoff_start is not None and label == LINE_LABEL else BODY
            self.emit(kind, text_start, text_start + len(self.raw[text_start:end].rstrip()), draft)
            credits = match_credits(line.view[start - line.start:end - line.start])
            if credits:
                self.add_credits(draft, credits)
                merge_names(fragment.reporters, [c.name for c in credits if c.role == REPORTER])
                merge_names(fragment.photographers, [c.name for c in credits if c.role == PHOTOGRAPHER])
                merge_names(fragment.authors, [c.name for c in credits if c.role == AUTHOR])
        draft.continued = label == LINE_CONTINUED
        if body.jump_out is not None:
            self.jump_out(body.jump_out, body.jump_out.start, body.jump_out.end)

    # -- result -------------------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """The pieces in order, with SPACE blocks filling every gap; space inside a fragment
        belongs to it, space between fragments to none. A headline with nothing under it is
        an article all the same (广告, a photo page's title); display lines without a headline
        or text are banners."""
        kept = [
            draft for draft in self.drafts
            if draft.has_body or draft.fragment.headline or draft.fragment.jump_in or draft.fragment.jump_out
        ]
        index = {id(draft): n for n, draft in enumerate(kept)}
        blocks: list[Block] = []
        position, previous = 0, None
        for kind, start, end, draft in sorted(self.pieces, key=lambda piece: piece[1]):
            fragment = index.get(id(draft)) if draft is not None else None
            if draft is not None and fragment is None:
                kind = BANNER
            if start > position:
                blocks.append(Block(SPACE, position, start, fragment if fragment == previous else None))
            blocks.append(Block(kind, start, end, fragment))
            position, previous = end, fragment
        if position < len(self.raw):
            blocks.append(Block(SPACE, position, len(self.raw)))
        self.drafts = kept
        return blocks

    def fragments(self, blocks: list[Block]) -> list[Fragment]:
        spans: dict[int, list[tuple[int, int]]] = {}
        for block in blocks:
            if block.fragment is not None:
                spans.setdefault(block.fragment, []).append((block.start, block.end))
        result = []
        for order, draft in enumerate(self.drafts):
            fragment = draft.fragment
            fragment.order = order
            fragment.start, fragment.end = spans[order][0][0], spans[order][-1][1]
            fragment.kind = _kind(fragment)
            fragment.confidence, fragment.review = self.confidence(draft)
            result.append(fragment)
        return result

    def confidence(self, draft: _Draft) -> tuple[float, str | None]:
        """The least sure line decision of the draft, and a reason when it is below REVIEW_BELOW."""
        if not draft.lines:
            return 1.0, None
        line, label, probability = min(draft.lines, key=lambda item: item[2])
        probability = round(probability, 4)
        if probability >= REVIEW_BELOW:
            return probability, None
        return probability, f"segmenter unsure that {line.text[:20]!r} is {label} (p={probability:.2f})"


def _kind(fragment: Fragment) -> str:
    if fragment.kind == "commentary":
        return "commentary"
    if fragment.headline is None and fragment.jump_in is not None:
        return "fragment"
    if fragment.authors and not fragment.byline:
        return "commentary"   # signed by its author, not filed as news
    if fragment.headline is None:
        if (fragment.byline or "").startswith("本报"):
            return "brief"
        if fragment.photographers and len(fragment.paragraphs) <= 2:
            return "photo"
    return "news"
