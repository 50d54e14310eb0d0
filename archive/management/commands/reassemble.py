"""``manage.py reassemble``: re-run reassembly for the named issues and send all pending work."""
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.models import Issue
from archive.services.pending import pending_send, reassembly_owed
from archive.sources import parse_date
from archive.waiting import wait_for


class Command(BaseCommand):
    help = (
        "Re-run reassembly (joining articles across pages) for the issues named by --paper/--date, "
        "or --all, and send whatever reassembly and indexing is still pending (with no option, only "
        "that). Never overwrites links or fields an editor confirmed. A few milliseconds per issue."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paper")
        parser.add_argument("--date", help="YYYY-MM-DD")
        parser.add_argument("--all", action="store_true")
        parser.add_argument("--sync", action="store_true", help="with a broker, wait for the workers to finish")

    def handle(self, *args, paper=None, date=None, all=False, sync=False, **options):
        ids = []
        if paper or date or all:
            issues = Issue.objects.all()
            if paper:
                issues = issues.filter(newspaper__slug=paper)
            if date:
                day = parse_date(date)
                if day is None:
                    raise CommandError(f"--date {date!r} is not YYYY-MM-DD")
                issues = issues.filter(date=day)
            ids = list(issues.order_by("date", "pk").values_list("pk", flat=True))
            with transaction.atomic():
                reassembly_owed(ids)
        sent = pending_send()
        if sent.broker_error:
            self.stderr.write(
                f"broker unreachable ({settings.CELERY_BROKER_URL}: {sent.broker_error}): "
                f"{len(ids)} issues marked for reassembly, left pending"
            )
            sys.exit(3)
        if sync:
            wait_for(sent.results)
        self.stdout.write(f"issues queued for reassembly: {sent.issues} ({len(ids)} named); "
                          f"articles queued for indexing: {sent.articles}")
