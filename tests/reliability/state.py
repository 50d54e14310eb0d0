"""The archive's content, independent of row ids, to compare a run that met a fault with one
that did not: ``python manage.py shell -c "from tests.reliability.state import main; main()"``
prints it as JSON for a database a subprocess can reach."""
import json

from archive.models import Article, Continuation, Fragment, Issue, Page, PendingIndex


def archive_state() -> dict:
    return {
        "pages": sorted([str(d), n, sha] for d, n, sha in Page.objects.values_list("issue__date", "number", "sha256")),
        "fragments": sorted(
            [str(d), n, order, text]
            for d, n, order, text in Fragment.objects.values_list("page__issue__date", "page__number", "order", "text")
        ),
        "articles": sorted(
            [str(d), first, number, headline, body, pages, status]
            for d, first, number, headline, body, pages, status in Article.objects.values_list(
                "issue__date", "first_page_number", "number", "headline", "body", "pages", "continuation_status"
            )
        ),
        "links": sorted(
            [str(d), a, b, c, e]
            for d, a, b, c, e in Continuation.objects.values_list(
                "from_fragment__page__issue__date", "from_fragment__page__number", "from_fragment__order",
                "to_fragment__page__number", "to_fragment__order",
            )
        ),
        "article_history": Article.history.count(),
    }


def pending_state() -> dict:
    return {
        "issues_due": Issue.objects.filter(reassembly_due__isnull=False).count(),
        "fragments_without_article": Fragment.objects.filter(article__isnull=True).count(),
        "index_pending": PendingIndex.objects.count(),
    }


def main() -> None:
    print(json.dumps({"state": archive_state(), "pending": pending_state()}, ensure_ascii=False))
