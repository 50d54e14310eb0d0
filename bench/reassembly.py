"""Reassembly accuracy benchmark: generated issues with known truth, matched under each feature set.

    .venv/bin/python bench/reassembly.py [--issues 300] [--seed 1] [--month 2019-02] [--pure [--drop 0.05] | --parser]

``--pure`` runs archive.assembly directly on the generator's fragments (no database, no parser);
``--parser`` only parses the generated pages (``archive.text.parse_page``, no database) and counts,
per part (kicker, headline, subheadline, byline, text, section heads, contributors), the printed
fragments read exactly by the parsed fragment sharing most text with each; when the parser
exposes ``ParsedPage.line_labels`` it also prints the line-label confusion against the
generator's line truth. ``--month`` picks the corpus month (2019-10 is the evaluation month).
Without either the issues are written to a temporary folder, ingested with the real ``ingest``
command into the database ``baokan_bench`` (created and migrated on the first run, emptied of
the benchmark's paper and reused on later runs); the worker time of
``archive.services.reassemble.reassemble_issue`` is timed per issue (a first assembly and a
re-run on unchanged data), then each issue is re-assembled once per feature set; the Articles in the
database are compared with the truth: parsed fragments are found in the generator's printed
fragments by their text (a head by the text it closes with, a tail by the text it opens with),
and a wrong link is blamed on the parser when a half of a true link did not reach the matcher
as a jump, else on matching. ``--drop P`` (with ``--pure``) loses each jump line with chance P,
as a parser that misses one would, to check that such losses make no confident wrong link.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.assembly import FEATURES, JumpIn, JumpOut, join_paragraphs, match_jumps  # noqa: E402
from archive.assembly.text import tokens  # noqa: E402
from archive.text.words import segment_logp  # noqa: E402
from bench.issuegen import GeneratedIssue, generate_issues, write_issue  # noqa: E402

BENCH_DB = "baokan_bench"
# none, then each feature added in turn (cheapest, most common evidence first), ending with all.
ORDERED = ("tfidf", "continuity", "names", "order", "headline")
CONFIGS = [ORDERED[:k] for k in range(len(ORDERED) + 1)]
assert set(CONFIGS[-1]) == set(FEATURES)


@dataclass
class Tally:
    jumps: int = 0            # true links (jumped articles whose both halves are printed)
    delivered: int = 0        # true links whose two halves reached the matcher as jumps
    links: int = 0
    correct: int = 0
    exact_text: int = 0
    exact_pages: int = 0
    wrong_flagged: int = 0
    correct_flagged: int = 0
    unclean: int = 0          # parsed fragments that merge printed ones or split one
    wrong_parser: int = 0     # wrong links that touch a half the parser lost or misread
    confident_wrong_parser: int = 0
    seconds: float = 0.0
    issues: int = 0
    confident_wrong: list = field(default_factory=list)

    def count(self, verdict: str, needs_review: bool, what) -> None:
        """Add one proposed link judged ``correct``, ``parser`` (wrong, a half was lost before
        matching) or ``matching`` (wrong, both halves were there)."""
        self.links += 1
        if verdict == "correct":
            self.correct += 1
            self.correct_flagged += needs_review
            return
        self.wrong_parser += verdict == "parser"
        if needs_review:
            self.wrong_flagged += 1
        else:
            self.confident_wrong_parser += verdict == "parser"
            self.confident_wrong.append((verdict, what))

    def row(self, name: str) -> str:
        wrong = self.links - self.correct
        confident = len(self.confident_wrong)
        return (
            f"{name:<46} {self.correct:>5}/{self.jumps:<5} {pct(self.delivered, self.jumps):>7} {pct(self.correct, self.links):>7} "
            f"{pct(self.correct, self.jumps):>7} {pct(self.correct, self.delivered):>7} "
            f"{pct(self.exact_text, self.jumps):>7} {pct(self.exact_pages, self.jumps):>7} "
            f"{self.wrong_parser:>4}/{wrong - self.wrong_parser:<4} "
            f"{(pct(self.wrong_flagged, wrong) if wrong else '—'):>9} "
            f"{self.confident_wrong_parser:>4}/{confident - self.confident_wrong_parser:<4} "
            f"{pct(self.correct_flagged, self.correct):>8} "
            f"{self.issues / self.seconds if self.seconds else 0:>8.1f} {1000 * self.seconds / max(self.issues, 1):>7.2f}"
        )


HEADER = (
    f"{'features':<46} {'correct':>11} {'deliv.':>7} {'prec':>7} {'recall':>7} {'rec/dlv':>7} {'text ok':>7} {'pages ok':>7} "
    f"{'wrong p/m':>9} {'wrong flg':>9} {'conf.wr p/m':>9} {'ok flg':>8} {'issues/s':>8} {'ms/iss':>7}"
)
LEGEND = (
    "correct = right links / true links; deliv. = true links whose two halves reached the matcher as jumps; "
    "rec/dlv = recall among those;\nwrong p/m = wrong links caused by the parser (a half lost, merged or its "
    "jump line misread) / by matching; conf.wr p/m = the same, among wrong links not flagged for review."
)


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}%" if b else "—"


def norm(text: str) -> str:
    """Text compared width- and whitespace-insensitively (the parser may normalise brackets)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pure_fragments(issue: GeneratedIssue, drop: float = 0.0, rng: random.Random | None = None
                   ) -> tuple[list[JumpOut], list[JumpIn], dict, set]:
    """The issue's jump fragments as the matcher's dataclasses, the truth links {out key: in key},
    and the heads whose link reached the matcher. ``drop`` is the chance that a jump line is
    lost, as when the parser misses it: that fragment is then not given to the matcher."""
    outs, ins, heads, tails = [], [], {}, {}
    for f in issue.fragments:
        key = (f.page, f.order)
        if f.jump_to is not None:
            heads[f.article] = key
            if not (drop and rng.random() < drop):
                outs.append(JumpOut(key, f.page, f.jump_to, f.order, f.headline, tuple(f.paragraphs)))
        if f.jump_from is not None:
            tails[f.article] = key
            if not (drop and rng.random() < drop):
                ins.append(JumpIn(key, f.page, f.jump_from, f.order, f.headline, tuple(f.paragraphs)))
    truth = {heads[a]: tails[a] for a in heads if a in tails}
    given = {f.key for f in outs + ins}
    return outs, ins, truth, {h for h, t in truth.items() if h in given and t in given}


