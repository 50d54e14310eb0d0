"""Reassembly accuracy benchmark: generated issues with known truth, matched under each feature set.

    .venv/bin/python bench/reassembly.py [--issues 300] [--seed 1] [--pure]

``--pure`` runs archive.assembly directly on the generator's fragments (no database, no parser).
Without it the issues are written to a temporary folder, ingested with the real ``ingest``
command into the database ``baokan_bench`` (created and migrated on the first run, emptied of
the benchmark's paper and reused on later runs), and re-assembled with
``archive.services.reassemble.reassemble_issue`` once per feature set; the Articles in the
database are compared with the truth.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.assembly import FEATURES, JumpIn, JumpOut, join_paragraphs, match_jumps  # noqa: E402
from bench.issuegen import GeneratedIssue, generate_issues, write_issue  # noqa: E402

BENCH_DB = "baokan_bench"
# none, then each feature added in turn (cheapest, most common evidence first), ending with all.
ORDERED = ("tfidf", "continuity", "names", "order", "headline")
CONFIGS = [ORDERED[:k] for k in range(len(ORDERED) + 1)]
assert set(CONFIGS[-1]) == set(FEATURES)


@dataclass
class Tally:
    jumps: int = 0            # true links (jumped articles whose both halves are printed)
    links: int = 0
    correct: int = 0
    exact_text: int = 0
    exact_pages: int = 0
    wrong_flagged: int = 0
    correct_flagged: int = 0
    seconds: float = 0.0
    issues: int = 0
    confident_wrong: list = field(default_factory=list)

    def row(self, name: str) -> str:
        wrong = self.links - self.correct
        return (
            f"{name:<42} {self.correct:>5}/{self.jumps:<5} {pct(self.correct, self.links):>7} {pct(self.correct, self.jumps):>7} "
            f"{pct(self.exact_text, self.jumps):>7} {pct(self.exact_pages, self.jumps):>7} "
            f"{(pct(self.wrong_flagged, wrong) if wrong else '—'):>9} {wrong - self.wrong_flagged:>6} "
            f"{pct(self.correct_flagged, self.correct):>8} "
            f"{self.issues / self.seconds if self.seconds else 0:>8.1f} {1000 * self.seconds / max(self.issues, 1):>7.2f}"
        )


HEADER = (
    f"{'features':<42} {'correct':>11} {'prec':>7} {'recall':>7} {'text ok':>7} {'pages ok':>7} "
    f"{'wrong flg':>9} {'conf.wr':>6} {'ok flg':>8} {'issues/s':>8} {'ms/iss':>7}"
)


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}%" if b else "—"


def norm(text: str) -> str:
    """Text compared width- and whitespace-insensitively (the parser may normalise brackets)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pure_fragments(issue: GeneratedIssue) -> tuple[list[JumpOut], list[JumpIn], dict]:
    """The issue's jump fragments as the matcher's dataclasses, and the truth links {out key: in key}."""
    outs, ins, heads, tails = [], [], {}, {}
    for f in issue.fragments:
        key = (f.page, f.order)
        if f.jump_to is not None:
            outs.append(JumpOut(key, f.page, f.jump_to, f.order, f.headline, tuple(f.paragraphs)))
            heads[f.article] = key
        if f.jump_from is not None:
            ins.append(JumpIn(key, f.page, f.jump_from, f.order, f.headline, tuple(f.paragraphs)))
            tails[f.article] = key
    return outs, ins, {heads[a]: tails[a] for a in heads if a in tails}


