"""Reads for the link review screen: one jump beside every fragment that could be its other half.

For a jump-out (下转) the candidates are the jump-in fragments (上接) on the page it names, in
the same issue; for a jump-in whose head was not found, the jump-outs on the page it names. The
one linked now comes first, then the others by the matcher's score. Each comes with its
paragraph at the cut and the evidence in words (the characters across the cut, a repeated
headline, words both halves share), so an editor decides from the text, not from numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from archive import assembly
from archive.assembly.text import tokens
from archive.models import Continuation, Fragment
from archive.review_queue import uncertain_links
from archive.services.reassemble import as_jump_in, as_jump_out
from archive.text.normalise import ends_sentence

CUT_CONTEXT = 12      # characters shown each side of the cut
SHARED_WORDS = 8      # words both halves hold, longest first


@dataclass
class Candidate:
    fragment: Fragment
    paragraph: str          # its paragraph at the cut: the first of a continuation, the last of a head
    score: float | None
    link: Continuation | None
    evidence: list[str] = field(default_factory=list)

    @property
    def chosen(self) -> bool:
        return self.link is not None and self.link.status != Continuation.Status.REJECTED


@dataclass
class JumpReview:
    fragment: Fragment
    paragraph: str          # the fragment's paragraph at the cut
    candidates: list[Candidate]
    link: Continuation | None       # the link in force at this jump, if any

    @property
    def outgoing(self) -> bool:
        """A jump-out (下转) looking for its continuation, or a jump-in (上接) for its head."""
        return is_outgoing(self.fragment)

    @property
    def decided(self) -> bool:
        return self.link is not None and self.link.method == Continuation.Method.EDITOR


def is_outgoing(fragment: Fragment) -> bool:
    return fragment.jump_to_page is not None


def _paragraphs(fragment: Fragment) -> list[str]:
    return [p for p in fragment.text.split("\n\n") if p.strip()]


def _on_page(fragment: Fragment, number):
    return Fragment.objects.filter(page__issue_id=fragment.page.issue_id, page__number=number).exclude(
        pk=fragment.pk
    ).select_related("page").defer("page__raw_text")


def jump_candidates(fragment: Fragment):
    """The fragments an editor may link ``fragment`` to, in the same issue: for a jump-out, the
    jump-ins on the page its line names; for a jump-in, the jump-outs on the page its line names."""
    if is_outgoing(fragment):
        return _on_page(fragment, fragment.jump_to_page).exclude(jump_in_line="")
    return _on_page(fragment, fragment.jump_from_page).exclude(jump_out_line="")


def pair(fragment: Fragment, candidate: Fragment) -> tuple[Fragment, Fragment]:
    """``(head, continuation)`` of a fragment under review and one of its candidates."""
    return (fragment, candidate) if is_outgoing(fragment) else (candidate, fragment)


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


def _scores(fragment: Fragment, candidates: list[Fragment]) -> dict:
    """The matcher's score and evidence of each (head, continuation) pair, the other jumps
    between the two pages taken as the group (the order feature needs them)."""
    if is_outgoing(fragment):
        outs = list(_on_page(fragment, fragment.page.number).filter(jump_to_page=fragment.jump_to_page)) + [fragment]
        ins = candidates
    else:
        outs = candidates
        ins = list(_on_page(fragment, fragment.page.number).filter(jump_from_page=fragment.jump_from_page)) + [fragment]
    return assembly.candidate_scores([as_jump_out(f) for f in outs], [as_jump_in(f) for f in ins])


def jump_review(*, fragment_id: int) -> JumpReview:
    """The review screen's content for the jump (out or in) of fragment ``fragment_id``."""
    fragment = Fragment.objects.select_related("page__issue__newspaper", "article").defer("page__raw_text").get(
        pk=fragment_id
    )
    outgoing = is_outgoing(fragment)
    candidates = list(jump_candidates(fragment))
    if outgoing:
        links = {link.to_fragment_id: link for link in Continuation.objects.filter(from_fragment=fragment)}
    else:
        links = {link.from_fragment_id: link for link in Continuation.objects.filter(to_fragment=fragment)}
    scores = _scores(fragment, candidates)
    rows = []
    for candidate in candidates:
        head, tail = pair(fragment, candidate)
        score, evidence = scores.get((head.pk, tail.pk), (None, {}))
        paragraphs = _paragraphs(candidate) or [""]
        rows.append(Candidate(
            fragment=candidate, paragraph=paragraphs[0] if outgoing else paragraphs[-1], score=score,
            link=links.get(candidate.pk), evidence=describe(head, tail, evidence),
        ))
    rows.sort(key=lambda c: (not c.chosen, -(c.score if c.score is not None else -1e9), c.fragment.order))
    own = _paragraphs(fragment) or [""]
    return JumpReview(fragment=fragment, paragraph=own[-1] if outgoing else own[0], candidates=rows,
                      link=next((c.link for c in rows if c.chosen), None))


def next_jump_to_review(*, after_fragment_id: int | None = None) -> int | None:
    """The next jump-out fragment with an uncertain link, for working through the queue."""
    links = uncertain_links()
    if after_fragment_id:
        links = links.exclude(from_fragment_id=after_fragment_id)
    return links.order_by("confidence", "pk").values_list("from_fragment_id", flat=True).first()
