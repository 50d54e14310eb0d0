"""parse_page: one page's raw text → lossless blocks and the article fragments printed on it.

Reading order is the order of the lines. Headline groups (runs of short lines) start an
article when they carry a markdown ``#``, a ``——`` series line, are followed by a byline, or
when no article is open; otherwise they are section heads of the article being read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import guesses
from .columns import join_broken
from .headlines import Line, assign_roles, is_banner, is_series_line, leads_into_headline
from .lines import (
    BODY_LINE, CAPTION_LINE, CREDIT, HEADING, JUMP_LINE, NOISE_LINE, REPORTERS, SIGNOFF_LINE,
    Unit, as_text, classify, is_tagged_title, is_title_with_commas, split_lines,
)
from .bylines import match_author_line
from .names import merge_names
from .normalise import clean, clean_view, ends_sentence, match_view
from .words import reads_on
from .types import (
    BANNER, BODY, BYLINE, CAPTION, HEADLINE, JUMP_IN, JUMP_OUT, KICKER, NOISE, SIGNOFF, SPACE,
    SUBHEADING, SUBHEADLINE, Block, Caption, Fragment, Jump, ParsedPage,
)


# A kicker that reads like prose is still one line of display type.
MAX_KICKER = 60
# A one-line headline is short (16 characters on average in the 人民日报 corpus); a longer
# plain line inside an article is the head of a paragraph that a column break cut.
MAX_PLAIN_TITLE = 20
# A title with commas right under display type is a subheadline when it is no longer than an
# average one-line headline; longer, it may be the head of a first paragraph that a column
# break cut. The 人民日报 corpus prints comma subheadlines of 9 to 40 characters, so this is a
# trade: the shorter third of them is read as display type, and a longer cut head stays text.
MAX_SUBHEADLINE_UNDER = 16

# A line of ellipsis marks, perhaps closing a quotation or a sentence: "……", "…”", "……。".
_ELLIPSIS = re.compile(r"^[.·]*…[….·。!?！？”’」』)]*$")


@dataclass
class _Draft:
    """A fragment being read: its blocks and its paragraphs by section (for column repair)."""

    fragment: Fragment
    sections: list[list[str]] = field(default_factory=lambda: [[]])
    closed: bool = False          # a sign-off or jump-out ended it
    photo: bool = False

    @property
    def has_body(self) -> bool:
        return any(self.sections)

    @property
    def last_paragraph(self) -> str | None:
        for section in reversed(self.sections):
            if section:
                return section[-1]
        return None


class _Reader:
    """Walks the classified lines once, emitting blocks and drafts."""

    def __init__(self, raw: str):
        self.raw = raw
        self.view = match_view(raw)
        self.clean = clean_view(raw)
        self.pieces: list[tuple[str, int, int, _Draft | None]] = []
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.pending_captions: list[tuple[Unit, list[int]]] = []
        self.flags: list[str] = []
        self.marks_headlines = False      # the page sets its headlines as markdown headings

    # -- output helpers ---------------------------------------------------------------------
    def text(self, start: int, end: int) -> str:
        return clean(self.clean[start:end])

    def emit(self, kind: str, start: int, end: int, draft: _Draft | None) -> int:
        self.pieces.append((kind, start, end, draft))
        return len(self.pieces) - 1

    def open_draft(self) -> _Draft:
        # The kind is settled in fragments(), once headline, byline and jumps are known.
        draft = _Draft(Fragment(order=len(self.drafts), start=0, end=0))
        self.drafts.append(draft)
        self.current = draft
        for unit, indexes in self.pending_captions:
            self.attach_caption(unit, draft, indexes)
        self.pending_captions = []
        return draft

    # -- units ------------------------------------------------------------------------------
    def read(self) -> None:
        units = _runs_on_as_text([classify(self.view, start, end) for start, end in split_lines(self.view)])
        self.marks_headlines = any(unit.markdown for unit in units)
        i = 0
        while i < len(units):
            unit = units[i]
            if unit.kind == HEADING or self.is_display(units, i, after_heading=False):
                j = i + 1
                while j < len(units) and (
                    units[j].kind == HEADING or self.is_display(units, j, after_heading=True)
                ):
                    j += 1
                k = j
                while k < len(units) and units[k].kind == CAPTION_LINE:
                    k += 1
                self.heading_group(units[i:j], units[j:k], units[k] if k < len(units) else None)
                i = k
                continue
            handler = {
                CAPTION_LINE: self.caption,
                CREDIT: self.credit,
                JUMP_LINE: self.jump_line,
                SIGNOFF_LINE: self.signoff_line,
                REPORTERS: self.signoff_line,
                NOISE_LINE: self.noise,
                BODY_LINE: self.body,
            }[unit.kind]
            handler(unit)
            i += 1

    def is_display(self, units: list[Unit], i: int, after_heading: bool) -> bool:
        """Whether body line ``i``, a title with commas, is display type by its place: it then
        joins a headline group. A byline or a jump-in line opens an article or its continued
        part, so the title-shaped line right above one (photo captions and short display lines
        between) is its kicker, headline or subheadline. With no article open, the line above a
        paragraph is a headline too ("体操世锦赛，中国队收获3银2铜"); so is one after a finished
        paragraph with a photo caption under it (captions hang under display type), and one
        above more display lines after a finished continued part (``part_finished``). Elsewhere
        it may be the head of a paragraph a column break cut ("回老家后，…学习电子商务，积" /
        "极参加…"), so it stays text unless it is short and under display type."""
        if not is_title_with_commas(units[i]):
            return False
        k = i + 1
        while k < len(units) and units[k].kind in (CAPTION_LINE, HEADING):
            k += 1
        following = units[k] if k < len(units) else None
        if following is None or following.kind not in (BODY_LINE, JUMP_LINE):
            return False
        opens = following.byline is not None or following.jump_in is not None or (
            following.kind == JUMP_LINE and following.jump.direction == "in"
        )
        captioned = any(unit.kind == CAPTION_LINE for unit in units[i + 1:k])
        headed = any(unit.kind == HEADING for unit in units[i + 1:k])
        no_article = self.current is None or self.current.closed
        if following.kind != BODY_LINE:
            return opens
        if after_heading:
            # Under display type a short one is a subheadline ("用科技把控品质，借传播提升影响" /
            # "中医药老手艺，又回来了").
            return opens or len(clean(units[i].text)) <= MAX_SUBHEADLINE_UNDER
        return opens or no_article or (captioned and self.paragraph_finished()) or (
            headed and self.part_finished()
        ) or (not headed and self.paragraph_finished() and self.starts_after_full_stop(units[i], following))

    def heading_group(self, group: list[Unit], trailing: list[Unit], following: Unit | None) -> None:
        texts = [self.text(unit.start, unit.end) for unit in group]
        jump_out_follows = (
            following is not None and following.kind == JUMP_LINE and following.jump.direction == "out"
        )
        body_follows = (
            following is not None and following.kind in (BODY_LINE, JUMP_LINE) and not jump_out_follows
        )
        open_draft = self.current is not None and not self.current.closed
        # A jump-out line closes the text above it, and a jump-in line on its own opens the text
        # below it: short lines there are the continued article's words, cut by a column
        # ("委员长会议建议的…议程还有：" / "（转第3版）"; "（上接第1版）" / "出口规模从…跃升至2018").
        continued_text = open_draft and (
            (jump_out_follows and not trailing)
            or (self.current.fragment.jump_in is not None and not self.current.has_body and body_follows
                and not any(unit.markdown or unit.text.startswith("**") for unit in group))
        )
        if continued_text:
            for unit in group:
                self.add_paragraph(self.current, unit.start, unit.end)
            for unit in trailing:
                self.caption(unit)
            return
        if not body_follows or all(is_banner(texts, i) for i in range(len(texts))):
            # Nothing to head: banners and column labels, or a stray title at the page foot.
            for unit in group:
                self.emit(BANNER, unit.start, unit.end, None)
            for unit in trailing:
                self.caption(unit)
            return
        author_lines = []
        while len(group) > 1 and match_author_line(group[-1].text):
            author_lines.insert(0, group.pop())
        texts = texts[:len(group)]
        lines = [Line(text, unit.markdown) for text, unit in zip(texts, group)]
        lexicon_banners = [is_banner(texts, i) for i in range(len(texts))]
        kept = [i for i, banner in enumerate(lexicon_banners) if not banner]
        prose_kicker = self.take_back_prose_kicker() if len(kept) == 1 else None
        current = self.current
        plain_line = len(kept) == 1 and not group[kept[0]].markdown and not group[kept[0]].text.startswith("**")
        starts_article = (
            prose_kicker is not None
            or any(line.markdown for line in lines)
            or any(is_series_line(texts[i]) or is_tagged_title(texts[i]) for i in kept)
            or (following.kind == BODY_LINE and (following.byline is not None or following.jump_in is not None))
            or following.kind == JUMP_LINE
            or current is None
            or current.closed
            or (plain_line and current.has_body and self.is_title(group[kept[0]], trailing, following))
            # Captions hang under display type: after a full stop, lines over one head an article.
            or (len(kept) > 1 and (self.part_finished() or (bool(trailing) and self.paragraph_finished())))
            # Section heads come in pairs too, but never open with a kicker.
            or (len(kept) > 1 and self.paragraph_finished() and leads_into_headline(texts[kept[0]]))
        )
        if not starts_article and plain_line and current.has_body:
            # One plain short line inside an article is a piece of a paragraph that a column
            # break cut (…是一家经营山 / 西菜的老牌饭店); section heads come in pairs or in bold.
            self.add_paragraph(current, group[kept[0]].start, group[kept[0]].end)
            for i in range(len(group)):
                if i not in kept:
                    self.emit(BANNER, group[i].start, group[i].end, None)
            for unit in trailing:
                self.caption(unit)
            return
        if starts_article:
            if prose_kicker is None and len(kept) == 1:
                prose_kicker = self.take_back_dash_kicker()
            draft = self.open_draft()
            roles = assign_roles(lines)
            subheadlines = []
            for unit, text, role in zip(group, texts, roles):
                owner = None if role == BANNER else draft
                self.emit(role, unit.start, unit.end, owner)
                if role == KICKER:
                    draft.fragment.kicker = text
                elif role == HEADLINE:
                    draft.fragment.headline = text
                elif role == SUBHEADLINE:
                    subheadlines.append(text)
            draft.fragment.subheadline = " ".join(subheadlines) or None
            if prose_kicker:
                self.emit(KICKER, *prose_kicker, draft)
                draft.fragment.kicker = self.text(*prose_kicker)
        else:
            draft = current
            for i, (unit, text) in enumerate(zip(group, texts)):
                if i in kept:
                    self.emit(SUBHEADING, unit.start, unit.end, draft)
                    pass  # section heads: replaced by the line labeller
                else:
                    self.emit(BANNER, unit.start, unit.end, None)
            draft.sections.append([])
        for unit in author_lines:
            self.emit(BYLINE, unit.start, unit.end, draft)
            merge_names(draft.fragment.authors, match_author_line(unit.text))
        for unit in trailing:
            self.attach_caption(unit, draft)

    def is_title(self, unit: Unit, trailing: list[Unit], following: Unit) -> bool:
        """Whether one plain short line inside an open article is the headline of the next one.

        A line that finishes the open paragraph is text (the line itself holds no finished
        sentence, lines.is_short; a closing quotation mark ends a title: 马街书会 如约“开腔”).
        Otherwise it is a title when a photo caption stands under it (captions hang under
        display type, not under a line of text), or when it is as short as display type and
        does not read on into the line below (``starts_after_full_stop``).
        """
        last = self.current.last_paragraph
        if _is_dash_kicker(last):
            # "飞机上，一名六旬女乘客忽然晕厥——": take_back_dash_kicker makes it this headline's kicker.
            return len(clean(unit.text)) <= MAX_PLAIN_TITLE
        if not ends_sentence(last):
            return False
        return bool(trailing) or self.starts_after_full_stop(unit, following)

    def starts_after_full_stop(self, unit: Unit, following: Unit) -> bool:
        """Whether a title-shaped line right after a full stop is display type rather than the
        head of a paragraph that a column break cut: it is no longer than MAX_PLAIN_TITLE, or
        MAX_SUBHEADLINE_UNDER when it holds commas (a longer one is a cut head: "香港中华总商会、
        …等香港各大主要商" / "会均表示，…"), and the sentence does not run on into the line below
        (words.reads_on: 经营山 / 西菜, 学习电子商务，积 / 极参加). A cut between two words that
        reads as a title is taken for one. A page that marks its headlines with ``#`` (e-paper
        exports) marks them all, so there a plain line is display type only where a finished
        continued part makes a new article due (``part_finished``)."""
        if self.marks_headlines and not self.part_finished():
            return False
        text = clean(unit.text)
        limit = MAX_SUBHEADLINE_UNDER if any(mark in text for mark in "，,、") else MAX_PLAIN_TITLE
        return len(text) <= limit and not reads_on(text, self.text(following.start, following.end))

    def paragraph_finished(self) -> bool:
        """Whether the open article, if any, has reached a full stop (or is closed)."""
        current = self.current
        return current is None or current.closed or ends_sentence(current.last_paragraph or "")

    def part_finished(self) -> bool:
        """Whether the open article is a continued part (上接…) that has reached a full stop.

        A continued part runs to its end, so display lines after its last full stop start the
        page's next article rather than a section of it (with or without the repeated headline
        above the part)."""
        current = self.current
        return current is not None and (
            current.fragment.jump_in is not None and current.has_body
            and ends_sentence(current.last_paragraph)
        )

    def take_back_prose_kicker(self) -> tuple[int, int] | None:
        """Undo a headless one-paragraph draft whose paragraph is really a kicker.

        Kickers that summarise (``产销基本平稳，投资恢复性增长，外贸展现强劲…``) carry commas
        and read as body text until a headline follows them. Returns the kicker's span.
        """
        draft = self.current
        if draft is None or draft.closed or draft is not self.drafts[-1]:
            return None
        fragment = draft.fragment
        if fragment.headline or fragment.byline or fragment.jump_in or fragment.kicker:
            return None
        owned = [i for i, piece in enumerate(self.pieces) if piece[3] is draft]
        paragraph = draft.last_paragraph
        if len(owned) != 1 or self.pieces[owned[0]][0] != BODY or len(paragraph) > MAX_KICKER:
            return None
        if ends_sentence(paragraph):
            return None
        _, start, end, _ = self.pieces.pop(owned[0])
        self.drafts.pop()
        self.current = self.drafts[-1] if self.drafts else None
        return start, end

    def take_back_dash_kicker(self) -> tuple[int, int] | None:
        """Take the open article's last paragraph as the kicker of the article starting below
        it when it leads into the headline with a dash ("…让2400平方公里土地变成了湿地——").
        Returns the kicker's span."""
        draft = self.current
        if draft is None or draft.closed or not self.pieces:
            return None
        kind, start, end, owner = self.pieces[-1]
        paragraph = draft.last_paragraph or ""
        if owner is not draft or kind != BODY or not _is_dash_kicker(paragraph):
            return None
        if sum(piece[3] is draft for piece in self.pieces) < 2:
            return None     # a draft of the kicker alone: take_back_prose_kicker's case
        self.pieces.pop()
        next(section for section in reversed(draft.sections) if section).pop()
        return start, end

    def add_paragraph(self, draft: _Draft, start: int, end: int, text_start: int | None = None) -> None:
        """A BODY block ``[start, end)``; the paragraph's text may begin earlier (a dateline)."""
        self.emit(BODY, start, end, draft)
        draft.sections[-1].append(self.text(start if text_start is None else text_start, end))

    def attach_caption(self, unit: Unit, draft: _Draft, indexes: list[int] | None = None) -> None:
        """Attach a caption to ``draft``; ``indexes`` are blocks already emitted for it."""
        caption = Caption(self.text(unit.start, unit.caption_end), tuple(unit.names))
        draft.fragment.captions.append(caption)
        merge_names(draft.fragment.photographers, unit.names)
        if indexes is None:
            self.emit(CAPTION, unit.start, unit.end, draft)
        else:
            for index in indexes:
                kind, start, end, _ = self.pieces[index]
                self.pieces[index] = (kind, start, end, draft)

    def caption(self, unit: Unit) -> None:
        # A caption goes with the article it is printed in or right after; before any article
        # it waits for the next one.
        if self.current is not None:
            self.attach_caption(unit, self.current)
        else:
            self.pending_captions.append((unit, [self.emit(CAPTION, unit.start, unit.end, None)]))

    def credit(self, unit: Unit) -> None:
        draft = self.current
        if draft is None:
            self.emit(NOISE, unit.start, unit.end, None)
            return
        if draft.fragment.headline is None and draft.fragment.byline is None and len(draft.sections[-1]) == 1:
            # A photo-news item: one paragraph of caption text, then the credit line.
            draft.photo = True
            draft.closed = True
        self.emit(CAPTION, unit.start, unit.end, draft)
        merge_names(draft.fragment.photographers, unit.names)

    def jump_line(self, unit: Unit) -> None:
        self.note_jump(unit.jump)
        if unit.jump.direction == "in":
            draft = self.draft_for_start(unit)
            draft.fragment.jump_in = unit.jump
            self.emit(JUMP_IN, unit.start, unit.end, draft)
        elif self.current is not None:
            self.current.fragment.jump_out = unit.jump
            self.current.closed = True
            self.emit(JUMP_OUT, unit.start, unit.end, self.current)
        else:
            self.emit(NOISE, unit.start, unit.end, None)

    def signoff_line(self, unit: Unit) -> None:
        if self.current is None:
            self.emit(NOISE, unit.start, unit.end, None)
            return
        merge_names(self.current.fragment.reporters, unit.names)
        self.current.closed = True
        self.emit(SIGNOFF, unit.start, unit.end, self.current)

    def noise(self, unit: Unit) -> None:
        # A paragraph of only an ellipsis ("……", "…”") is the writer's, inside an open article.
        if _ELLIPSIS.match(unit.text) and self.current is not None and not self.current.closed:
            self.add_paragraph(self.current, unit.start, unit.end)
        else:
            self.emit(NOISE, unit.start, unit.end, None)

    def draft_for_start(self, unit: Unit) -> _Draft:
        """The draft a jump-in or byline line opens: the headline just read, or a new one."""
        current = self.current
        fresh = (
            current is not None and not current.closed and not current.has_body
            and current.fragment.jump_in is None and current.fragment.byline is None
        )
        # A second dateline inside an open, headed article ("本报华盛顿10月11日电 …" twice in
        # one report) starts a section of it, not a new article; a continued part runs to its
        # last full stop (``part_finished``), so a dateline after that opens the next article.
        second_dateline = (
            unit.byline is not None and unit.jump_in is None and current is not None and not current.closed
            and current.fragment.headline is not None and current.has_body and not self.part_finished()
        )
        if fresh or second_dateline:
            return current
        return self.open_draft()

    def body(self, unit: Unit) -> None:
        if unit.jump_in or unit.byline:
            draft = self.draft_for_start(unit)
        elif self.current is None or self.current.closed:
            draft = self.open_draft()
        else:
            draft = self.current
        fragment = draft.fragment
        text_start = None
        if unit.jump_in:
            self.note_jump(unit.jump_in)
            fragment.jump_in = unit.jump_in
            self.emit(JUMP_IN, unit.jump_in.start, unit.jump_in.end, draft)
        if unit.byline:
            start = unit.jump_in.end if unit.jump_in else unit.start
            start += len(self.view[start:unit.byline_end]) - len(self.view[start:unit.byline_end].lstrip())
            merge_names(fragment.reporters, unit.byline.reporters)
            if unit.byline.commentary:
                fragment.kind = "commentary"
            self.emit(BYLINE, start, unit.byline_end, draft)
            if draft.has_body:
                # A section's dateline stays in the text, where the reader sees it.
                text_start = start
            else:
                fragment.byline = self.text(start, unit.byline_end)
        if unit.body:
            self.add_paragraph(draft, *unit.body, text_start=text_start)
        if unit.signoff_start is not None:
            merge_names(fragment.reporters, unit.names)
            draft.closed = True
            end = unit.jump_out.start if unit.jump_out else unit.end
            end = unit.signoff_start + len(self.view[unit.signoff_start:end].rstrip())
            self.emit(SIGNOFF, unit.signoff_start, end, draft)
        if unit.jump_out:
            self.note_jump(unit.jump_out)
            fragment.jump_out = unit.jump_out
            draft.closed = True
            self.emit(JUMP_OUT, unit.jump_out.start, unit.jump_out.end, draft)

    def note_jump(self, jump: Jump) -> None:
        if jump.page is None:
            self.flags.append(f"jump line without a page number: {jump.text}")

    # -- result -----------------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        """The pieces in order, with SPACE blocks filling every gap; space inside a fragment
        belongs to it, space between fragments to none."""
        index = {id(draft): n for n, draft in enumerate(self.drafts)}
        blocks: list[Block] = []
        position, previous = 0, None
        for kind, start, end, draft in sorted(self.pieces, key=lambda piece: piece[1]):
            fragment = None if draft is None else index[id(draft)]
            if start > position:
                blocks.append(Block(SPACE, position, start, fragment if fragment == previous else None))
            blocks.append(Block(kind, start, end, fragment))
            position, previous = end, fragment
        if position < len(self.raw):
            blocks.append(Block(SPACE, position, len(self.raw)))
        return blocks

    def fragments(self, blocks: list[Block]) -> list[Fragment]:
        fragments = []
        for draft in self.drafts:
            fragment = draft.fragment
            spans = [(b.start, b.end) for b in blocks if b.fragment == fragment.order]
            fragment.start, fragment.end = spans[0][0], spans[-1][1]
            fragment.paragraphs = [p for section in draft.sections for p in join_broken(section)]
            if draft.photo:
                fragment.kind = "photo"
            elif fragment.authors and not fragment.byline:
                fragment.kind = "commentary"   # signed by its author, not filed as news
            elif fragment.kind != "commentary" and fragment.headline is None:
                # A 本报讯 item with no headline of its own is a brief; anything else without a
                # headline is a piece of an article (a continuation, or a start we cannot see).
                is_brief = fragment.jump_in is None and (fragment.byline or "").startswith("本报")
                fragment.kind = "brief" if is_brief else "fragment"
            fragments.append(fragment)
        return fragments


def _is_dash_kicker(paragraph: str) -> bool:
    """A paragraph short enough for a kicker that leads on with a dash into the line below."""
    return paragraph.endswith("——") and len(paragraph) <= MAX_KICKER


def _runs_on_as_text(units: list[Unit]) -> list[Unit]:
    """Units with every plain title-shaped line whose sentence runs on into the body line
    below it (words.reads_on) read as text: the head of a paragraph a column break cut, under
    display type or anywhere ("走进…建强村党群服务中心会" / "议室，…")."""
    result = list(units)
    for k, (unit, below) in enumerate(zip(units, units[1:])):
        if (
            unit.kind == HEADING and not unit.markdown and not unit.text.startswith("**")
            and below.kind == BODY_LINE and below.jump_in is None and below.byline is None
            and reads_on(clean(unit.text), clean(below.text))
        ):
            result[k] = as_text(unit)
    return result


def parse_page(raw: str) -> ParsedPage:
    """Parse one page's raw text. Never raises on a str; see the package docstring."""
    reader = _Reader(raw)
    reader.read()
    blocks = reader.blocks()
    fragments = reader.fragments(blocks)
    flags = reader.flags
    if not fragments:
        flags.append("no recognisable article")
    return ParsedPage(
        raw=raw,
        blocks=blocks,
        fragments=fragments,
        date=guesses.guess_date(fragments, reader.view),
        page_number=guesses.guess_page_number(fragments, reader.view),
        flags=flags,
    )
