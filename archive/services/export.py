"""The export record of DESIGN.md ("Export record — contract") and JSON Lines export."""
from __future__ import annotations

from django.db.models import Prefetch

from archive.models import Article, Credit, Fragment


def articles_for_export(*, paper=None, date=None, since=None):
    """Articles in export order (date, first page, position), with what a record needs."""
    queryset = (
        Article.objects.select_related("issue__newspaper")
        .prefetch_related(
            Prefetch("credits", queryset=Credit.objects.select_related("contributor").order_by("order", "pk")),
            Prefetch(
                "fragments",
                # A record needs each fragment's page number, not the page's raw text.
                queryset=Fragment.objects.select_related("page")
                .defer("page__raw_text", "page__guesses")
                .order_by("position"),
            ),
        )
        .order_by("issue__date", "first_page_number", "number", "pk")
    )
    if paper:
        queryset = queryset.filter(issue__newspaper__slug=paper)
    if date:
        queryset = queryset.filter(issue__date=date)
    if since:
        queryset = queryset.filter(issue__date__gte=since)
    return queryset


def article_record(article: Article) -> dict:
    """One article as the export contract's JSON object."""
    credits = sorted(article.credits.all(), key=lambda credit: (credit.order, credit.pk))
    date = article.issue.date
    return {
        "id": article.pk,
        "url": article.get_absolute_url() or None,
        "paper": article.issue.newspaper.slug,
        "date": date.isoformat() if date else None,
        "pages": list(article.pages),
        "kind": article.kind,
        "kicker": article.kicker or None,
        "headline": article.headline or None,
        "subheadline": article.subheadline or None,
        "byline": article.byline or None,
        "reporters": [c.contributor.name for c in credits if c.role == Credit.Role.REPORTER],
        "photographers": [c.contributor.name for c in credits if c.role == Credit.Role.PHOTOGRAPHER],
        # Every credit with its role, in printed order (Credit.order).
        "contributors": [{"name": c.contributor.name, "role": c.role} for c in credits],
        "captions": [
            {"text": caption.get("text", ""), "photographers": list(caption.get("photographers", []))}
            for caption in article.captions
        ],
        "text": article.body,
        "section_heads": list(article.section_heads),
        "continuation": {"status": article.continuation_status, "confidence": article.confidence},
        "source": [
            {"page": fragment.page.number, "start": fragment.start, "end": fragment.end}
            for fragment in article.fragments.all()
        ],
        "needs_review": article.needs_review,
    }
