"""Search benchmark: known items found by the Xapian index, Whoosh + jieba's ChineseAnalyzer and
PostgreSQL pg_trgm on the same articles, and the Xapian index's size and latency at N articles.

    .venv/bin/python bench/search.py [--articles 100000] [--pg-url postgres://…/db]

Quality, on the 人民日报 corpus (/work/shared/corpus/peoples-daily, identical copies of an
article on two pages kept once), reported apart for 2019-02 (settings such as
``backend.BIGRAM_WEIGHT`` were tuned on it) and 2019-10 (never tuned on):

- quoted strings: 2–12 characters cut from a random line of a random field of an article,
  starting and ending anywhere (punctuation, digits and names too: one in ten is a name from
  a byline), unfiltered except that a string holding an ASCII double quote cannot be quoted.
  Each is searched as ``"string"`` over every article; the truth is every article with the
  string in one of its lines, folded (``archive.search.exact``: whitespace dropped,
  traditional → simplified, full-width → half-width). Recall and precision over all matches.
- natural queries: 2–4 adjacent jieba words of a body paragraph, typed together unquoted; the
  rank of the article they came from gives MRR and recall@10. Drawn three ways: any words (的重要,
  月10日: often in hundreds of articles, so no engine can rank the source first), content words
  only (each of two Chinese characters or more) and, as issue #11 measures it, 150 a month of
  2–3 adjacent words (any words). Two oracles' MRR are printed beside: one ranking the articles
  that hold the query first, in random order, and one ranking by the chance that the draw gives
  the query (``likelihood_ceiling``: the most any engine can expect on these queries).

Scale, on N articles (default 5,000; ``--articles 100000`` for the DESIGN budget): the corpus
articles first, then articles made of a corpus headline and as many paragraphs as that article
has, drawn at random from the whole corpus, with random dates over five years, papers, kinds,
pages and 0–3 names. Documents go through ``documents.prepare_fields`` and
``backend.build_document`` (the code path of ``rebuild_index``; jieba is cached per line:
jieba never joins across a line break, checked on the first 200 articles), the index is
compacted and the quoted strings and natural queries are timed through
``compile_query`` + ``run_query`` with every facet (the timeline's year and month included)
and a page of 20; the quoted strings' matches are checked against the truth at N as well
(``--check-at-scale`` of them). Whoosh and pg_trgm are timed on the corpus articles.
"""
import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
import xapian  # noqa: E402

from archive.search.backend import FACETS, Filters, build_document, compile_query, run_query  # noqa: E402
from archive.search.documents import HEADLINE_BOOST, prepare_fields  # noqa: E402
from archive.search.exact import fold, folded_lines  # noqa: E402
from archive.search.query import parse_query  # noqa: E402
from archive.search.segment import BREAK, Segmented, load_userdict_lines, normalise, segment  # noqa: E402
from archive.search.userdict import USERDICT_PATH, names_in_byline  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "peoples-daily"
MONTHS = ("2019-02", "2019-10")  # tuned on / held out
KINDS = ["news"] * 7 + ["commentary", "photo", "brief"]
CONTENT_WORD = re.compile("[\u4e00-\u9fff]{2,}")
RANKED = 100  # natural queries: the rank of the source article is looked for in the first 100


def load_corpus():
    """Corpus articles, each once (an article printed in full on two pages is one article)."""
    articles, seen = [], set()
    for path in sorted(CORPUS.glob("*/*/*.txt")):
        lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        paragraphs = [line.strip("\u3000 ") for line in lines[3:] if line.strip("\u3000 ")]
        key = (lines[1].strip(), tuple(paragraphs))
        if lines[1].strip() and paragraphs and key not in seen:
            seen.add(key)
            articles.append({"kicker": lines[0].strip(), "headline": lines[1].strip(),
                             "subheadline": lines[2].strip(), "paragraphs": paragraphs,
                             "month": path.parent.parent.name})
    return articles


def make_articles(corpus, count, seed=7):
    """``count`` articles: the corpus's, then a corpus headline over paragraphs drawn from the
    whole corpus, so texts are distinct and of realistic length."""
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
            "month": base["month"] if i < len(corpus) else "",
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


