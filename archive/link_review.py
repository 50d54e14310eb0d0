"""Reads for the link review screen: one jump (下转) beside every fragment that could continue it.

The candidates are the jump-in fragments (上接) on the page the jump names, in the same issue:
the one linked now first, then the others by the matcher's score. Each comes with its first
paragraph and the evidence in words (the characters across the cut, a repeated headline,
words both halves share), so an editor decides from the text, not from numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from archive import assembly
from archive.assembly.text import tokens
from archive.models import Continuation, Fragment
from archive.services.reassemble import as_jump_in, as_jump_out
from archive.text.normalise import ends_sentence

CUT_CONTEXT = 12      # characters shown each side of the cut
SHARED_WORDS = 8      # words both halves hold, longest first


@dataclass
class Candidate:
    fragment: Fragment
    first_paragraph: str
    score: float | None
    link: Continuation | None
    evidence: list[str] = field(default_factory=list)

    @property
    def chosen(self) -> bool:
        return self.link is not None and self.link.status != Continuation.Status.REJECTED


@dataclass
class JumpReview:
    fragment: Fragment
    last_paragraph: str
    candidates: list[Candidate]
    link: Continuation | None       # the link in force from this jump, if any

    @property
    def decided(self) -> bool:
        return self.link is not None and self.link.method == Continuation.Method.EDITOR


def _paragraphs(fragment: Fragment) -> list[str]:
    return [p for p in fragment.text.split("\n\n") if p.strip()]


def jump_candidates(fragment: Fragment):
    """The jump-in fragments an editor may link ``fragment`` to: on the page its jump line
    names, in the same issue."""
    return Fragment.objects.filter(
        page__issue_id=fragment.page.issue_id, page__number=fragment.jump_to_page,
    ).exclude(jump_in_line="").exclude(pk=fragment.pk).select_related("page").defer("page__raw_text")


def describe(head: Fragment, tail: Fragment, evidence: dict) -> list[str]:
    """The evidence for reading ``tail`` after ``head``, in words."""
    before = (_paragraphs(head) or [""])[-1].rstrip()
    after = (_paragraphs(tail) or [""])[0].lstrip()
    words = []
    cut = f"断开处：“…{before[-CUT_CONTEXT:]}｜{after[:CUT_CONTEXT]}…”"
    if ends_sentence(before):
        words.append(cut + "——前半在句末断开，接什么都通。")
    elif evidence.get("cut_word", 0) > 0.2:
        words.append(cut + "——句子未完，跨断处能连成词。")
    else:
        words.append(cut + "——句子未完，跨断处连不成词。")
    if evidence.get("headline", 0) >= 0.99:
        words.append("续文上方重复了本文标题。")
    elif evidence.get("headline", 0) < 0:
        words.append(f"续文上方的标题（{tail.headline}）与本文标题不同。")
    shared = sorted({t for t in tokens(head.text + head.headline) if len(t) >= 2} & set(tokens(tail.text)),
                    key=lambda t: (-len(t), t))[:SHARED_WORDS]
    words.append(f"两半共有的词：{'、'.join(shared)}。" if shared else "两半没有共有的词。")
    if "tfidf" in evidence:
        words.append(f"用词相近度 {evidence['tfidf']:.0%}。")
    if evidence.get("order") == 1.0:
        words.append("与版面上的先后顺序一致。")
    elif evidence.get("order", 0) < 0:
        words.append("与版面上的先后顺序不一致。")
    return words


def jump_review(*, fragment_id: int) -> JumpReview:
    """The review screen's content for the jump-out fragment ``fragment_id``."""
    fragment = Fragment.objects.select_related("page__issue__newspaper", "article").defer("page__raw_text").get(
        pk=fragment_id
    )
    candidates = list(jump_candidates(fragment))
    links = {link.to_fragment_id: link for link in Continuation.objects.filter(from_fragment=fragment)}
    outs = list(
        Fragment.objects.filter(page__issue_id=fragment.page.issue_id, jump_to_page=fragment.jump_to_page)
        .exclude(jump_out_line="").select_related("page").defer("page__raw_text")
    )
    scores = assembly.candidate_scores([as_jump_out(f) for f in outs], [as_jump_in(f) for f in candidates])
    rows = []
    for candidate in candidates:
        score, evidence = scores.get((fragment.pk, candidate.pk), (None, {}))
        rows.append(Candidate(
            fragment=candidate, first_paragraph=(_paragraphs(candidate) or [""])[0], score=score,
            link=links.get(candidate.pk), evidence=describe(fragment, candidate, evidence),
        ))
    rows.sort(key=lambda c: (not c.chosen, -(c.score if c.score is not None else -1e9), c.fragment.order))
    in_force = next((c.link for c in rows if c.chosen), None)
    return JumpReview(fragment=fragment, last_paragraph=(_paragraphs(fragment) or [""])[-1], candidates=rows,
                      link=in_force)


def next_jump_to_review(*, after_fragment_id: int | None = None) -> int | None:
    """The next jump-out fragment with an uncertain link, for working through the queue."""
    links = Continuation.objects.filter(needs_review=True, status=Continuation.Status.PROPOSED)
    if after_fragment_id:
        links = links.exclude(from_fragment_id=after_fragment_id)
    return links.order_by("confidence", "pk").values_list("from_fragment_id", flat=True).first()
