"""Search benchmark: the lean Xapian index vs Whoosh + jieba's ChineseAnalyzer, side by side.

    .venv/bin/python bench/search.py [--articles 100000] [--whoosh-articles 10000] [--queries 240]

Articles are recombined from the paragraphs of the 人民日报 corpus (/work/shared/corpus/peoples-daily):
each takes a real article's headline and as many paragraphs as that article has, drawn from the
whole corpus, so texts are distinct and of realistic length. No database: documents go through
``archive.search.documents.prepare_fields`` (jieba) and ``archive.search.backend.build_document``,
the code path of ``rebuild_index`` (jieba is timed on the first 1,000 articles; the rest reuse
the segmentation of the corpus paragraphs they are made of, which gives the same tokens), and queries through ``compile_query`` + ``run_query`` with
every facet the site shows. Whoosh is built on fewer articles when asked (it is slow) and its
size and build time are extrapolated linearly, labelled as such. Latency is measured with warm
OS caches (the index is read right after it is written). At 100k articles it takes ~15 minutes.
"""
import argparse
import datetime
import math
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

import xapian  # noqa: E402

from archive.search.backend import FACETS, Filters, build_document, compile_query, run_query  # noqa: E402
from archive.search.documents import HEADLINE_BOOST, prepare_fields  # noqa: E402
from archive.search.query import parse_query  # noqa: E402
from archive.search.segment import BREAK, Segmented, load_userdict_lines, normalise, segment  # noqa: E402
from archive.search.userdict import USERDICT_PATH, names_in_byline  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "peoples-daily"
KINDS = ["news"] * 7 + ["commentary", "photo", "brief"]
TARGET_ARTICLES = 1_500_000
SEGMENT_SAMPLE = 1000  # articles segmented without the cache, to time jieba
FIXED_PHRASES = ["高质量发展", "一带一路", "乡村振兴", "人类命运共同体", "脱贫攻坚", "全面建成小康社会"]


def load_corpus():
    articles = []
    for path in sorted(CORPUS.glob("*/*/*.txt")):
        lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        paragraphs = [line.strip("\u3000 ") for line in lines[3:] if line.strip("\u3000 ")]
        if lines[1].strip() and paragraphs:
            articles.append({"kicker": lines[0].strip(), "headline": lines[1].strip(),
                             "subheadline": lines[2].strip(), "paragraphs": paragraphs})
    return articles