def fields(article):
    return [article["headline"], article["kicker"], article["subheadline"], article["body"], *article["names"]]


def text_bytes(article):
    return len("\n".join(fields(article)).encode("utf-8"))


def folded_text(article):
    return "\n".join(folded_lines(*fields(article)))


def dir_bytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# Queries ------------------------------------------------------------------------------------

def draw_strings(articles, month, count, rng):
    """Quoted strings cut anywhere from the articles of ``month``: (string, source id)."""
    pool = [a for a in articles if a["month"] == month]
    strings = []
    while len(strings) < count:
        article = rng.choice(pool)
        names = names_in_byline(article["body"].split("\n\n")[0])
        if names and rng.random() < 0.1:
            strings.append((rng.choice(names), article["id"]))
            continue
        field = rng.choice([f for f in fields(article)[:3] if f]) if rng.random() < 0.2 else article["body"]
        line = rng.choice([line for line in field.splitlines() if line.strip()])
        length = min(rng.randint(2, 12), len(line))
        start = rng.randrange(len(line) - length + 1)
        string = line[start : start + length]
        if len(fold(string)) >= 2 and '"' not in string and "＂" not in string:
            strings.append((string, article["id"]))
    return strings


def draw_natural(articles, month, count, rng, content=False, most=4):
    """Natural queries: 2–``most`` adjacent words of a paragraph of ``month``, typed together;
    with ``content``, words of two Chinese characters or more only (no 的, 在, digits)."""
    pool = [a for a in articles if a["month"] == month]
    queries = []
    while len(queries) < count:
        article = rng.choice(pool)
        words = segment(rng.choice(article["body"].split("\n\n"))).words
        size = rng.randint(2, most)
        starts = word_starts(words, size, content)
        if starts:
            start = rng.choice(starts)
            queries.append(("".join(words[start : start + size]), article["id"]))
    return queries


def word_starts(words, size, content=False):
    """Where ``size`` adjacent words of ``words`` may start in draw_natural."""
    usable = [word != BREAK and (not content or CONTENT_WORD.fullmatch(word) is not None) for word in words]
    return [i for i in range(len(words) - size + 1) if all(usable[i : i + size])]


# Xapian -------------------------------------------------------------------------------------

class LineCache:
    """``segment`` line by line with a cache: the articles reuse the corpus's paragraphs, and
    jieba never joins across a line break, so the tokens are those of ``segment(text)``
    (checked on the first articles by ``check_line_cache``)."""

    def __init__(self):
        self.lines = {}

    def __call__(self, text):
        words = []
        for line in text.split("\n"):
            if line not in self.lines:
                self.lines[line] = segment(line).words
            if words and self.lines[line]:
                words.append(BREAK)
            words += self.lines[line]
        return Segmented(words=words)


def prepare(article, segmenter):
    return prepare_fields(headline=article["headline"], kicker=article["kicker"],
                          subheadline=article["subheadline"], byline="", body=article["body"], captions=[],
                          names=article["names"], paper=article["paper"], date=article["date"],
                          pages=article["pages"], kind=article["kind"], needs_review=False, segmenter=segmenter)


def check_line_cache(articles):
    cache = LineCache()
    for article in articles:
        assert prepare(article, cache) == prepare(article, segment), article["headline"]


SEGMENTER = LineCache()


def build_xapian(articles, path):
    """Write and compact the index; returns (seconds, compaction seconds, compacted path)."""
    t0 = time.perf_counter()
    database = xapian.WritableDatabase(str(path), xapian.DB_CREATE_OR_OVERWRITE)
    weights = {"headline": HEADLINE_BOOST}
    segmenter = SEGMENTER
    for i, article in enumerate(articles, 1):
        doc = build_document(article["id"], prepare(article, segmenter), weights)
        term = f"Qarchive.article.{article['id']}"
        doc.add_boolean_term(term)
        database.replace_document(term, doc)
        if i % 10_000 == 0:
            database.commit()
    database.commit()
    database.close()
    build_s = time.perf_counter() - t0
    compact = path.with_name(path.name + "-compact")
    t0 = time.perf_counter()
    xapian.Database(str(path)).compact(str(compact))
    return build_s, time.perf_counter() - t0, compact


