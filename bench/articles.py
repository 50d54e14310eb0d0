"""End-to-end article accuracy, measured as an outside evaluator would: generated pages in, export records out.

    .venv/bin/python bench/articles.py --issues 40 --seed 1 --month 2019-02   # development month
    .venv/bin/python bench/articles.py --issues 40 --seed 1 --month 2019-10   # evaluation month (tune nothing on it)
    .venv/bin/python bench/articles.py --issues 5 --seeds                      # also the seed pages' records

Generates ``--issues`` issues from every article of ``--month`` (bench/issuegen.py), writes them in
the ingest layout to a temporary folder, runs the real ``manage.py ingest`` into the database
``baokan_bench_articles`` (created and migrated on first use; the benchmark's papers are deleted
first, so runs do not accumulate) with tasks in-process, then ``manage.py export_articles``. Each
export record is matched to at most one truth article of its issue that shares a page with it,
by the best overlap of 4-character shingles (greedy, best pairs first). Prints exact rates per
field, the jumped-article figures, wrong confident links, left-over jump lines, and the top causes
of text misses with examples. About a minute for 40 issues.
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import benchdb  # noqa: E402
from archive.text.normalise import ends_sentence  # noqa: E402

BENCH_DB = "baokan_bench_articles"
SEEDS_DIR = ROOT / "seeds"
# A jump line left in the text: bracketed 上接/下转/接/转 + page + 版, or unbracketed at a paragraph start.
JUMP_LEFT = re.compile(
    r"[（(]\s*(?:上接|下转|接|转)\s*第?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[）)]"
    r"|(?:^|\n)(?:上接|下转)\s*第?\s*[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]+\s*版"
)


def setup_django() -> None:
    benchdb.setup_django(BENCH_DB)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Text compared width- and whitespace-insensitively."""
    return "".join(nfkc(text).split())


def shingles(text: str, k: int = 4) -> set[str]:
    t = squash(text)
    return {t[i:i + k] for i in range(max(1, len(t) - k + 1))} if t else set()


def truth_text(article) -> str:
    return "\n\n".join(article.paragraphs)


def match_records(issue, records: list[dict]) -> dict[int, dict]:
    """{truth index: record}: one record per truth article at most, on a shared page, best overlap first."""
    truth_sh = [shingles((a.headline or "") + truth_text(a)) for a in issue.truth]
    pairs = []
    for r, rec in enumerate(records):
        rec_sh = shingles((rec.get("headline") or "") + (rec.get("text") or ""))
        pages = set(rec.get("pages") or [])
        for n, art in enumerate(issue.truth):
            if pages & set(art.pages) and rec_sh and truth_sh[n]:
                inter = len(rec_sh & truth_sh[n])
                if inter:
                    pairs.append((inter / len(rec_sh | truth_sh[n]), r, n))
    matched, used = {}, set()
    for score, r, n in sorted(pairs, reverse=True):
        if n not in matched and r not in used and score >= 0.1:
            matched[n] = records[r]
            used.add(r)
    return matched


