"""``manage.py rebuild_stale_index``: build the search index again only if it cannot serve."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from xapian_backend import InvalidIndexError

from archive.models import Article
from archive.search.backend import StaleIndexError, archive_backend


class Command(BaseCommand):
    help = (
        "Rebuild the search index if an older version wrote it in another document layout (search "
        "refuses such an index until it is rebuilt), or if it is missing while the archive holds "
        "articles; otherwise leave it as it is. scripts/run.sh runs it before serving."
    )

    def handle(self, *args, **options):
        backend = archive_backend()
        if backend is None:
            self.stdout.write("search index: not the archive's engine (HAYSTACK_CONNECTIONS); nothing to check")
            return
        try:
            backend.open()
            why = ""
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
