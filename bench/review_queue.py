"""The editors' review queue and link review screen on generated issues plus the seeds.

    .venv/bin/python bench/review_queue.py [--issues 40] [--seed 1] [--database baokan_bench_review]

Generates issues from the 人民日报 corpus (bench.issuegen), ingests them and the five seed pages
with the real ``ingest`` command into a database of its own (emptied first), then prints the
queue's count per reason (as on the admin index) and the server time of the queue page, the
admin index and the link review screen of every uncertain link (Django's test client, median
and worst of the requests).
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchdb import setup_django  # noqa: E402


def timed(client, url, repeat=5) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", default="baokan_bench_review")
    args = parser.parse_args()
    setup_django(args.database)

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from archive.models import Continuation, Issue, Newspaper
    from archive.review_queue import review_counts
    from bench.issuegen import generate_issues, write_issue

    setup_test_environment()
    Issue.objects.all().delete()
    Newspaper.objects.all().delete()
    folder = Path(tempfile.mkdtemp(prefix="review-bench-"))
    for issue in generate_issues(args.issues, seed=args.seed):
        write_issue(issue, folder)
    start, summaries = time.perf_counter(), []
    for path in (folder, Path(__file__).resolve().parent.parent / "seeds"):
        out = io.StringIO()
        try:
            call_command("ingest", str(path), stdout=out, stderr=io.StringIO())
        except SystemExit:
            pass
        summaries.append(out.getvalue().strip().splitlines()[-1])
    ingest_s = time.perf_counter() - start
    print(f"{args.issues} generated issues + seeds ingested and reassembled in {ingest_s:.1f} s "
          f"({'; '.join(summaries)})")
    print("\n| reason | count |\n|---|---:|")
    for _, label, count in review_counts():
        print(f"| {label} | {count} |")

    user = get_user_model().objects.filter(username="bench-admin").first() or get_user_model().objects.create_superuser(
        "bench-admin", password="x")
    client = Client()
    client.force_login(user)
    rows = {"/admin/ (index with counts)": timed(client, "/admin/"),
            "/admin/archive/reviewitem/ (whole queue)": timed(client, "/admin/archive/reviewitem/")}
    screens = []
    for fragment_id in Continuation.objects.filter(needs_review=True).values_list("from_fragment_id", flat=True):
        screens += timed(client, f"/admin/archive/continuation/jump/{fragment_id}/", repeat=1)
    if screens:
        rows[f"link review screen ({len(screens)} uncertain links)"] = screens
    print("\n| page | median ms | worst ms |\n|---|---:|---:|")
    for name, times in rows.items():
        print(f"| {name} | {statistics.median(times):.0f} | {max(times):.0f} |")


if __name__ == "__main__":
    main()
