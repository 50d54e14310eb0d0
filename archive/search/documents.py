"""What one article contributes to the index: segmented text fields and filter values (pure)."""
import datetime
from collections.abc import Callable

from archive.search.segment import Segmented, segment

TEXT_FIELDS = ("headline", "text")  # indexed with positions (phrases), in this order
HEADLINE_BOOST = 3.0


def prepare_fields(
    *,
    headline: str,
    kicker: str,
    subheadline: str,
    body: str,
    captions: list[str],
    names: list[str],
    paper: str,
    date: datetime.date | None,
    pages: list[int],
    kind: str,
    needs_review: bool,
    segmenter: Callable[[str], Segmented] = segment,
) -> dict:
    """The index document of one article: text as space-separated tokens, so any engine
    with a whitespace analyzer indexes exactly what jieba produced."""
    head = segmenter(headline)
    rest = segmenter("\n".join([kicker, subheadline, body, *captions, *names]))
    return {
        "headline": " ".join(head.words),
        "text": " ".join(rest.words),
        # Shorter dictionary words inside long ones, for recall (汾酒 inside 汾酒集团);
        # no positions, so they never take part in phrases.
        "subwords": " ".join(head.subwords + rest.subwords),
        "paper": paper,
        "date": date,
        "pages": list(dict.fromkeys(pages)),
        "kind": kind,
        "contributors": list(dict.fromkeys(names)),
        "needs_review": needs_review,
    }
