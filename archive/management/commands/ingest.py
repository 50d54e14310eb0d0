"""``manage.py ingest PATH …``: ingest page files, then send the reassembly and indexing owed."""
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.services.database import DATABASE_LOST, with_database
from archive.services.ingest import ingest_paths
from archive.services.pending import pending_send
from archive.waiting import wait_for

# Below this many files a progress bar is noise.
PROGRESS_FROM = 50
# Exit statuses besides 0 (done) and 1 (some file rejected).
STOPPED = 2       # the database stayed unreachable: files were left untried
NOT_WAITED = 3    # --sync, but the broker could not be reached: the work is stored, pending


class Command(BaseCommand):
    help = (
        "Ingest page text files and folders (recursively; layout <paper>/<YYYY-MM-DD>/<NN>.txt, "
        "manifest.csv, or loose .txt). Re-ingesting the same bytes changes nothing. Then sends the "
        "reassembly and indexing still owed (of this batch and of earlier ones). Prints each rejected "
        "file with its reason and a summary; exits 1 if any file was rejected, 2 if the database "
        "stayed unreachable. With a broker that does not answer, pages are stored and their work "
        "left pending (one line says so). About 38 pages a second on two cores, reassembly and "
        "indexing included (bench/ingest.py)."
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

        report = ingest_paths(paths, paper=paper, paper_name=paper_name, progress=progress,
                              notify=self.stderr.write)
        for note in report.notes:
            self.stdout.write(note)
        for result in report.rejected:
            self.stderr.write(f"rejected {result.path}: {result.reason}")
        status = 1 if report.rejected else 0
        if report.stopped:
            self.stderr.write(f"ingest stopped: {report.stopped}")
            self.stdout.write(report.summary())
            sys.exit(STOPPED)
        try:
            # With no broker the work runs here, in this process: a lost connection is waited
            # out as while storing pages.
            sent = with_database(pending_send, notify=self.stderr.write)
        except DATABASE_LOST as exc:
            self.stderr.write(
                f"ingest stopped: the database stayed unreachable ({type(exc).__name__}: {str(exc).strip()}); "
                "pages are stored, their reassembly and indexing stay pending: run the same ingest again"
            )
            self.stdout.write(report.summary())
            sys.exit(STOPPED)
        if sent.broker_error:
            self.stderr.write(
                f"broker unreachable ({settings.CELERY_BROKER_URL}: {sent.broker_error}): pages are stored; "
                "their reassembly and indexing stay pending until a worker's beat, or the next ingest "
                "or reassemble, sends them (manage.py status shows what is pending)"
            )
            if sync:
                status = status or NOT_WAITED
        elif sync:
            wait_for(sent.results)
        self.stdout.write(report.summary())
        if status:
            sys.exit(status)
