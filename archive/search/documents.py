"""What one article contributes to the index: segmented words, folded lines and filter values (pure)."""
import datetime
from collections.abc import Callable

from archive.search.exact import folded_lines
from archive.search.segment import Segmented, segment

TEXT_FIELDS = ("headline", "text")  # word fields, in this order
HEADLINE_BOOST = 3.0


def prepare_fields(
    *,
    headline: str,
    kicker: str,
    subheadline: str,
    byline: str,
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
    """The index document of one article: words as space-separated tokens, so any engine
    with a whitespace analyzer indexes exactly what jieba produced, and the folded lines
    quoted strings are matched in (``archive.search.exact``)."""
    rest = [kicker, subheadline, byline, body, *captions, *names]
    return {
        "headline": " ".join(segmenter(headline).words),
        "text": " ".join(segmenter("\n".join(rest)).words),
        "exact_headline": "\n".join(folded_lines(headline)),
        "exact_text": "\n".join(folded_lines(*rest)),
        "paper": paper,
        "date": date,
        "pages": list(dict.fromkeys(pages)),
        "kind": kind,
        "contributors": list(dict.fromkeys(names)),
        "needs_review": needs_review,
    }
