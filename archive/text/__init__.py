"""The pure text layer: one OCR'd page → lossless blocks and the article fragments on it.

No Django here (STYLE.md, "Where logic lives"); strings in, dataclasses out (types.py).

Entry points used by the rest of the project:

- ``parse_page(raw) -> ParsedPage`` — never raises on a str. ``blocks`` partition ``raw``
  exactly (joined back they give ``raw``); ``fragments`` are the article parts in reading
  order; ``date`` and ``page_number`` are guesses for loose pages; ``flags`` are review reasons.
- ``PARSER_VERSION`` — stored on each Page; ingest reads again a page an older parser read.
  It is ``RULES_VERSION`` (bump it when code changes the output of parse_page: the golden
  files refuse new output under an old version) and a digest of the trained model files, so
  every retrained model is a new version by itself.
- ``jumps.find_jumps(text)``, ``jumps.jump_at_start``, ``jumps.jump_at_end``,
  ``jumps.page_number`` — the jump-line grammar (下转第3版 / 上接01版 …).
- ``names.normalise_name(name)`` (``"梁 琛"`` → ``"梁琛"``) and ``names.split_names(text)``.
- ``bylines.match_byline``, ``bylines.match_signoff``, ``bylines.match_author_line``,
  ``captions.match_caption`` — the
  byline, sign-off and caption grammars, on the match view of a line
  (``normalise.match_view``).

Modules: normalise (folds, ``ends_sentence``), lines (each line's grammars), headlines and
credits (lexicons of display type and credit lines), page (features → CRF segmenter →
reader), guesses (date, page number).
"""
from .page import models_digest, parse_page

RULES_VERSION = "7"
PARSER_VERSION = f"{RULES_VERSION}.{models_digest()}"

__all__ = ["PARSER_VERSION", "parse_page"]
