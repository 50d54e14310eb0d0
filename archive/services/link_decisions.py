"""An editor's link decisions outlive a page's fragments being parsed again.

Re-parsing a page (an editor's 重新解析, or ingest meeting a page an older parser read) replaces
its fragments with new rows; the links an editor made or confirmed between the old ones are
moved to the new fragment that covers most of the old one's span.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from archive.models import Continuation, Fragment, Page


@dataclass
class Decisions:
    spans: dict[int, tuple[int, int]]      # the page's fragments before: pk → (start, end)
    links: list[dict]                       # the editor's links touching them


def _spans(page: Page) -> dict[int, tuple[int, int]]:
    return {f.pk: (f.start, f.end) for f in Fragment.objects.filter(page=page).only("pk", "start", "end")}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def editor_decisions(page: Page) -> Decisions:
    """The editor's links touching the page's fragments, read before they are replaced."""
    spans = _spans(page)
    links = list(
        Continuation.objects.filter(method=Continuation.Method.EDITOR)
        .filter(Q(from_fragment_id__in=spans) | Q(to_fragment_id__in=spans))
        .values("from_fragment_id", "to_fragment_id", "status", "confidence")
    )
    return Decisions(spans, links)


def carry_over(page: Page, decisions: Decisions) -> int:
    """Make the decisions again between the page's new fragments; returns how many were kept
    (a decision whose fragment no longer covers any of its old text is dropped)."""
    new = _spans(page)

    def remap(fragment_id):
        if fragment_id not in decisions.spans:
            return fragment_id  # on another page: unchanged
        old = decisions.spans[fragment_id]
        best = max(new, key=lambda pk: _overlap(old, new[pk]), default=None)
        return best if best is not None and _overlap(old, new[best]) else None

    kept = 0
    for link in decisions.links:
        source, target = remap(link["from_fragment_id"]), remap(link["to_fragment_id"])
        if source and target and source != target:
            Continuation.objects.update_or_create(
                from_fragment_id=source, to_fragment_id=target,
                defaults={"status": link["status"], "confidence": link["confidence"],
                          "method": Continuation.Method.EDITOR, "needs_review": False},
            )
            kept += 1
    return kept
