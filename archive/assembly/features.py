"""Evidence that a jump-out and a jump-in are two halves of one article, one function per feature."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from archive.text.words import WINDOW, join_gain

from .text import ends_sentence, normalise, tokens
from .types import JumpIn, JumpOut

RARE_DF = 2           # a shared token is a "name or rare word" when only the two halves hold it


@dataclass
class Doc:
    """What the features need of one fragment, computed once per call."""

    first: str                    # first paragraph (jump-ins) / last paragraph (jump-outs)
    tf: Counter                   # token counts
    vector: dict                  # sublinear tf-idf weights, unit length


class Context:
    """Statistics of all fragments given to one ``match_jumps`` call: document frequencies of
    tokens, and the texts themselves for character n-grams and sentence openings."""

    def __init__(self, outs: list[JumpOut], ins: list[JumpIn]):
        texts = {}
        for out in outs:
            texts[("out", out.key)] = (
                (out.paragraphs[-1] if out.paragraphs else ""),
                "\n".join(((out.headline or ""),) + tuple(out.paragraphs)),
            )
        for jin in ins:
            # A repeated headline above a jump-in is the headline feature's evidence; keeping
            # it out of the body keeps the features independent.
            texts[("in", jin.key)] = ((jin.paragraphs[0] if jin.paragraphs else ""), "\n".join(jin.paragraphs))
        counts = {k: Counter(tokens(body)) for k, (_, body) in texts.items()}
        self.df = Counter(t for tf in counts.values() for t in tf)
        n = max(len(counts), 1)
        self.idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in self.df.items()}
        self.docs = {}
        for k, (edge, _) in texts.items():
            vec = {t: (1 + math.log(c)) * self.idf[t] for t, c in counts[k].items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self.docs[k] = Doc(edge, counts[k], {t: v / norm for t, v in vec.items()})
        # All the texts in one string, a line break between paragraphs: n-grams and characters
        # are looked up in it (no paragraph holds a line break, so no match spans two).
        self.text = "\n".join(body for _, body in texts.values())
        # Paragraph openings, except a jump-in's first: the very thing being judged.
        self.openings = Counter(
            para[0]
            for (side, _), (_, body) in texts.items()
            for n, para in enumerate(body.split("\n"))
            if para and not (side == "in" and n == 0)
        )
        self._start_likeness: dict[str, float] = {}

    def doc(self, side: str, key: object) -> Doc:
        return self.docs[(side, key)]

    def seen(self, gram: str) -> bool:
        """Whether some paragraph of this call holds ``gram``."""
        return "\n" not in gram and gram in self.text

    def start_likeness(self, char: str) -> float:
        """Log-odds that ``char`` opens a sentence (a paragraph's first character, or one after
        。！？), from the texts of this call."""
        if char not in self._start_likeness:
            after_stop = sum(1 for _ in re.finditer(f"(?<=[。！？]){re.escape(char)}", self.text))
            s, t = self.openings[char] + after_stop, self.text.count(char)
            self._start_likeness[char] = math.log((s + 0.5) / (t - s + 0.5))
        return self._start_likeness[char]


def continuity(ctx: Context, out: JumpOut, jin: JumpIn) -> dict:
    """Does the tail complete what the head left unfinished?"""
    head = ctx.doc("out", out.key).first.rstrip()
    tail = ctx.doc("in", jin.key).first.lstrip()
    if not head or not tail:
        return {"cut_word": 0.0, "cut_ngram": 0.0, "start_mid": 0.0}
    if ends_sentence(head):
        # After a finished sentence any tail may follow: no evidence either way (a fitted
        # weight for "the tail looks like a sentence start" came out as zero).
        return {"cut_word": 0.0, "cut_ngram": 0.0, "start_mid": 0.0}
    h, t = head[-WINDOW:], tail[:WINDOW]
    # Gain in jieba's best-segmentation log-probability when the two sides are read as one
    # string: large when a dictionary word spans the cut (坚|决贯彻), zero when none does.
    # Capped: one chance word across a cut (gain 8.7 in a benchmark issue) must not outvote
    # every other feature and make a confident wrong link.
    gain = join_gain(h, t)
    # The cut's bigram and trigrams seen elsewhere in the issue: names and terms repeat.
    seen = sum(1 for g in (h[-1] + t[0], h[-2:] + t[0], h[-1] + t[:2]) if len(g) > 1 and ctx.seen(g))
    # A tail opening like a sentence start after an unfinished head: weak evidence, fitted.
    start = ctx.start_likeness(t[0])
    return {"cut_word": min(gain, 6.0) / 5.0, "cut_ngram": float(seen), "start_mid": start}


def headline(ctx: Context, out: JumpOut, jin: JumpIn) -> dict:
    """Similarity of a repeated headline above the jump-in to the head's headline (0 when absent)."""
    a, b = normalise(out.headline), normalise(jin.headline)
    if not a or not b:
        return {"headline": 0.0}
    if a == b or a in b or b in a:
        return {"headline": 1.0}
    ga = Counter(a[i:i + 2] for i in range(len(a) - 1))
    gb = Counter(b[i:i + 2] for i in range(len(b) - 1))
    dice = 2 * sum((ga & gb).values()) / max(sum(ga.values()) + sum(gb.values()), 1)
    return {"headline": 2 * dice - 1}


def tfidf(ctx: Context, out: JumpOut, jin: JumpIn) -> dict:
    """Cosine of the tf-idf vectors over jieba tokens of head (with its headline) and tail."""
    a, b = ctx.doc("out", out.key).vector, ctx.doc("in", jin.key).vector
    if len(a) > len(b):
        a, b = b, a
    return {"tfidf": sum(v * b.get(t, 0.0) for t, v in a.items())}


def names(ctx: Context, out: JumpOut, jin: JumpIn) -> dict:
    """Tokens of 2–4 characters that both halves hold and no other fragment does."""
    a, b = ctx.doc("out", out.key).tf, ctx.doc("in", jin.key).tf
    shared = [t for t in a if t in b and 2 <= len(t) <= 4 and ctx.df[t] <= RARE_DF]
    return {"names": math.log1p(len(shared))}


def order(rank_out: int, n_out: int, rank_in: int, n_in: int) -> dict:
    """Agreement of the head's rank among the jump-outs to a page with the tail's rank among
    the jump-ins there: papers tend to keep the front page's order."""
    if max(n_out, n_in) < 2:
        return {"order": 0.0}
    return {"order": 1.0 if rank_out == rank_in else -abs(rank_out - rank_in) / (max(n_out, n_in) - 1)}


PAIR_FEATURES = {"continuity": continuity, "headline": headline, "tfidf": tfidf, "names": names}
