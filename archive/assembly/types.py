"""Plain data the assembly layer takes and returns. No Django here: see STYLE.md."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class JumpOut:
    """An article part that ends with a jump-out line (下转第3版)."""

    key: object                 # opaque id (the service passes the Fragment pk)
    page: int                   # page it is printed on
    target_page: int | None     # page named by its 下转 line
    order: int                  # position among the fragments of its page, reading order
    headline: str | None
    paragraphs: tuple[str, ...]  # body, cleaned, jump line removed


@dataclass(frozen=True)
class JumpIn:
    """A fragment that starts with a jump-in line (上接第1版)."""

    key: object
    page: int
    source_page: int | None     # page named by its 上接 line
    order: int
    headline: str | None        # a repeated headline printed above it, if any
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """A proposed continuation: ``out_key`` continues in ``in_key``."""

    out_key: object
    in_key: object
    score: float                # raw combined score (log-odds that the pair belongs together)
    confidence: float           # calibrated 0..1
    needs_review: bool          # confidence < REVIEW_THRESHOLD
    evidence: dict = field(default_factory=dict)  # per-feature values, JSON-serialisable