def make_articles(corpus, count, seed=7):
    """``count`` distinct articles: a corpus headline, paragraphs drawn from the whole corpus."""
    rng = random.Random(seed)
    pool = [p for a in corpus for p in a["paragraphs"]]
    names = sorted({n for a in corpus for p in a["paragraphs"][:2] for n in names_in_byline(p)})
    start = datetime.date(2019, 1, 1)
    for i in range(count):
        base = corpus[i % len(corpus)]
        body = base["paragraphs"] if i < len(corpus) else rng.sample(pool, len(base["paragraphs"]))
        page = rng.choice([1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
        yield {
            "id": i + 1,
            "headline": base["headline"],
            "kicker": base["kicker"],
            "subheadline": base["subheadline"],
            "body": "\n\n".join(body),
            "names": rng.sample(names, rng.choice([0, 1, 1, 2, 2, 3])),
            "paper": rng.choice(["peoples-daily", "taiyuan-daily", "shanxi-daily"]),
            "date": start + datetime.timedelta(days=rng.randrange(5 * 365)),
            "pages": [page] if rng.random() > 0.05 else [page, page + 1],
            "kind": rng.choice(KINDS),
        }


def text_bytes(article):
    return len("\n".join([article["headline"], article["kicker"], article["subheadline"], article["body"],
                          *article["names"]]).encode("utf-8"))


def dir_bytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def make_queries(corpus, articles_sample, count, seed=11):
    """Realistic queries by kind: names, common and rare words, phrases, filtered, multi-word."""
    rng = random.Random(seed)
    words = {}
    for article in articles_sample[:3000]:
        for token in set(re.findall(r"[\u4e00-\u9fff]{2,4}", article["headline"])):
            words[token] = words.get(token, 0) + 1
    common = ["发展", "经济", "改革", "人民", "建设", "合作", "创新", "文化", "生态", "疫情", "教育", "乡村振兴",
              "脱贫攻坚", "一带一路", "高质量", "习近平", "中国", "国际", "企业", "科技"]
    rare = [w for w, n in words.items() if n == 1]
    names = sorted({n for a in corpus for p in a["paragraphs"][:2] for n in names_in_byline(p)})
    # A reader quotes whole words (a name, a slogan, a few words of a sentence), so phrases
    # are 2-3 consecutive words of a real sentence, not arbitrary character runs.
    phrases = []
    for article in rng.sample(articles_sample, 200):
        paragraph = rng.choice(article["body"].split("\n\n"))
        runs = re.findall(r"[\u4e00-\u9fff]{4,20}", paragraph)
        if runs:
            words = segment(rng.choice(runs)).words
            if len(words) >= 2:
                start = rng.randrange(max(1, len(words) - 2))
                phrases.append("".join(words[start : start + rng.choice([2, 3])]))
    queries = []
    per_kind = max(1, count // 6)
    for _ in range(per_kind):
        queries.append(("name", rng.choice(names), Filters()))
        queries.append(("common word", rng.choice(common), Filters()))
        queries.append(("rare word", rng.choice(rare), Filters()))
        queries.append(("phrase", f'"{rng.choice(phrases)}"', Filters()))
        queries.append(("two words", f"{rng.choice(common)} {rng.choice(rare[:500] or common)}", Filters()))
        year = rng.randint(2019, 2023)
        queries.append(("filtered", rng.choice(common), Filters(
            date_from=datetime.date(year, 1, 1), date_to=datetime.date(year, 6, 30),
            kind=rng.choice(["", "news"]), page=rng.choice([None, 1]))))
    return queries, phrases


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class LineCache:
    """``segment`` line by line with a cache: the articles reuse the corpus's paragraphs, and
    jieba never joins across a line break, so the tokens are those of ``segment(text)``
    (checked on the first articles by ``check_line_cache``)."""

    def __init__(self):
        self.lines = {}

    def __call__(self, text):
        words, subwords = [], []
        for line in text.split("\n"):
            if line not in self.lines:
                self.lines[line] = segment(line)
            if words and self.lines[line].words:
                words.append(BREAK)
            words += self.lines[line].words
            subwords += self.lines[line].subwords
        return Segmented(words=words, subwords=subwords)


def check_line_cache(articles):
    cache = LineCache()
    for article in articles:
        assert prepare(article, cache) == prepare(article, segment), article["headline"]


def time_segmentation(articles):
    """Articles per second through jieba for real (no cache)."""
    t0 = time.perf_counter()
    for article in articles:
        prepare(article, segment)
    return len(articles) / (time.perf_counter() - t0)


def prepare(article, segmenter):
    return prepare_fields(headline=article["headline"], kicker=article["kicker"],
                          subheadline=article["subheadline"], body=article["body"], captions=[],
                          names=article["names"], paper=article["paper"], date=article["date"],
                          pages=article["pages"], kind=article["kind"], needs_review=False, segmenter=segmenter)


def build_xapian(articles, path, checkpoint=None, at=None):
    """Write the articles; call ``checkpoint()`` (its time not counted) after ``at`` of them."""
    database = xapian.WritableDatabase(str(path), xapian.DB_CREATE_OR_OVERWRITE)
    weights = {"headline": HEADLINE_BOOST}
    segmenter = LineCache()
    write_seconds = 0.0
    for i, article in enumerate(articles, 1):
        data = prepare(article, segmenter)
        t1 = time.perf_counter()
        doc = build_document(article["id"], data, weights)
        term = f"Qarchive.article.{article['id']}"
        doc.add_boolean_term(term)
        database.replace_document(term, doc)
        if i % 10_000 == 0 or i == at:
            database.commit()
        write_seconds += time.perf_counter() - t1
        if i == at and checkpoint:
            checkpoint()
    t1 = time.perf_counter()
    database.commit()
    database.close()
    write_seconds += time.perf_counter() - t1
    return write_seconds


def time_xapian_queries(path, queries):
    database = xapian.Database(str(path))
    timings = {}
    counts = []
    for kind, q, filters in queries:
        t0 = time.perf_counter()
        matches = run_query(database, compile_query(parse_query(q)), filters, limit=20, facets=FACETS)
        timings.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
        counts.append(matches.count)
    return timings, counts


def phrase_accuracy(path, articles, phrases, sample=15):
    """How often the phrase count equals the number of articles containing the exact string."""
    database = xapian.Database(str(path))
    texts = [normalise("\n".join([a["headline"], a["kicker"], a["subheadline"], a["body"], *a["names"]]))
             for a in articles]
    rows = []
    for phrase in FIXED_PHRASES + phrases[:sample]:
        truth = sum(1 for text in texts if normalise(phrase) in text)
        # Every match checked, so these are exact counts, not the estimates the site shows.
        everything = database.get_doccount()
        found = run_query(database, compile_query(parse_query(f'"{phrase}"')), Filters(), limit=1,
                          check_at_least=everything).count
        words = run_query(database, compile_query(parse_query(phrase)), Filters(), limit=1,
                          check_at_least=everything).count
        rows.append((phrase, truth, found, words))
    return rows


def build_whoosh(articles, path):
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields, index

    analyzer = ChineseAnalyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        headline=fields.TEXT(analyzer=analyzer, field_boost=HEADLINE_BOOST),
        content=fields.TEXT(analyzer=analyzer),
        date=fields.DATETIME(sortable=True),
        kind=fields.ID(sortable=True), paper=fields.ID(sortable=True),
        pages=fields.KEYWORD(commas=True), contributors=fields.KEYWORD(commas=True),
        year=fields.ID(sortable=True), month=fields.ID(sortable=True),
    )
    os.makedirs(path, exist_ok=True)
    ix = index.create_in(str(path), schema)
    writer = ix.writer(limitmb=256)
    t0 = time.perf_counter()
    for article in articles:
        writer.add_document(
            id=str(article["id"]), headline=normalise(article["headline"]),
            content=normalise("\n".join([article["kicker"], article["subheadline"], article["body"],
                                         *article["names"]])),
            date=datetime.datetime.combine(article["date"], datetime.time()), kind=article["kind"],
            paper=article["paper"], pages=",".join(map(str, article["pages"])),
            contributors=",".join(article["names"]) or None,
            year=str(article["date"].year), month=article["date"].strftime("%Y-%m"),
        )
    writer.commit()
    return ix, time.perf_counter() - t0


def time_whoosh_queries(ix, queries):
    from whoosh import query as wq
    from whoosh import sorting
    from whoosh.qparser import AndGroup, MultifieldParser

    parser = MultifieldParser(["headline", "content"], ix.schema, group=AndGroup)
    facets = {name: sorting.FieldFacet(name) for name in ("year", "month", "kind", "paper")}
    facets["pages"] = sorting.FieldFacet("pages", allow_overlap=True)
    facets["contributors"] = sorting.FieldFacet("contributors", allow_overlap=True)
    timings = {}
    with ix.searcher() as searcher:
        for kind, q, filters in queries:
            t0 = time.perf_counter()
            restrict = []
            if filters.date_from:
                restrict.append(wq.DateRange("date", datetime.datetime.combine(filters.date_from, datetime.time()),
                                             datetime.datetime.combine(filters.date_to, datetime.time())))
            if filters.kind:
                restrict.append(wq.Term("kind", filters.kind))
            if filters.page:
                restrict.append(wq.Term("pages", str(filters.page)))
            parsed = parser.parse(normalise(q))
            results = searcher.search(parsed, limit=20, groupedby=facets,
                                      filter=wq.And(restrict) if restrict else None)
            len(results)
            for name in facets:
                results.groups(name)
            timings.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
    return timings


def summarise(timings):
    everything = [t for values in timings.values() for t in values]
    return statistics.median(everything), percentile(everything, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--whoosh-articles", type=int, default=None,
                        help="articles for Whoosh (default: min(--articles, 10000)); extrapolated")
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--keep", action="store_true", help="keep the index folders")
    args = parser.parse_args()
    whoosh_n = args.whoosh_articles or min(args.articles, 10_000)

    load_userdict_lines(USERDICT_PATH.read_text(encoding="utf-8").splitlines())
    corpus = load_corpus()
    print(f"corpus: {len(corpus)} articles; building {args.articles} (Whoosh: {whoosh_n})", flush=True)
    articles = list(make_articles(corpus, args.articles))
    text_size = sum(map(text_bytes, articles))
    queries, phrases = make_queries(corpus, articles, args.queries)
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))

    check_line_cache(articles[:200])
    segment_rate = time_segmentation(articles[:SEGMENT_SAMPLE])
    xpath = workdir / "xapian"
    early = {}
    quarter = args.articles // 4

    def measure_quarter():
        time_xapian_queries(xpath, queries[:20])
        early["times"], _ = time_xapian_queries(xpath, queries)

    write_s = build_xapian(articles, xpath, measure_quarter, quarter)
    time_xapian_queries(xpath, queries[:20])
    late_times, _ = time_xapian_queries(xpath, queries)
    x_size = dir_bytes(xpath)
    compact = workdir / "xapian-compact"
    t0 = time.perf_counter()
    xapian.Database(str(xpath)).compact(str(compact))
    compact_s = time.perf_counter() - t0
    xc_size = dir_bytes(compact)
    time_xapian_queries(compact, queries[:20])  # warm the OS cache and jieba
    x_times, x_counts = time_xapian_queries(compact, queries)
    accuracy = phrase_accuracy(compact, articles, phrases)
    print(f"xapian done: jieba {segment_rate:.0f} docs/s, write {write_s:.0f}s", flush=True)

    w_articles = articles[:whoosh_n]
    w_text = sum(map(text_bytes, w_articles))
    ix, w_build_s = build_whoosh(w_articles, workdir / "whoosh")
    w_size = dir_bytes(workdir / "whoosh")
    w_times = time_whoosh_queries(ix, queries)
    scale = args.articles / whoosh_n

    write_rate = args.articles / write_s
    x_rate = 1 / (1 / segment_rate + 1 / write_rate)
    w_rate = whoosh_n / w_build_s
    x_med, x_p95 = summarise(x_times)
    w_med, w_p95 = summarise(w_times)
    per_article = xc_size / args.articles
    # Growth of p95 between a quarter and all of the articles (same uncompacted index),
    # extrapolated as a power law to 1.5M.
    q_p95, n_p95 = summarise(early["times"])[1], summarise(late_times)[1]
    exponent = math.log(n_p95 / q_p95) / math.log(args.articles / quarter) if q_p95 > 0 else 1.0
    projected_p95 = x_p95 * (TARGET_ARTICLES / args.articles) ** exponent
    w_label = "" if scale == 1 else f" (built on {whoosh_n}, ×{scale:g} extrapolated)"
    print()
    print(f"Search benchmark: {args.articles:,} articles, {text_size / 1e6:.1f} MB UTF-8 text "
          f"({text_size / args.articles:,.0f} B/article), {len(queries)} queries with 6 facets, page of 20")
    print()
    rows = [
        ("", "Xapian (lean, jieba)", f"Whoosh + ChineseAnalyzer{w_label}"),
        ("build rate (docs/s)", f"{x_rate:,.0f}  (jieba {segment_rate:,.0f}/s on {SEGMENT_SAMPLE:,}, "
                                f"xapian {write_rate:,.0f}/s on all)", f"{w_rate:,.0f}"),
        ("index size", f"{x_size / 1e6:,.1f} MB = {x_size / text_size:.2f}× text", 
         f"{w_size * scale / 1e6:,.1f} MB = {w_size / w_text:.2f}× text"),
        ("  after compaction", f"{xc_size / 1e6:,.1f} MB = {xc_size / text_size:.2f}× text ({compact_s:.0f}s)", "-"),
        ("query median / p95 (ms)", f"{x_med:.1f} / {x_p95:.1f}",
         f"{w_med:.1f} / {w_p95:.1f}" + ("" if scale == 1 else f" at {whoosh_n:,}")),
    ]
    for kind in x_times:
        rows.append((f"  {kind}", f"{statistics.median(x_times[kind]):.1f} / {percentile(x_times[kind], .95):.1f}",
                     f"{statistics.median(w_times[kind]):.1f} / {percentile(w_times[kind], .95):.1f}"))
    rows += [
        ("1.5M articles: index size", f"{per_article * TARGET_ARTICLES / 1e9:,.1f} GB",
         f"{w_size / whoosh_n * TARGET_ARTICLES / 1e9:,.1f} GB"),
        ("1.5M articles: full build", f"{TARGET_ARTICLES / x_rate / 3600:,.1f} h",
         f"{TARGET_ARTICLES / w_rate / 3600:,.1f} h (rebuilds slow as it grows)"),
        ("1.5M articles: p95", f"{projected_p95:,.0f} ms (p95 {q_p95:.1f} ms at {quarter:,}, "
                               f"{n_p95:.1f} at {args.articles:,} uncompacted: ∝ N^{exponent:.2f})",
         f"{w_p95 * TARGET_ARTICLES / whoosh_n:,.0f} ms (linear in N)"),
    ]
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)))
    print()
    for name in sorted(os.listdir(compact)):
        if name.endswith(".glass"):
            print(f"  {name:<18} {(compact / name).stat().st_size / 1e6:8.1f} MB")
    print(f"matches per query: median {statistics.median(x_counts):,.0f}, max {max(x_counts):,}")
    print("phrase check (exact-string articles / phrase query / same words unquoted):")
    exact = sum(1 for _, truth, found, _ in accuracy if truth == found)
    for phrase, truth, found, words in accuracy:
        print(f"  {phrase:<12} {truth:>6} {found:>6} {words:>6}")
    print(f"  phrase count equals the exact-string count for {exact}/{len(accuracy)} phrases")
    if not args.keep:
        shutil.rmtree(workdir)
    else:
        print(f"indexes kept in {workdir}")


if __name__ == "__main__":
    main()
