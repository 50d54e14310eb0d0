"""``manage.py ingest PATH …``: ingest page files, then queue reassembly and indexing."""
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.services.ingest import ingest_paths
from archive.tasks import queue_reassembly
from archive.waiting import wait_for

# Below this many files a progress bar is noise.
PROGRESS_FROM = 50


class Command(BaseCommand):
    help = (
        "Ingest page text files and folders (recursively; layout <paper>/<YYYY-MM-DD>/<NN>.txt, "
        "manifest.csv, or loose .txt). Re-ingesting the same bytes changes nothing. Prints each "
        "rejected file with its reason and a summary; exits 1 if any file was rejected. "
        "About 38 pages a second on two cores, reassembly and indexing included (bench/ingest.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--paper", help="newspaper slug for loose files (default: the only one, or taiyuan-daily)")
        parser.add_argument(
            "--paper-name",
            default="",
            help="the display name of the --paper paper (e.g. 人民日报), as <paper-slug>/paper.json gives it in the "
                 "layout; a name an editor gave in the admin is kept",
        )
        parser.add_argument("--sync", action="store_true", help="with a broker, wait for the workers to finish")

    def handle(self, *args, paths, paper=None, paper_name="", sync=False, **options):
        if paper_name.strip() and not paper:
            raise CommandError("--paper-name names the paper given by --paper: give both")

        def progress(files):
            if len(files) < PROGRESS_FROM:
                return files
            return tqdm(files, desc="ingest", unit="page", file=sys.stderr, disable=options["verbosity"] == 0)

        report = ingest_paths(paths, paper=paper, paper_name=paper_name, progress=progress)
        for note in report.notes:
            self.stdout.write(note)
        for result in report.rejected:
            self.stderr.write(f"rejected {result.path}: {result.reason}")
        pending = queue_reassembly(report.issues_touched)
        if sync:
            wait_for(pending)
        self.stdout.write(report.summary())
        if report.rejected:
            sys.exit(1)