def xapian_all(database, q):
    everything = database.get_doccount()
    return run_query(database, compile_query(parse_query(q)), Filters(), limit=everything,
                     check_at_least=everything).ids


def xapian_ranked(database, q):
    return run_query(database, compile_query(parse_query(q)), Filters(), limit=RANKED).ids


def xapian_page(database, q):
    """What the site asks: a page of 20 with every facet (timeline = year and month facets)."""
    return run_query(database, compile_query(parse_query(q)), Filters(), limit=20, facets=FACETS).ids


# Whoosh -------------------------------------------------------------------------------------

def build_whoosh(articles, path):
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields as wf
    from whoosh import index

    analyzer = ChineseAnalyzer()
    schema = wf.Schema(
        id=wf.NUMERIC(stored=True, unique=True),
        headline=wf.TEXT(analyzer=analyzer, field_boost=HEADLINE_BOOST),
        content=wf.TEXT(analyzer=analyzer),
        kind=wf.ID(sortable=True), paper=wf.ID(sortable=True),
        pages=wf.KEYWORD(commas=True), contributors=wf.KEYWORD(commas=True),
        year=wf.ID(sortable=True), month=wf.ID(sortable=True),
    )
    os.makedirs(path, exist_ok=True)
    ix = index.create_in(str(path), schema)
    writer = ix.writer(limitmb=256)
    t0 = time.perf_counter()
    for article in articles:
        writer.add_document(
            id=article["id"], headline=normalise(article["headline"]),
            content=normalise("\n".join(fields(article)[1:])),
            kind=article["kind"], paper=article["paper"], pages=",".join(map(str, article["pages"])),
            contributors=",".join(article["names"]) or None,
            year=str(article["date"].year), month=article["date"].strftime("%Y-%m"),
        )
    writer.commit()
    return ix, time.perf_counter() - t0


class Whoosh:
    def __init__(self, ix):
        from whoosh import sorting
        from whoosh.qparser import AndGroup, MultifieldParser

        self.searcher = ix.searcher()
        self.parser = MultifieldParser(["headline", "content"], ix.schema, group=AndGroup)
        self.facets = {name: sorting.FieldFacet(name) for name in ("year", "month", "kind", "paper")}
        self.facets["pages"] = sorting.FieldFacet("pages", allow_overlap=True)
        self.facets["contributors"] = sorting.FieldFacet("contributors", allow_overlap=True)

    def ids(self, q, limit=None):
        results = self.searcher.search(self.parser.parse(normalise(q)), limit=limit)
        return [hit["id"] for hit in results]

    def page(self, q):
        results = self.searcher.search(self.parser.parse(normalise(q)), limit=20, groupedby=self.facets)
        for name in self.facets:
            results.groups(name)
        return [hit["id"] for hit in results]


# pg_trgm ------------------------------------------------------------------------------------

class Trigrams:
    """The same articles' text in a PostgreSQL table with a pg_trgm GIN index: quoted strings
    as LIKE '%string%' (the index finds candidates for three characters or more), natural
    queries ranked by word_similarity."""

    def __init__(self, url, articles):
        self.conn = psycopg.connect(url, autocommit=True)
        self.conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        self.conn.execute("DROP TABLE IF EXISTS bench_search_trgm")
        self.conn.execute("CREATE TABLE bench_search_trgm (id int PRIMARY KEY, text text NOT NULL)")
        t0 = time.perf_counter()
        with self.conn.cursor().copy("COPY bench_search_trgm (id, text) FROM STDIN") as copy:
            for article in articles:
                copy.write_row((article["id"], "\n".join(fields(article))))
        self.conn.execute("CREATE INDEX bench_search_trgm_gin ON bench_search_trgm USING gin (text gin_trgm_ops)")
        self.conn.execute("ANALYZE bench_search_trgm")
        self.build_s = time.perf_counter() - t0
        self.size = self.conn.execute(
            "SELECT pg_relation_size('bench_search_trgm_gin'), pg_total_relation_size('bench_search_trgm')"
        ).fetchone()

    def exact(self, string, limit=None):
        pattern = "%" + string.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = "SELECT id FROM bench_search_trgm WHERE text LIKE %s" + (f" LIMIT {limit}" if limit else "")
        return [row[0] for row in self.conn.execute(sql, (pattern,))]

    def ranked(self, q, limit=RANKED):
        return [row[0] for row in self.conn.execute(
            "SELECT id FROM bench_search_trgm WHERE %s <%% text ORDER BY word_similarity(%s, text) DESC LIMIT %s",
            (q, q, limit))]

    def close(self):
        self.conn.execute("DROP TABLE bench_search_trgm")
        self.conn.close()