def run_pure(issues: list[GeneratedIssue], features: tuple) -> Tally:
    tally = Tally()
    prepared = [pure_fragments(i) for i in issues]
    match_jumps(*prepared[0][:2])       # load jieba's dictionary outside the timing
    start = time.perf_counter()
    results = [match_jumps(outs, ins, features=features) for outs, ins, _ in prepared]
    tally.seconds = time.perf_counter() - start
    tally.issues = len(issues)
    for issue, (outs, ins, truth), links in zip(issues, prepared, results):
        by_key = {f.key: f for f in outs + ins}
        article_of = {(f.page, f.order): f.article for f in issue.fragments}
        tally.jumps += len(truth)
        for link in links:
            tally.links += 1
            if truth.get(link.out_key) == link.in_key:
                tally.correct += 1
                tally.correct_flagged += link.needs_review
                head, tail = by_key[link.out_key], by_key[link.in_key]
                expected = issue.truth[article_of[link.out_key]]
                tally.exact_text += join_paragraphs(head.paragraphs, tail.paragraphs) == expected.paragraphs
                tally.exact_pages += [head.page, tail.page] == expected.pages
            elif link.needs_review:
                tally.wrong_flagged += 1
            else:
                tally.confident_wrong.append((issue.date.isoformat(), link))
    return tally


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django
    from django.conf import settings

    django.setup()
    db = settings.DATABASES["default"]
    if db["NAME"] != BENCH_DB:
        import psycopg

        params = dict(host=db.get("HOST") or "127.0.0.1", port=db.get("PORT") or 5432, user=db.get("USER") or "postgres",
                      password=db.get("PASSWORD") or None, dbname="postgres", autocommit=True)
        with psycopg.connect(**params) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone():
                conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
        db["NAME"] = BENCH_DB
        from django.db import connections

        connections.close_all()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def run_db(issues: list[GeneratedIssue]) -> list[tuple[str, Tally]]:
    from django.core.management import call_command

    from archive.models import Article, Continuation, Fragment, Issue, Newspaper
    from archive.services.reassemble import reassemble_issue

    Newspaper.objects.filter(slug=issues[0].paper).delete()
    with tempfile.TemporaryDirectory() as root:
        for issue in issues:
            write_issue(issue, root)
        start = time.perf_counter()
        call_command("ingest", root)
        ingest_seconds = time.perf_counter() - start
    pages = sum(len(i.pages) for i in issues)
    print(f"ingest: {pages} pages in {ingest_seconds:.1f} s ({pages / ingest_seconds:.1f} pages/s, incl. first reassembly)")
    ids = dict(Issue.objects.filter(newspaper__slug=issues[0].paper).values_list("date", "pk"))
    rows = []
    for features in CONFIGS:
        tally = Tally()
        start = time.perf_counter()
        for issue in issues:
            reassemble_issue(ids[issue.date], features=features)
        tally.seconds, tally.issues = time.perf_counter() - start, len(issues)
        for issue in issues:
            score_issue_db(issue, ids[issue.date], tally, Article, Continuation, Fragment)
        rows.append((" + ".join(features) or "none (pages only)", tally))
    return rows


def score_issue_db(issue, issue_id, tally, Article, Continuation, Fragment) -> None:
    """Compare one issue's Continuations and jumped Articles in the database with the truth."""
    # Truth article of a database fragment: the printed fragment on its page with the same opening.
    printed = {(f.page, norm(f.paragraphs[0])[:20]): f.article for f in issue.fragments if f.paragraphs}
    article_of = {}
    for frag in Fragment.objects.filter(page__issue_id=issue_id).select_related("page"):
        article_of[frag.pk] = printed.get((frag.page.number, norm(frag.text.split("\n\n")[0])[:20]))
    jumped = [a for a in issue.truth if a.jumped]
    tally.jumps += len(jumped)
    for c in Continuation.objects.filter(from_fragment__page__issue_id=issue_id):
        tally.links += 1
        a, b = article_of.get(c.from_fragment_id), article_of.get(c.to_fragment_id)
        if a is not None and a == b:
            tally.correct += 1
            tally.correct_flagged += c.needs_review
        elif c.needs_review:
            tally.wrong_flagged += 1
        else:
            tally.confident_wrong.append((issue.date.isoformat(), c.pk))
    found = {norm(a.headline): a for a in Article.objects.filter(issue_id=issue_id)}
    for truth in jumped:
        art = found.get(norm(truth.headline))
        if art is not None:
            tally.exact_text += norm(art.body) == norm("\n\n".join(truth.paragraphs))
            tally.exact_pages += list(art.pages) == truth.pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pure", action="store_true", help="match the generator's fragments directly, no database")
    args = parser.parse_args()
    start = time.perf_counter()
    issues = generate_issues(args.issues, args.seed)
    jumps = sum(a.jumped for i in issues for a in i.truth)
    print(f"{len(issues)} issues, {sum(len(i.pages) for i in issues)} pages, {jumps} jumps "
          f"(generated in {time.perf_counter() - start:.1f} s, seed {args.seed})")
    if args.pure:
        rows = [(" + ".join(f) or "none (pages only)", run_pure(issues, f)) for f in CONFIGS]
    else:
        setup_django()
        rows = run_db(issues)
    print(HEADER)
    for name, tally in rows:
        print(tally.row(name))
    for date, link in rows[-1][1].confident_wrong[:20]:
        print("confident wrong link:", date, link)


if __name__ == "__main__":
    main()
