"""``manage.py rebuild_stale_index``: build the search index again only if it cannot serve."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from xapian_backend import InvalidIndexError

from archive.models import Article
from archive.search.backend import StaleIndexError, archive_backend
from archive.services.pending import indexing_due


class Command(BaseCommand):
    help = (
        "Rebuild the search index if an older version wrote it in another document layout (search "
        "refuses such an index until it is rebuilt), if it is missing while the archive holds "
        "articles, or if it holds fewer articles than the archive less those queued for indexing "
        "(an index begun afresh beside a kept database); otherwise leave it as it is. "
        "scripts/run.sh runs it before serving."
    )

    def handle(self, *args, **options):
        backend = archive_backend()
        if backend is None:
            self.stdout.write("search index: not the archive's engine (HAYSTACK_CONNECTIONS); nothing to check")
            return
        try:
            why = _incomplete(backend.open().get_doccount())
        except StaleIndexError as exc:
            why = str(exc)
        except InvalidIndexError:   # not built yet: only worth building if there is something to find
            why = "search index missing while the archive holds articles" if Article.objects.exists() else ""
        if not why:
            self.stdout.write("search index: nothing to rebuild")
            return
        self.stdout.write(f"{why}: rebuilding")
        call_command("rebuild_index", interactive=False, verbosity=0)
        self.stdout.write("search index rebuilt")


def _incomplete(indexed: int) -> str:
    """Why an index of ``indexed`` documents cannot serve the archive, or "" if it can: each
    article is one document, and only those queued for indexing may be missing."""
    articles = Article.objects.count()
    if indexed >= articles - indexing_due():
        return ""
    return f"search index holds {indexed} of the archive's {articles} articles"
