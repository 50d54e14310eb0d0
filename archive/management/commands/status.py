"""``manage.py status``: pages held, work pending, last errors, whether workers answer."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from archive.status import work_status


class Command(BaseCommand):
    help = (
        "Show what the archive holds, the issues still owed a reassembly and the articles owed an "
        "index update, what the search index holds (or why it cannot be read), the last errors of background work, and whether Celery workers answer. "
        "Takes a second or two (the workers get two seconds to answer)."
    )

    def handle(self, *args, **options):
        status = work_status()
        write = self.stdout.write
        write(f"pages: {status.pages} in {status.issues} issues; articles: {status.articles}")
        write(f"issues pending reassembly: {status.reassembly_due}{_since(status.reassembly_due_since)}")
        write(f"articles pending indexing: {status.index_due}{_since(status.index_due_since)}")
        write(f"search index: {status.search_index}")
        if not status.broker:
            write("workers: no broker configured: tasks run in-process")
        elif status.broker_error:
            write(f"workers: broker {status.broker} unreachable ({status.broker_error})")
        elif status.workers:
            write(f"workers: {len(status.workers)} answered ({', '.join(status.workers)})")
        else:
            write(f"workers: none answered on {status.broker}: pending work waits for one")
        if not status.errors:
            write("last errors: none")
            return
        write("last errors:")
        for error in status.errors:
            when = timezone.localtime(error.at).strftime("%Y-%m-%d %H:%M:%S")
            write(f"  {when} {error.work} {error.subject}: {error.message[:300]}")


def _since(moment) -> str:
    if moment is None:
        return ""
    minutes = int((timezone.now() - moment).total_seconds() // 60)
    return f" (the oldest for {minutes} min)"
