"""Ingest throughput: generated issues through the pipeline ``manage.py ingest`` runs.

    .venv/bin/python bench/ingest.py [--issues 40 80]

Tasks run in-process (no broker), so the figures are the whole pipeline the design budgets on
this machine, timed by phase with the functions the command calls: ingest (decode, parse,
write), the first reassembly of each issue (the Celery task), and indexing (the task it
queues). Runs the given issue counts one after another into the database
``baokan_bench_ingest`` (emptied first) and prints pages/s and the process's peak memory after
each, so a flat memory line shows it does not grow with the batch.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import benchdb  # noqa: E402

BENCH_DB = "baokan_bench_ingest"


def setup_django() -> None:
    benchdb.setup_django(BENCH_DB)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, nargs="+", default=[40, 80])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    setup_django()
    from archive.models import Newspaper
    from archive.search.indexing import index_articles
    from archive.services.ingest import ingest_paths
    from archive.services.reassemble import reassemble_issue
    from bench.issuegen import generate_issues, write_issue

    Newspaper.objects.all().delete()
    print(f"{'issues':>7} {'pages':>6} {'ingest p/s':>10} {'reassemble ms/issue':>20} "
          f"{'index art/s':>11} {'total p/s':>9} {'articles':>9} {'peak RSS MB':>12}")
    warm_up()
    offset = 0
    for count in args.issues:
        # Later batches are dated later, so they add issues rather than update earlier ones.
        shift = datetime.timedelta(days=3653 * offset)
        issues = [dataclasses.replace(i, date=i.date + shift) for i in generate_issues(count, seed=args.seed + offset)]
        offset += 1
        with tempfile.TemporaryDirectory() as folder:
            for issue in issues:
                write_issue(issue, folder)
            pages = sum(len(issue.pages) for issue in issues)
            started = time.perf_counter()
            report = ingest_paths([folder])
            ingested = time.perf_counter()
            touched = []
            for issue_id in report.issues_touched:
                result = reassemble_issue(issue_id)
                touched += result.created + result.updated
            reassembled = time.perf_counter()
            index_articles(touched)
            indexed = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{count:>7} {pages:>6} {pages / (ingested - started):>10.1f} "
              f"{1000 * (reassembled - ingested) / len(report.issues_touched):>20.1f} "
              f"{len(touched) / (indexed - reassembled):>11.1f} {pages / (indexed - started):>9.1f} "
              f"{len(touched):>9} {rss:>12.0f}")


def warm_up() -> None:
    """Load the dictionaries once, as a long-running worker has them loaded."""
    from archive.assembly.text import tokens
    from archive.text.words import segment_logp
    from archive.search.segment import segment

    segment_logp("汾河"), tokens("汾河"), segment("汾河")


if __name__ == "__main__":
    main()