def diff_snippet(got: str, want: str, context: int = 12) -> str:
    """The first difference between record text and truth text, as ``…got…`` vs ``…want…``."""
    sm = difflib.SequenceMatcher(None, got, want, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op != "equal":
            g = got[max(0, a0 - context):min(len(got), a1 + context)][:70]
            w = want[max(0, b0 - context):min(len(want), b1 + context)][:70]
            return f"record …{g!r}… / truth …{w!r}…"
    return "(no difference)"


def classify_miss(record: dict | None, article) -> str:
    """Why a record's text is not the truth text: the first cause that explains the difference."""
    from bench.issuegen import is_label

    if record is None:
        return "no record matched (article lost or merged into another)"
    got, want = record.get("text") or "", truth_text(article)
    if nfkc(got) == nfkc(want):
        return "width folded (NFKC-equal)"
    if JUMP_LEFT.search(got):
        return "jump line left in text"
    g, w = squash(got), squash(want)
    got_paras = [p for p in got.split("\n\n") if p.strip()]
    if g == w:
        if len(got_paras) <= len(article.paragraphs):
            return "wrongly joined paragraphs"
        # A break the record has and the truth has not: after a full stop it looks like a
        # paragraph's end to any reader of the text (the indent that told them apart is lost).
        truth_breaks = {len(squash("".join(article.paragraphs[:k + 1]))) for k in range(len(article.paragraphs))}
        extra = [p for k, p in enumerate(got_paras[:-1]) if len(squash("".join(got_paras[:k + 1]))) not in truth_breaks]
        if extra and all(ends_sentence(p) for p in extra):
            return "column break after a full stop not joined"
        return "column break not joined"
    if w.startswith(g) and g:
        rest = [p for p in article.paragraphs if squash(p) and squash(p) not in g]
        nxt = rest[0] if rest else ""
        index = article.paragraphs.index(nxt) if nxt in article.paragraphs else -1
        if index in article.section_heads:
            return "truncated: section head started a new article"
        if nxt and is_label(nxt):
            return "truncated: label/credit paragraph left out at the end"
        return "truncated (other)"
    if g.startswith(w):
        return "merged with next article"
    if w.endswith(g) and g:
        return "start lost (first paragraphs taken as heading/byline or another article)"
    missing = [p for p in article.paragraphs if squash(p) not in g]
    if missing and all(is_label(p) for p in missing):
        return "missing label/credit paragraph"
    if missing and all(k in article.section_heads for k, p in enumerate(article.paragraphs) if p in missing):
        return "missing section head paragraph"
    extra = len(g) - len(w)
    if extra > 0 and all(squash(p) in g for p in article.paragraphs):
        return "extra text (caption, byline or another article's lines)"
    return "other"


def credit_set(items) -> Counter:
    return Counter((re.sub(r"\s", "", name), role) for name, role in items)


def record_credits(record: dict) -> Counter:
    if "contributors" in record:
        return credit_set((c.get("name", ""), c.get("role", "")) for c in record["contributors"])
    return credit_set([(n, "reporter") for n in record.get("reporters", [])]
                      + [(n, "photographer") for n in record.get("photographers", [])])


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}%" if b else "—"


def score(issues, records_by_date: dict) -> None:
    """Print the table and the causes of text misses."""
    rows = Counter()
    causes: dict[str, list] = defaultdict(list)
    confident_wrong = []
    n_records = sum(len(v) for v in records_by_date.values())
    for issue in issues:
        records = records_by_date.get(issue.date.isoformat(), [])
        matched = match_records(issue, records)
        for rec in records:
            rows["jump line left"] += bool(JUMP_LEFT.search(rec.get("text") or ""))
        linked_ok, pages_right = set(), set()
        for n, art in enumerate(issue.truth):
            rec = matched.get(n)
            rows["articles"] += 1
            rows["jumped"] += art.jumped
            if rec is None:
                causes[classify_miss(None, art)].append((art.headline, ""))
                continue
            got, want = rec.get("text") or "", truth_text(art)
            exact = got == want
            rows["text exact"] += exact
            if exact:
                rows["exact flagged"] += bool(rec.get("needs_review"))
            else:
                rows["wrong"] += 1
                rows["wrong flagged"] += bool(rec.get("needs_review"))
            rows["text nfkc"] += nfkc(got) == nfkc(want)
            pages_ok = list(rec.get("pages") or []) == art.pages
            if art.jumped:
                rows["jumped exact"] += exact and pages_ok
                rows["jumped pages+end"] += pages_ok and squash(got)[-20:] == squash(want)[-20:]
            if pages_ok:
                pages_right.add(id(rec))
                if nfkc(got) == nfkc(want):
                    linked_ok.add(id(rec))
            for name in ("kicker", "headline", "subheadline", "byline"):
                rows[name] += (rec.get(name) or None) == getattr(art, name)
            rows["section_heads"] += list(rec.get("section_heads") or []) == art.section_heads
            rows["contributors"] += record_credits(rec) == credit_set(art.contributors)
            if not exact:
                causes[classify_miss(rec, art)].append((art.headline, diff_snippet(got, want)))
        for rec in records:
            cont = rec.get("continuation") or {}
            if cont.get("status") == "linked" and id(rec) in linked_ok:
                rows["right links"] += 1
                rows["right links flagged"] += bool(rec.get("needs_review"))
            if cont.get("status") == "linked" and not rec.get("needs_review") and id(rec) not in linked_ok:
                rows["wrong linked, not flagged"] += 1
                rows["wrong pages, not flagged"] += id(rec) not in pages_right
                confident_wrong.append((rec.get("headline"), rec.get("pages"), cont.get("confidence")))
    total, jumped = rows["articles"], rows["jumped"]
    print(f"{'measure':<58} {'count':>13} {'share':>8}")
    lines = [
        ("articles whose text is exactly the truth text", rows["text exact"], total),
        ("… the same ignoring full/half width (NFKC)", rows["text nfkc"], total),
        ("jumped articles exactly right (text and pages)", rows["jumped exact"], jumped),
        ("jumped articles with the right pages and ending", rows["jumped pages+end"], jumped),
        ("records linked, not flagged, but wrong (pages or text)", rows["wrong linked, not flagged"], n_records),
        ("… of them with pages not the truth's (or matching no article)", rows["wrong pages, not flagged"], n_records),
        ("right links (pages and text) sent to review all the same", rows["right links flagged"], rows["right links"]),
        ("articles with wrong text that are flagged for review", rows["wrong flagged"], rows["wrong"]),
        ("articles with exact text sent to review all the same", rows["exact flagged"], rows["text exact"]),
        ("records whose text still holds a jump line", rows["jump line left"], n_records),
    ] + [(f"exact {name}", rows[name], total)
         for name in ("kicker", "headline", "subheadline", "byline", "section_heads", "contributors")]
    for label, a, b in lines:
        print(f"{label:<58} {a:>6}/{b:<6} {pct(a, b):>8}")
    print(f"{'records exported / articles printed':<58} {n_records:>6}/{total:<6}")
    for headline, pages, confidence in confident_wrong[:10]:
        print(f"    confident wrong link: {str(headline)[:30]} pages {pages} confidence {confidence}")
    print("\ntop causes of text misses (record text vs truth text):")
    for cause, items in sorted(causes.items(), key=lambda kv: -len(kv[1]))[:10]:
        print(f"{len(items):>6}  {cause}")
        for headline, snippet in items[:3]:
            print(f"          {str(headline)[:24]!s}: {snippet}")