def judge(out: object, jin: object, truth: dict, delivered: set) -> str:
    """``correct``, or why a link between the truth fragments ``out`` and ``jin`` is wrong: ``parser``
    when either end is no printed jump half (None: text not found; or a fragment that does not
    jump) or belongs to a true link that did not reach the matcher whole, else ``matching``."""
    if out is not None and truth.get(out) == jin:
        return "correct"
    tails = {t: h for h, t in truth.items()}
    lost = out is None or jin is None or out not in truth or jin not in tails
    lost = lost or out not in delivered or tails[jin] not in delivered
    return "parser" if lost else "matching"


def run_pure(issues: list[GeneratedIssue], features: tuple, drop: float = 0.0, seed: int = 0) -> Tally:
    tally = Tally()
    rng = random.Random(seed)
    prepared = [pure_fragments(i, drop, rng) for i in issues]
    match_jumps(*prepared[0][:2])       # load jieba's dictionary outside the timing
    clear_caches()
    start = time.perf_counter()
    results = [match_jumps(outs, ins, features=features) for outs, ins, _, _ in prepared]
    tally.seconds = time.perf_counter() - start
    tally.issues = len(issues)
    for issue, (outs, ins, truth, delivered), links in zip(issues, prepared, results):
        by_key = {f.key: f for f in outs + ins}
        article_of = {(f.page, f.order): f.article for f in issue.fragments}
        tally.jumps += len(truth)
        tally.delivered += len(delivered)
        for link in links:
            verdict = judge(link.out_key, link.in_key, truth, delivered)
            tally.count(verdict, link.needs_review, (issue.date.isoformat(), link))
            if verdict == "correct":
                head, tail = by_key[link.out_key], by_key[link.in_key]
                expected = issue.truth[article_of[link.out_key]]
                tally.exact_text += join_paragraphs(head.paragraphs, tail.paragraphs) == expected.paragraphs
                tally.exact_pages += [head.page, tail.page] == expected.pages
    return tally


