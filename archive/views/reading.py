"""Pure: cut an article's assembled body back into the part printed on each page, for jump marks,
knowing which of each part's paragraphs are section heads."""
from dataclasses import dataclass, field

# How many closing characters of a fragment are looked for in the body. Column-break repair
# may join the last word across the cut, so the tail is searched, not the whole text.
TAIL_LENGTHS = (16, 8, 4)


@dataclass(frozen=True)
class PrintedPart:
    """The part of an article printed on one page, with the pages it jumps from and to."""

    page: int | None
    paragraphs: list[str] = field(default_factory=list)
    jump_from: int | None = None
    jump_to: int | None = None
    heads: frozenset[int] = frozenset()   # indexes of the section heads in ``paragraphs``


@dataclass(frozen=True)
class FragmentShape:
    """What reading needs of a fragment: its page, cleaned text and jump lines."""

    page: int | None
    text: str
    jump_from: int | None = None
    jump_to: int | None = None


def _span(body: str, start: int, end: int, section_heads) -> tuple[list[str], frozenset[int]]:
    """Paragraphs of ``body[start:end]`` and which of them are section heads.

    ``section_heads`` index the body's paragraphs (``body.split("\n\n")``, as the export
    record's ``text``); a span that starts inside a paragraph (a cut joined across the jump)
    continues that paragraph's index.
    """
    heads = set(section_heads)
    first = body[:start].count("\n\n")
    kept, local = [], set()
    for offset, piece in enumerate(body[start:end].split("\n\n")):
        if not piece.strip():
            continue
        if first + offset in heads:
            local.add(len(kept))
        kept.append(piece.strip("\n"))  # as stored: a printed indent (U+3000) stays
    return kept, frozenset(local)


def _cut_points(body: str, texts: list[str]) -> list[int] | None:
    """Offsets in the body where each fragment but the last ends, or None if one is not found."""
    points, cursor = [], 0
    for text in texts[:-1]:
        stripped = text.rstrip()
        for length in TAIL_LENGTHS:
            tail = stripped[-length:]
            found = body.find(tail, cursor) if tail else -1
            if found >= 0:
                cursor = found + len(tail)
                points.append(cursor)
                break
        else:
            return None
    return points


def printed_parts(body: str, fragments: list[FragmentShape], section_heads=()) -> list[PrintedPart]:
    """The body split into one part per fragment, each knowing where it jumps from and to.

    When the body no longer contains the fragments' text (an editor rewrote it), the whole
    body is one part and the jumps are kept at its start and end.
    """
    if not fragments:
        whole, heads = _span(body, 0, len(body), section_heads)
        return [PrintedPart(page=None, paragraphs=whole, heads=heads)]
    points = _cut_points(body, [fragment.text for fragment in fragments])
    if points is None:
        whole, heads = _span(body, 0, len(body), section_heads)
        return [
            PrintedPart(
                page=fragments[0].page,
                paragraphs=whole,
                jump_from=fragments[0].jump_from,
                jump_to=fragments[-1].jump_to,
                heads=heads,
            )
        ]
    bounds = [0, *points, len(body)]
    parts = []
    for index, fragment in enumerate(fragments):
        previous = fragments[index - 1].page if index else fragment.jump_from
        following = fragments[index + 1].page if index + 1 < len(fragments) else fragment.jump_to
        own, heads = _span(body, bounds[index], bounds[index + 1], section_heads)
        parts.append(
            PrintedPart(page=fragment.page, paragraphs=own, jump_from=previous, jump_to=following, heads=heads)
        )
    return parts
