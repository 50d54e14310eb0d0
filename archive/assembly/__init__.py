"""Pure reassembly of articles across pages: match jump-outs to jump-ins and join their text.

Public API: ``JumpOut``, ``JumpIn``, ``Link``, ``FEATURES``, ``REVIEW_THRESHOLD``,
``match_jumps(outs, ins, features=FEATURES)``, ``candidate_scores(outs, ins)`` and
``join_paragraphs(head, tail)``.
"""
from .match import FEATURES, REVIEW_THRESHOLD, candidate_scores, match_jumps
from .text import join_across, join_paragraphs
from .types import JumpIn, JumpOut, Link

__all__ = [
    "FEATURES", "REVIEW_THRESHOLD", "JumpIn", "JumpOut", "Link", "candidate_scores", "join_across", "join_paragraphs", "match_jumps",
]
