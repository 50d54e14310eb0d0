"""parse_page: one page's raw text → lossless blocks and the article fragments printed on it.

Three steps, each its own module: ``features`` reads every non-blank line with the exact
grammars (jump lines, bylines, captions, credits) and describes it by shape, neighbours and
content; ``segmenter`` (a CRF) labels all lines of the page at once; ``reader`` follows the
labels to blocks and fragments.
"""
from __future__ import annotations

import hashlib

from .. import guesses
from ..decoding import MAX_LINES
from ..lines import split_lines
from ..normalise import match_view
from ..types import NOISE, Block, ParsedPage
from .features import features, page_lines
from .reader import Reader
from . import fluency
from .segmenter import MODEL, segmenter


LINES_PER_PASS = 2000


def parse_page(raw: str) -> ParsedPage:
    """Parse one page's raw text. Never raises on a str; see the package docstring."""
    view = match_view(raw)
    spans = split_lines(view)
    if len(spans) > MAX_LINES:
        # Not one page (ingest refuses such a file): kept whole, unsplit, in bounded time; read
        # line by line it would take minutes (bench/hostile.py).
        return ParsedPage(raw=raw, blocks=[Block(NOISE, 0, len(raw))], fragments=[], date=None, page_number=None,
                          flags=[f"{len(spans):,} lines: too many for one page; not split into articles"], line_labels=[])
    lines = page_lines(view, spans)
    # A real page has a few hundred lines; a pathological file (a megabyte of one-word lines)
    # is labelled a slice at a time, so memory stays flat however long it is.
    labels = []
    for start in range(0, len(lines), LINES_PER_PASS):
        labels += segmenter().label(features(lines[start:start + LINES_PER_PASS]))
    reader = Reader(raw, lines, labels)
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
        date=guesses.guess_date(fragments, view),
        page_number=guesses.guess_page_number(fragments, view),
        flags=flags,
        line_labels=[(line.start, line.end, label, p) for line, (label, p) in zip(lines, labels)],
    )


def models_digest() -> str:
    """The first 8 hex digits of the sha256 of the trained files the parser reads (the segmenter
    and its prose model): part of ``PARSER_VERSION``."""
    digest = hashlib.sha256()
    for path in (MODEL, fluency.MODEL):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


__all__ = ["models_digest", "parse_page"]