def clear_caches() -> None:
    """Forget the tokens of texts seen before: each row times matching as a worker meets a new
    issue, not texts an earlier row already tokenised."""
    tokens.cache_clear()
    segment_logp.cache_clear()


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
    from django.db import connection

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
    # The benchmark replaced the last run's rows wholesale: fresh planner statistics, as
    # autovacuum would gather them within a minute of such a load.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    ids = dict(Issue.objects.filter(newspaper__slug=issues[0].paper).values_list("date", "pk"))
    print_worker_time([ids[issue.date] for issue in issues], Article, Continuation, reassemble_issue)
    rows = []
    for features in CONFIGS:
        tally = Tally()
        clear_caches()
        start = time.perf_counter()
        for issue in issues:
            reassemble_issue(ids[issue.date], features=features)
        tally.seconds, tally.issues = time.perf_counter() - start, len(issues)
        for issue in issues:
            score_issue_db(issue, ids[issue.date], tally, Article, Continuation, Fragment)
        rows.append((" + ".join(features) or "none (pages only)", tally))
    return rows


def print_worker_time(issue_ids: list[int], Article, Continuation, reassemble_issue) -> None:
    """Time reassemble_issue, all features, per issue: a first assembly (the issue's articles and
    links deleted first, outside the timing: every article and link is written anew, with
    history) and a re-run on the unchanged issue (nothing to write)."""
    first, rerun = [], []
    clear_caches()
    for issue_id in issue_ids:
        Article.objects.filter(issue_id=issue_id).delete()
        Continuation.objects.filter(from_fragment__page__issue_id=issue_id).delete()
        start = time.perf_counter()
        reassemble_issue(issue_id)
        first.append(1000 * (time.perf_counter() - start))
    clear_caches()
    for issue_id in issue_ids:
        start = time.perf_counter()
        reassemble_issue(issue_id)
        rerun.append(1000 * (time.perf_counter() - start))
    print(f"{'worker time, ms per issue':<28} {'median':>7} {'p95':>7} {'mean':>7} {'issues/s':>8}")
    for name, times in (("first assembly", first), ("re-run, unchanged issue", rerun)):
        times = sorted(times)
        mean = statistics.fmean(times)
        print(f"{name:<28} {statistics.median(times):>7.1f} {times[int(0.95 * (len(times) - 1))]:>7.1f} "
              f"{mean:>7.1f} {1000 / mean:>8.1f}")


SHINGLE = 6          # characters per shingle when locating a parsed fragment's text in the truth
EDGE = 20            # shingles at each end of a parsed fragment that say where it opens and closes
PURE = 0.9           # share of a parsed fragment's shingles that must come from one printed fragment
SHARED = object()    # a shingle that more than one printed fragment of the page holds


def shingles(text: str) -> list[str]:
    t = norm(text)
    return [t[i:i + SHINGLE] for i in range(len(t) - SHINGLE + 1)] if len(t) >= SHINGLE else ([t] if t else [])


@dataclass(frozen=True)
class Found:
    """Where a parsed fragment's text is in the truth: the printed fragment it opens with (its
    jump-in line's end), the one it closes with (its jump-out line's end), and whether it is
    exactly one printed fragment (not merged with another or split)."""

    opens: object
    closes: object
    clean: bool


def locate(printed: list[tuple[object, int, str]], parsed: list[tuple[object, int, str]]) -> dict:
    """``{parsed key: Found}``; both lists hold ``(key, page, text)``.

    Text is compared by shingles of normalised text on the same page; shingles two printed
    fragments share, or none holds, do not vote. A link joins a jump-out's end to a jump-in's
    start, so a head is judged by the text it closes with and a tail by the text it opens with:
    a parser that merges a tail with the next article costs the article's text, not the link."""
    owner: dict = {}
    for key, page, text in printed:
        for sh in shingles(text):
            owner[(page, sh)] = key if owner.get((page, sh), key) == key else SHARED
    votes = {}
    for key, page, text in parsed:
        votes[key] = [k for k in (owner.get((page, sh)) for sh in shingles(text)) if k is not None and k is not SHARED]

    def majority(keys: list):
        return Counter(keys).most_common(1)[0][0] if keys else None

    whole = {key: majority(v) for key, v in votes.items()}
    claims = Counter(whole.values())
    return {
        key: Found(
            opens=majority(v[:EDGE]), closes=majority(v[-EDGE:]),
            clean=bool(v) and v.count(whole[key]) >= PURE * len(v) and claims[whole[key]] == 1,
        )
        for key, v in votes.items()
    }


