"""``manage.py rebuild_stale_index``: rebuild the search index only if it is in another layout."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from xapian_backend import InvalidIndexError

from archive.search.backend import StaleIndexError, archive_backend


class Command(BaseCommand):
    help = (
        "Rebuild the search index if an older version wrote it in another document layout (search "
        "refuses such an index until it is rebuilt); otherwise leave it as it is. scripts/run.sh "
        "runs it before serving."
    )

    def handle(self, *args, **options):
        backend = archive_backend()
        if backend is None:
            self.stdout.write("search index: not the archive's engine (HAYSTACK_CONNECTIONS); nothing to check")
            return
        try:
            backend.open()
        except StaleIndexError as exc:
            self.stdout.write(f"{exc}: rebuilding")
            call_command("rebuild_index", interactive=False, verbosity=0)
            self.stdout.write("search index rebuilt")
            return
        except InvalidIndexError:   # not built yet: indexing builds it, nothing is stale
            pass
        self.stdout.write("search index: current layout")
