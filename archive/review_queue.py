"""Reads for the editors' review queue: everything that needs a human, one entry per thing to
look at, with the screen where it is put right.

Reasons: uncertain links (the matcher was unsure), dangling jumps (a jump line whose other half
was not found), pages with an unknown number or a date that is guessed or unknown, articles
with no headline, and articles whose fragments the segmenter was unsure of. An article an
editor marked reviewed (``needs_review`` locked) leaves the article reasons for good.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from archive.models import Article, Continuation, Fragment, Page

REASONS = {
    "uncertain_link": "跨版链接不确定",
    "dangling": "跨版断头（另一半未找到）",
    "page_number": "版次不明",
    "page_date": "日期不明或为推测",
    "no_headline": "文章无标题",
    "segmentation": "分段存疑",
}
SEGMENTATION = "uncertain segmentation"


@dataclass(frozen=True)
class ReviewEntry:
    reason: str
    kind: str           # "article", "continuation" or "page": what the queue's actions act on
    pk: int
    paper: str
    date: datetime.date | None
    title: str
    detail: str
    url: str            # the admin screen where it is put right

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.pk}"

    @property
    def reason_label(self) -> str:
        return REASONS[self.reason]


def uncertain_links():
    """Links the matcher was unsure of that no editor has decided yet."""
    return Continuation.objects.filter(needs_review=True, status=Continuation.Status.PROPOSED)


def _flagged_articles(reason: str):
    """The articles queued for ``reason``: an article marked reviewed is queued for none."""
    articles = Article.objects.exclude(locked_fields__contains=["needs_review"])
    if reason == "dangling":
        return articles.filter(continuation_status=Article.ContinuationStatus.DANGLING)
    if reason == "no_headline":
        return articles.filter(headline="")
    return articles.filter(needs_review=True, review_reason__contains=SEGMENTATION)


def _flagged_pages(reason: str):
    """The pages that may be queued for ``reason`` (for a date, ``_pages`` looks closer)."""
    if reason == "page_number":
        return Page.objects.filter(number__isnull=True)
    return Page.objects.filter(Q(issue__date__isnull=True) | Q(needs_review=True))


def _articles(reason: str, paper: str, date) -> list[ReviewEntry]:
    articles = _where(_flagged_articles(reason), "issue__", paper, date)
    rows = articles.select_related("issue__newspaper").only(
        "pk", "headline", "body", "review_reason", "pages", "first_page_number", "continuation_status",
        "issue__date", "issue__newspaper__slug", "issue__newspaper__name",
    ).order_by("issue__date", "first_page_number", "number")
    rows = list(rows)
    open_jumps = _open_jumps([article.pk for article in rows]) if reason == "dangling" else {}
    return [
        ReviewEntry(
            reason=reason, kind="article", pk=article.pk, paper=article.issue.newspaper.name,
            date=article.issue.date, title=article.headline or f"（无标题）{article.body[:24]}",
            detail=(article.review_reason if reason == "segmentation"
                    else f"第{'、'.join(map(str, article.pages))}版" if article.pages else article.page_label),
            url=(reverse("admin:archive_continuation_review", args=[open_jumps[article.pk]])
                 if article.pk in open_jumps else reverse("admin:archive_article_change", args=[article.pk])),
        )
        for article in rows
    ]


def _open_jumps(article_ids: list[int]) -> dict[int, int]:
    """Where a dangling article's open jump is put right: its last fragment when that jumps out
    (下转) unlinked, else its first when that opens with a jump-in (上接) whose head is missing."""
    parts: dict[int, list] = {}
    for article_id, pk, jumps_out, jumps_in in Fragment.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "pk", "jump_out_line", "jump_in_line"
    ).order_by("article_id", "position"):
        parts.setdefault(article_id, []).append((pk, jumps_out, jumps_in))
    open_jumps = {}
    for article_id, chain in parts.items():
        if chain[-1][1]:
            open_jumps[article_id] = chain[-1][0]
        elif chain[0][2]:
            open_jumps[article_id] = chain[0][0]
    return open_jumps


def _links(paper: str, date) -> list[ReviewEntry]:
    links = _where(uncertain_links(), "from_fragment__page__issue__", paper, date)
    rows = links.select_related("from_fragment__page__issue__newspaper", "to_fragment__page").defer(
        "from_fragment__page__raw_text", "to_fragment__page__raw_text", "from_fragment__text", "to_fragment__text",
    ).order_by("confidence")
    return [
        ReviewEntry(
            reason="uncertain_link", kind="continuation", pk=link.pk,
            paper=link.from_fragment.page.issue.newspaper.name, date=link.from_fragment.page.issue.date,
            title=link.from_fragment.headline or "（无标题）",
            detail=(f"第{link.from_fragment.page.number}版 → 第{link.to_fragment.page.number}版，"
                    f"置信度 {link.confidence:.2f}"),
            url=reverse("admin:archive_continuation_review", args=[link.from_fragment_id]),
        )
        for link in rows
    ]


def _pages(reason: str, paper: str, date) -> list[ReviewEntry]:
    pages = _where(_flagged_pages(reason), "issue__", paper, date)
    entries = []
    for page in pages.select_related("issue__newspaper").defer("raw_text").order_by("issue__date", "number"):
        if reason == "page_date":
            dated = [r for r in page.review_reasons if r.startswith("date")]
            if page.issue.date is not None and not dated:
                continue
            detail = "；".join(dated) or "日期不明"
        else:
            detail = "；".join(r for r in page.review_reasons if r.startswith("page number")) or "版次不明"
        entries.append(ReviewEntry(
            reason=reason, kind="page", pk=page.pk, paper=page.issue.newspaper.name, date=page.issue.date,
            title=f"{page.source_name}", detail=detail,
            url=reverse("admin:archive_page_change", args=[page.pk]),
        ))
    return entries


def _where(queryset, prefix: str, paper: str, date):
    if paper:
        queryset = queryset.filter(**{f"{prefix}newspaper__slug": paper})
    if date:
        queryset = queryset.filter(**{f"{prefix}date": date})
    return queryset


def review_entries(*, reason: str = "", paper: str = "", date: datetime.date | None = None) -> list[ReviewEntry]:
    """The queue, by reason in the order of REASONS, filtered by reason, paper slug and date."""
    entries = []
    for key in REASONS:
        if reason and key != reason:
            continue
        if key == "uncertain_link":
            entries += _links(paper, date)
        elif key.startswith("page_"):
            entries += _pages(key, paper, date)
        else:
            entries += _articles(key, paper, date)
    return entries


def review_counts() -> list[tuple[str, str, int]]:
    """(reason, label, how many) for the admin index."""
    counts = {
        "uncertain_link": uncertain_links().count(),
        "dangling": _flagged_articles("dangling").count(),
        "page_number": _flagged_pages("page_number").count(),
        "page_date": len(_pages("page_date", "", None)),
        "no_headline": _flagged_articles("no_headline").count(),
        "segmentation": _flagged_articles("segmentation").count(),
    }
    return [(key, label, counts[key]) for key, label in REASONS.items()]
