"""One-to-one matching of jump-outs to jump-ins: score pairs, assign optimally, calibrate confidence."""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from . import features as F
from .types import JumpIn, JumpOut, Link

FEATURES = ("continuity", "headline", "tfidf", "names", "order")

# Log-odds weights of the sub-features, fitted (conditional logit over each group's candidates)
# on 200 generated issues of bench.issuegen seed 1001 — not the benchmark's seeds — and rounded.
WEIGHTS = {
    "bias": -5.0,
    "cut_word": 8.2, "cut_ngram": 1.0, "start_mid": 0.23,
    # Fitted 2.8, raised by hand: a repeated headline is near proof, and one that differs
    # must be able to veto a pair (the fit saw too few such pages to learn it).
    "headline": 6.0,
    "tfidf": 19.4,
    "names": 0.8,
    "order": 1.1,
}
# Leaving a jump unlinked scores this: a pair is linked only when its log-odds beat it.
NO_LINK = -8.0
# Confidence = sigmoid(A * margin + B), margin = how much the best total score drops if this link
# is forbidden. On those generated issues wrong links had margins ≤ 0.6 and the
# median correct link 9.3; so few links were wrong that a fitted logistic is degenerate, so
# A and B are set by hand to put 0.5 at margin 3.3 and the review threshold at margin 4.8
# (about 10% of correct links go to review).
CONF_A, CONF_B = 1.5, -5.0
REVIEW_THRESHOLD = 0.9


def _groups(outs: Sequence[JumpOut], ins: Sequence[JumpIn]) -> Iterable[tuple[list, list]]:
    """Outs and ins whose jump lines name each other's pages; None names nothing."""
    by_pair_out, by_pair_in = defaultdict(list), defaultdict(list)
    for out in outs:
        if out.target_page is not None:
            by_pair_out[(out.page, out.target_page)].append(out)
    for jin in ins:
        if jin.source_page is not None:
            by_pair_in[(jin.source_page, jin.page)].append(jin)
    for pair in sorted(set(by_pair_out) & set(by_pair_in)):
        yield (sorted(by_pair_out[pair], key=lambda o: o.order),
               sorted(by_pair_in[pair], key=lambda i: i.order))


def assign(scores: np.ndarray, forbid: tuple[int, int] | None = None) -> tuple[float, list]:
    """Optimal one-to-one assignment of rows to columns maximising the summed score, each row
    free to stay unlinked at ``NO_LINK``; ``forbid`` excludes one pair. Returns (total, pairs)."""
    n_out, n_in = scores.shape
    gain = np.full((n_out, n_in + n_out), -1e9)
    gain[:, :n_in] = scores
    gain[np.arange(n_out), n_in + np.arange(n_out)] = NO_LINK
    if forbid is not None:
        gain[forbid] = -1e9
    rows, cols = linear_sum_assignment(gain, maximize=True)
    total = float(gain[rows, cols].sum())
    return total, [(r, c) for r, c in zip(rows, cols) if c < n_in]


def _score(values: dict) -> float:
    return WEIGHTS["bias"] + sum(WEIGHTS[k] * v for k, v in values.items())


def match_jumps(outs: Sequence[JumpOut], ins: Sequence[JumpIn], features: Sequence[str] = FEATURES) -> list[Link]:
    """Link each jump-out to at most one jump-in on the page it names (and vice versa), maximising
    the summed score; each link carries its evidence and a calibrated confidence."""
    unknown = set(features) - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown features: {sorted(unknown)}")
    groups = list(_groups(outs, ins))
    if not groups:
        return []
    # Tokenising is the expensive part: skipped when only pages and order are asked for.
    ctx = F.Context([o for g in groups for o in g[0]], [i for g in groups for i in g[1]]) if set(features) - {"order"} else None
    links = []
    for g_outs, g_ins in groups:
        evidence = [[{} for _ in g_ins] for _ in g_outs]
        for r, out in enumerate(g_outs):
            for c, jin in enumerate(g_ins):
                for name in features:
                    if name == "order":
                        evidence[r][c].update(F.order(r, len(g_outs), c, len(g_ins)))
                    else:
                        evidence[r][c].update(F.PAIR_FEATURES[name](ctx, out, jin))
        scores = np.array([[_score(e) for e in row] for row in evidence])
        best, pairs = assign(scores)
        for r, c in pairs:
            margin = best - assign(scores, forbid=(r, c))[0]
            confidence = 1.0 / (1.0 + math.exp(-(CONF_A * margin + CONF_B)))
            ev = {k: round(float(v), 4) for k, v in evidence[r][c].items()}
            ev["margin"] = round(margin, 4)
            links.append(Link(
                out_key=g_outs[r].key, in_key=g_ins[c].key, score=float(scores[r, c]),
                confidence=confidence, needs_review=confidence < REVIEW_THRESHOLD, evidence=ev,
            ))
    return links