# Measures -----------------------------------------------------------------------------------

def exact_quality(strings, search, truth_of):
    """Recall and precision over all matches, and how often the source article was found."""
    found = expected = returned = sources = 0
    misses = []
    for string, source in strings:
        got, truth = set(search(string)), truth_of(string)
        found += len(got & truth)
        expected += len(truth)
        returned += len(got)
        sources += source in got
        if got != truth and len(misses) < 3:
            misses.append(string)
    return {"recall": found / expected, "precision": found / returned if returned else 0.0,
            "source": sources / len(strings), "misses": misses}


def ranking_quality(queries, search):
    reciprocal = at10 = 0.0
    for q, source in queries:
        ids = search(q)
        if source in ids:
            rank = ids.index(source) + 1
            reciprocal += 1 / rank
            at10 += rank <= 10
    return {"mrr": reciprocal / len(queries), "r10": at10 / len(queries)}


def ranking_ceiling(queries, truth_of):
    """The MRR of an oracle that ranks the articles holding the query as typed first, in a
    random order: a query found in k articles scores H(k)/k on average."""
    total = 0.0
    for q, _ in queries:
        k = max(1, len(truth_of(q)))
        total += sum(1 / i for i in range(1, k + 1)) / k
    return total / len(queries)


def likelihood_ceiling(queries, articles, content=False, most=4):
    """The MRR of an oracle that knows how draw_natural drew the queries: it ranks each article
    by the chance that the draw gives the query (one of its paragraphs, then 2–``most`` adjacent
    words in it), over the size of the article's month, in random order where that ties. Ranking
    by the chance an article is the source maximises the expected MRR: no engine can expect more
    on these queries."""
    sizes = range(2, most + 1)
    months = Counter(a["month"] for a in articles)
    texts = [(a, "".join(normalise(a["body"]).split())) for a in articles]
    total = 0.0
    for q, source in queries:
        chances = {source: 0.0}
        for article, text in texts:
            if q in text:
                paragraphs = [SEGMENTER(p).words for p in article["body"].split("\n\n")]
                chance = 0.0
                for words in paragraphs:
                    for size in sizes:
                        if starts := word_starts(words, size, content):
                            hits = sum("".join(words[i : i + size]) == q for i in starts)
                            chance += hits / len(starts) / len(sizes)
                chances[article["id"]] = chance / len(paragraphs) / months[article["month"]]
        mine = chances[source]
        above = sum(chance > mine for chance in chances.values())
        tied = sum(chance == mine for chance in chances.values())
        total += sum(1 / rank for rank in range(above + 1, above + tied + 1)) / tied
    return total / len(queries)


def timed(queries, search):
    """Milliseconds per query, wall clock and this process's CPU time (which other processes on a
    shared machine disturb less)."""
    wall, cpu = [], []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        search(q)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def latency(times):
    return f"{statistics.median(times):.1f} / {percentile(times, 0.95):.1f}"