def score_issue_db(issue: GeneratedIssue, issue_id: int, tally: Tally, Article, Continuation, Fragment) -> None:
    """Compare one issue's Continuations and jumped Articles in the database with the truth."""
    _, _, truth, _ = pure_fragments(issue)
    printed = [((f.page, f.order), f.page, "\n".join(f.paragraphs)) for f in issue.fragments]
    rows = list(Fragment.objects.filter(page__issue_id=issue_id).select_related("page"))
    found = locate(printed, [(r.pk, r.page.number, r.text) for r in rows])
    tally.unclean += sum(not f.clean for f in found.values())
    # A true link reached the matcher when the parser produced a fragment closing with its head
    # and one opening with its tail, with jump lines naming the right pages.
    outs = {found[r.pk].closes: r for r in rows if r.jump_out_line}
    ins = {found[r.pk].opens: r for r in rows if r.jump_in_line}
    delivered = {
        head for head, tail in truth.items()
        if head in outs and tail in ins and outs[head].jump_to_page == tail[0] and ins[tail].jump_from_page == head[0]
    }
    tally.jumps += len(truth)
    tally.delivered += len(delivered)
    for c in Continuation.objects.filter(from_fragment__page__issue_id=issue_id):
        out, jin = found.get(c.from_fragment_id), found.get(c.to_fragment_id)
        verdict = judge(out and out.closes, jin and jin.opens, truth, delivered)
        tally.count(verdict, c.needs_review, (issue.date.isoformat(), c.pk))
    articles = {a.pk: a for a in Article.objects.filter(issue_id=issue_id)}
    article_of = {(f.page, f.order): f.article for f in issue.fragments}
    for head in truth:
        row = outs.get(head)
        art = articles.get(row.article_id) if row is not None else None
        if art is not None:
            expected = issue.truth[article_of[head]]
            tally.exact_text += norm(art.body) == norm("\n\n".join(expected.paragraphs))
            tally.exact_pages += list(art.pages) == expected.pages


def parser_accuracy(issues: list[GeneratedIssue]) -> tuple[Counter, Counter]:
    """``(exact, total)`` by kind of printed fragment: a jumped article's ``head`` and ``tail``,
    and articles printed ``whole``; exact when one parsed fragment has the same text."""
    from archive.text import parse_page

    exact, total = Counter(), Counter()
    for issue in issues:
        parsed = {number: {norm("".join(f.paragraphs)) for f in parse_page(text).fragments}
                  for number, text in issue.pages.items()}
        for f in issue.fragments:
            kind = "head" if f.jump_to is not None else "tail" if f.jump_from is not None else "whole"
            total[kind] += 1
            exact[kind] += norm("".join(f.paragraphs)) in parsed[f.page]
    return exact, total


PARTS = ("kicker", "headline", "subheadline", "byline", "text", "section heads", "contributors")


def _credits(items) -> Counter:
    return Counter(("".join(name.split()), role) for name, role in items)


def _best_parsed(printed, parsed: list) -> object | None:
    """The parsed fragment of the page sharing most shingles with a printed fragment."""
    want = set(shingles((printed.headline or "") + "".join(printed.paragraphs)))
    best, best_score = None, 0
    for f in parsed:
        score = len(want & set(shingles((f.headline or "") + "".join(f.paragraphs))))
        if score > best_score:
            best, best_score = f, score
    return best


def parser_parts(issues: list[GeneratedIssue]) -> tuple[Counter, Counter, Counter | None, tuple[float, float], int]:
    """Per printed fragment, which parts the parser reads exactly (the parsed fragment of the page
    with the most text in common), the line-label confusion (truth, parsed) when the parser
    exposes ``ParsedPage.line_labels``, the parsing time (wall and CPU) and the page count."""
    from archive.text import parse_page

    exact, total = Counter(), Counter()
    confusion = Counter()
    seconds, cpu, pages = 0.0, 0.0, 0
    for issue in issues:
        by_page = {}
        for number, text in issue.pages.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            page = parse_page(text)
            seconds += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
            pages += 1
            by_page[number] = page.fragments
            # (start, end, label[, probability]); a page without them adds nothing to the table.
            labels = getattr(page, "line_labels", None)
            if labels:
                got = {(item[0], item[1]): item[2] for item in labels}
                for line in issue.lines[number]:
                    confusion[(line.label, got.get((line.start, line.end), "(none)"))] += 1
        for f in issue.fragments:
            got = _best_parsed(f, by_page[f.page])
            checks = {
                "kicker": lambda g: g.kicker == f.kicker,
                "headline": lambda g: g.headline == f.headline,
                "subheadline": lambda g: g.subheadline == f.subheadline,
                "byline": lambda g: g.byline == f.byline,
                "text": lambda g: list(g.paragraphs) == f.paragraphs,
                "section heads": lambda g: list(getattr(g, "section_heads", [])) == f.section_heads,
                "contributors": lambda g: _credits((c.name, c.role) for c in getattr(g, "contributors", []))
                == _credits(f.contributors),
            }
            for part, check in checks.items():
                total[part] += 1
                exact[part] += got is not None and bool(check(got))
    return exact, total, confusion or None, (seconds, cpu), pages


