"""``manage.py build_userdict``: add contributor and byline names to the search word list."""
from pathlib import Path

from django.core.management.base import BaseCommand

from archive.search.userdict import USERDICT_PATH, grow_userdict


class Command(BaseCommand):
    help = (
        f"Append to {USERDICT_PATH.name} the contributor names and byline names it does not list "
        "yet, so jieba keeps them whole. Seconds for a whole archive. Run rebuild_index afterwards "
        "so that articles already indexed are segmented with the new words."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=USERDICT_PATH, help="the word list to grow")

    def handle(self, *args, file, **options):
        new = grow_userdict(file)
        for word in new:
            self.stdout.write(word)
        self.stdout.write(f"{len(new)} new words in {file}")