def export_records(paper: str | None = None) -> list[dict]:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("export_articles", *([f"--paper={paper}"] if paper else []), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def ingest(root: str) -> float:
    from django.core.management import call_command

    start = time.perf_counter()
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(err):     # the command's progress bar
            call_command("ingest", root, stdout=out, stderr=err)
    except SystemExit:
        pass                     # exit status 1 when a file was rejected; the summary says which
    summary = [line for line in out.getvalue().splitlines() if line.startswith("pages:")]
    print("ingest:", summary[-1] if summary else out.getvalue()[-200:])
    return time.perf_counter() - start


def print_seeds() -> None:
    """Ingest the seed pages and print each record's headline and the ends of its text."""
    before = {r["id"] for r in export_records()}
    ingest(str(SEEDS_DIR))
    for rec in export_records():
        if rec["id"] in before and rec["paper"] == "bench-daily":
            continue
        if rec["paper"] == "bench-daily":
            continue
        text = rec.get("text") or ""
        print(f"  {rec['date']} p{rec['pages']} {str(rec.get('headline'))[:30]:<30} "
              f"{text[:20]!r} … {text[-20:]!r} ({rec['continuation']['status']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--month", default="2019-02", help="2019-02 (development) or 2019-10 (evaluation)")
    parser.add_argument("--part", choices=("train", "dev"), default=None,
                        help="only the training (days 1-20) or dev (21-) days of the month, as bench/train_segmenter.py --split")
    parser.add_argument("--seeds", action="store_true", help="also ingest seeds/ and print their records")
    args = parser.parse_args()
    setup_django()
    from archive.models import Newspaper
    from bench.issuegen import PAPER, generate_issues, write_issue

    start = time.perf_counter()
    issues = generate_issues(args.issues, seed=args.seed, month=args.month, part=args.part)
    pages = sum(len(i.pages) for i in issues)
    print(f"{len(issues)} issues of {args.month}, {pages} pages, {sum(len(i.truth) for i in issues)} articles, "
          f"{sum(a.jumped for i in issues for a in i.truth)} jumped (generated in {time.perf_counter() - start:.1f} s, seed {args.seed})")
    Newspaper.objects.filter(slug=PAPER).delete()
    if args.seeds:
        Newspaper.objects.exclude(slug=PAPER).delete()
    with tempfile.TemporaryDirectory() as root:
        for issue in issues:
            write_issue(issue, root)
        seconds = ingest(root)
    print(f"ingested {pages} pages in {seconds:.1f} s ({pages / seconds:.1f} pages/s, with reassembly and indexing)")
    by_date = defaultdict(list)
    for rec in export_records(PAPER):
        by_date[rec["date"]].append(rec)
    score(issues, by_date)
    if args.seeds:
        print("\nseed pages:")
        print_seeds()


if __name__ == "__main__":
    main()