def print_parser_accuracy(issues: list[GeneratedIssue]) -> None:
    """The tables of ``--parser``: parts read exactly, fragments by kind, line labels, parsing rate."""
    segment_logp("汾河")     # load jieba's dictionary outside the timing
    exact, total, confusion, (seconds, cpu), pages = parser_parts(issues)
    print(f"{'printed fragments, part read exactly':<38} {'exact':>13} {'share':>8}")
    for part in PARTS:
        print(f"{part:<38} {exact[part]:>6}/{total[part]:<6} {pct(exact[part], total[part]):>8}")
    by_kind, kinds = parser_accuracy(issues)
    print(f"{'text, width-folded, by kind':<38}")
    for kind in ("head", "tail", "whole"):
        print(f"{kind:<38} {by_kind[kind]:>6}/{kinds[kind]:<6} {pct(by_kind[kind], kinds[kind]):>8}")
    if confusion is None:
        print("line labels: the parser gives no ParsedPage.line_labels; no confusion table")
    else:
        truths = Counter()
        for (want, _), count in confusion.items():
            truths[want] += count
        print(f"{'line label (truth)':<20} {'lines':>7} {'right':>8}  most common wrong labels")
        for want, count in truths.most_common():
            wrong = [(got, c) for (w, got), c in confusion.most_common() if w == want and got != want][:3]
            print(f"{want:<20} {count:>7} {pct(confusion[(want, want)], count):>8}  "
                  + ", ".join(f"{got} {c}" for got, c in wrong))
    # CPU time too: on a shared machine the wall time counts the other processes' turns.
    print(f"parsed {pages} pages in {seconds:.1f} s ({pages / seconds:.0f} pages/s, one process: as ingest parses; "
          f"{cpu:.1f} s of CPU, {pages / cpu:.0f} pages per CPU second)")
    processes = 2
    seconds = parallel_parse_seconds(issues, processes)
    print(f"parsed {pages} pages in {seconds:.1f} s ({pages / seconds:.0f} pages/s, {processes} processes, results "
          "sent back: what a parallel ingest could reach; ingest does not parse in parallel)")


def parallel_parse_seconds(issues: list[GeneratedIssue], processes: int) -> float:
    """Wall time of parsing every page in a pool of forked processes, the parsed pages sent back
    to this one. The word caches filled by the runs before are emptied first, so each process
    starts as cold as the one-process run did."""
    import multiprocessing

    from archive.text import parse_page, words

    texts = [text for issue in issues for text in issue.pages.values()]
    words.clear_caches()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        start = time.perf_counter()
        for _ in pool.imap(parse_page, texts, chunksize=4):
            pass
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pure", action="store_true", help="match the generator's fragments directly, no database")
    parser.add_argument("--parser", action="store_true",
                        help="only parse the generated pages and count the printed fragments read exactly, no database")
    parser.add_argument("--month", default="2019-02", help="corpus month: 2019-02 (development) or 2019-10 (evaluation)")
    parser.add_argument("--drop", type=float, default=0.0,
                        help="with --pure: chance that a jump line is lost, as when the parser misses it")
    args = parser.parse_args()
    start = time.perf_counter()
    issues = generate_issues(args.issues, args.seed, month=args.month)
    jumps = sum(a.jumped for i in issues for a in i.truth)
    print(f"{len(issues)} issues, {sum(len(i.pages) for i in issues)} pages, {jumps} jumps "
          f"(generated in {time.perf_counter() - start:.1f} s, seed {args.seed})")
    if args.parser:
        print_parser_accuracy(issues)
        return
    if args.pure:
        rows = [(" + ".join(f) or "none (pages only)", run_pure(issues, f, args.drop, args.seed)) for f in CONFIGS]
    else:
        setup_django()
        rows = run_db(issues)
    print(HEADER)
    for name, tally in rows:
        print(tally.row(name))
    print(LEGEND)
    if not args.pure:
        print(f"parsed fragments that merge printed ones or split one: {rows[-1][1].unclean}")
    for verdict, (date, link) in rows[-1][1].confident_wrong[:20]:
        print(f"confident wrong link ({verdict}):", date, link)


if __name__ == "__main__":
    main()
