"""Pure: cut an article's assembled body back into the part printed on each page, for jump marks."""
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


@dataclass(frozen=True)
class FragmentShape:
    """What reading needs of a fragment: its page, cleaned text and jump lines."""

    page: int | None
    text: str
    jump_from: int | None = None
    jump_to: int | None = None


def paragraphs(text: str) -> list[str]:
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


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


def printed_parts(body: str, fragments: list[FragmentShape]) -> list[PrintedPart]:
    """The body split into one part per fragment, each knowing where it jumps from and to.

    When the body no longer contains the fragments' text (an editor rewrote it), the whole
    body is one part and the jumps are kept at its start and end.
    """
    if not fragments:
        return [PrintedPart(page=None, paragraphs=paragraphs(body))]
    points = _cut_points(body, [fragment.text for fragment in fragments])
    if points is None:
        return [
            PrintedPart(
                page=fragments[0].page,
                paragraphs=paragraphs(body),
                jump_from=fragments[0].jump_from,
                jump_to=fragments[-1].jump_to,
            )
        ]
    bounds = [0, *points, len(body)]
    parts = []
    for index, fragment in enumerate(fragments):
        previous = fragments[index - 1].page if index else fragment.jump_from
        following = fragments[index + 1].page if index + 1 < len(fragments) else fragment.jump_to
        parts.append(
            PrintedPart(
                page=fragment.page,
                paragraphs=paragraphs(body[bounds[index]:bounds[index + 1]]),
                jump_from=previous,
                jump_to=following,
            )
        )
    return parts