def truth_finder(articles):
    texts = [(a["id"], folded_text(a)) for a in articles]

    def truth(string):
        needle = fold(string)
        return {pk for pk, text in texts if needle in text}

    return truth


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles in the index timed and sized")
    parser.add_argument("--strings", type=int, default=600, help="quoted strings per month")
    parser.add_argument("--natural", type=int, default=300, help="natural queries per month")
    parser.add_argument("--check-at-scale", type=int, default=300,
                        help="quoted strings checked against the truth at --articles as well")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
                        help="a database for the pg_trgm comparison (a table is made and dropped)")
    parser.add_argument("--keep", action="store_true", help="keep the index folders")
    parser.add_argument("--index", type=Path,
                        help="time and size a kept compacted index of --articles articles (…/xapian-compact "
                             "of a --keep run, same index format) instead of building one")
    args = parser.parse_args()
    started = time.perf_counter()

    load_userdict_lines(USERDICT_PATH.read_text(encoding="utf-8").splitlines())
    corpus = load_corpus()
    rng = random.Random(2019)
    evaluation = list(make_articles(corpus, len(corpus)))
    strings = {m: draw_strings(evaluation, m, args.strings, rng) for m in MONTHS}
    natural = {m: draw_natural(evaluation, m, args.natural, rng) for m in MONTHS}
    content = {m: draw_natural(evaluation, m, args.natural, rng, content=True) for m in MONTHS}
    # The issue's own measure (#11): 150 queries of 2–3 adjacent words (any words) a month.
    issue = {m: draw_natural(evaluation, m, 150, rng, most=3) for m in MONTHS}
    all_strings = [s for m in MONTHS for s in strings[m]]
    all_natural = [q for m in MONTHS for q in natural[m] + content[m]]
    print(f"corpus: {len(corpus):,} articles; {len(all_strings):,} quoted strings, "
          f"{len(all_natural):,} natural queries; index at {args.articles:,} articles", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    check_line_cache(evaluation[:200])

    # Quality on the corpus, three engines.
    truth = truth_finder(evaluation)
    _, _, x_eval_path = build_xapian(evaluation, workdir / "xapian-eval")
    x_eval = xapian.Database(str(x_eval_path))
    ix, _ = build_whoosh(evaluation, workdir / "whoosh")
    whoosh = Whoosh(ix)
    trgm = Trigrams(args.pg_url, evaluation)
    engines = {
        "Xapian (bigrams + jieba words)": (lambda s: xapian_all(x_eval, f'"{s}"'), lambda q: xapian_ranked(x_eval, q),
                                           lambda s: xapian_page(x_eval, f'"{s}"'), lambda q: xapian_page(x_eval, q)),
        "Whoosh + ChineseAnalyzer": (lambda s: whoosh.ids(f'"{s}"'), lambda q: whoosh.ids(q, RANKED),
                                     lambda s: whoosh.page(f'"{s}"'), whoosh.page),
        "PostgreSQL pg_trgm": (trgm.exact, trgm.ranked, lambda s: trgm.exact(s, 20), lambda q: trgm.ranked(q, 20)),
    }
    rows = [("", "month", "quoted recall", "precision", "source found", "natural MRR", "recall@10",
             "content MRR", "recall@10", "2–3 words MRR", "recall@10", "quoted p50/p95 ms", "natural p50/p95 ms")]
    misses = {}
    for name, (exact_all, ranked, exact_page, natural_page) in engines.items():
        exact_page(all_strings[0][0])
        t_exact, _ = timed([s for s, _ in all_strings], exact_page)
        t_natural, _ = timed([q for q, _ in all_natural], natural_page)
        for month in MONTHS:
            e = exact_quality(strings[month], exact_all, truth)
            r = ranking_quality(natural[month], ranked)
            c = ranking_quality(content[month], ranked)
            i = ranking_quality(issue[month], ranked)
            misses[(name, month)] = e["misses"]
            rows.append((name if month == MONTHS[0] else "", month + (" (held out)" if month == MONTHS[1] else ""),
                         f"{e['recall']:.2%}", f"{e['precision']:.2%}", f"{e['source']:.2%}",
                         f"{r['mrr']:.3f}", f"{r['r10']:.2%}", f"{c['mrr']:.3f}", f"{c['r10']:.2%}", f"{i['mrr']:.3f}", f"{i['r10']:.2%}",
                         latency(t_exact) if month == MONTHS[0] else "", latency(t_natural) if month == MONTHS[0] else ""))
        print(f"{name} done", flush=True)
    text_eval = sum(map(text_bytes, evaluation))
    sizes = {
        "Xapian (bigrams + jieba words)": dir_bytes(x_eval_path),
        "Whoosh + ChineseAnalyzer": dir_bytes(workdir / "whoosh"),
        "PostgreSQL pg_trgm": trgm.size[0],
    }
    trgm.close()

    # Scale: size and latency at N articles.
    articles = list(make_articles(corpus, args.articles))
    text_size = sum(map(text_bytes, articles))
    if args.index:
        build_s = compact_s = x_size = None
        x_path = args.index
    else:
        build_s, compact_s, x_path = build_xapian(articles, workdir / "xapian")
        x_size = dir_bytes(workdir / "xapian")
    xc_size = dir_bytes(x_path)
    database = xapian.Database(str(x_path))
    xapian_page(database, '"' + all_strings[0][0] + '"')
    load = os.getloadavg()[0]
    t_exact, c_exact = timed([f'"{s}"' for s, _ in all_strings], lambda q: xapian_page(database, q))
    t_natural, c_natural = timed([q for q, _ in all_natural], lambda q: xapian_page(database, q))
    load = f"{load:.1f} → {os.getloadavg()[0]:.1f}"
    checked = all_strings[:: max(1, len(all_strings) // args.check_at_scale)][: args.check_at_scale]
    at_scale = exact_quality(checked, lambda s: xapian_all(database, f'"{s}"'), truth_finder(articles))
    tables = {p.name: p.stat().st_size for p in sorted(x_path.iterdir()) if p.name.endswith(".glass")}

    print()
    print(f"Search benchmark, corpus: {len(evaluation):,} articles ({text_eval / 1e6:.1f} MB text); "
          f"{len(all_strings):,} quoted strings, {len(all_natural):,} natural queries "
          f"(half from each month); latency with every facet and a page of 20 (pg_trgm: page of 20, no facets)")
    print()
    width = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width[i]) for i, cell in enumerate(row)))
    for month in MONTHS:
        print(f"  {month}: MRR of an oracle ranking the articles that hold the query as typed first, in random "
              f"order: natural {ranking_ceiling(natural[month], truth):.3f}, "
              f"content {ranking_ceiling(content[month], truth):.3f}, 2–3 words {ranking_ceiling(issue[month], truth):.3f}")
        print(f"  {month}: MRR of an oracle that knows how the queries were drawn (ranking by the chance that "
              f"the draw gives the query), the most any engine can expect: "
              f"natural {likelihood_ceiling(natural[month], evaluation):.3f}, "
              f"content {likelihood_ceiling(content[month], evaluation, content=True):.3f}, "
              f"2–3 words {likelihood_ceiling(issue[month], evaluation, most=3):.3f}")
    print()
    for name, size in sizes.items():
        print(f"  index size on the corpus, {name}: {size / 1e6:.1f} MB = {size / text_eval:.2f}× text")
    for (name, month), strings_missed in misses.items():
        if strings_missed:
            print(f"  {name} {month}: e.g. missed or wrong {strings_missed}")
    print()
    print(f"Xapian at {args.articles:,} articles ({text_size / 1e6:.1f} MB UTF-8 text, "
          f"{text_size / args.articles:,.0f} B/article):")
    if build_s is not None:
        print(f"  build {build_s:.0f} s ({args.articles / build_s:,.0f} docs/s, jieba cached per line), "
              f"compaction {compact_s:.0f} s")
        print(f"  index {x_size / 1e6:,.1f} MB = {x_size / text_size:.2f}× text")
    print(f"  compacted {xc_size / 1e6:,.1f} MB = {xc_size / text_size:.2f}× text "
          f"({', '.join(f'{k} {v / xc_size:.0%}' for k, v in tables.items())})" + (f", kept in {x_path}" if args.index else ""))
    print(f"  quoted strings p50/p95 {latency(t_exact)} ms; natural queries p50/p95 {latency(t_natural)} ms; "
          f"all {latency(t_exact + t_natural)} ms (wall clock, load average {load} on {os.cpu_count()} cores)")
    print(f"  CPU time: quoted strings p50/p95 {latency(c_exact)} ms; natural queries p50/p95 {latency(c_natural)} ms; "
          f"all {latency(c_exact + c_natural)} ms")
    print(f"  quoted strings checked at this size: {len(checked)}, recall {at_scale['recall']:.2%}, "
          f"precision {at_scale['precision']:.2%}" + (f", e.g. {at_scale['misses']}" if at_scale["misses"] else ""))
    print(f"total time {(time.perf_counter() - started) / 60:.1f} min")
    if args.keep:
        print(f"indexes kept in {workdir}")
    else:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
