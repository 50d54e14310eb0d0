"""Ingest throughput: generated issues through ``manage.py ingest`` with reassembly and indexing.

    .venv/bin/python bench/ingest.py [--issues 40 80]

Tasks run in-process (no broker), so each figure is the whole pipeline the design budgets —
decode, parse, write, reassemble, index — on this machine. Runs the given issue counts one after
another into the database ``baokan_bench_ingest`` (emptied first) and prints pages/s and the
process's peak memory after each, so a flat memory line shows it does not grow with the batch.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "baokan_bench_ingest"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{BENCH_DB}"
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ.setdefault("SEARCH_INDEX_DIR", tempfile.mkdtemp(prefix="baokan-bench-index-"))
    import psycopg
    from psycopg import sql

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (BENCH_DB,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DB)))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, nargs="+", default=[40, 80])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    from archive.models import Newspaper
    from bench.issuegen import generate_issues, write_issue

    Newspaper.objects.all().delete()
    print(f"{'issues':>7} {'pages':>7} {'seconds':>8} {'pages/s':>8} {'articles':>9} {'peak RSS MB':>12}")
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
            call_command("ingest", folder, verbosity=0, stdout=open(os.devnull, "w"))
            seconds = time.perf_counter() - started
        from archive.models import Article

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{count:>7} {pages:>7} {seconds:>8.1f} {pages / seconds:>8.1f} {Article.objects.count():>9} {rss:>12.0f}")


if __name__ == "__main__":
    main()
