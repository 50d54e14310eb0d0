"""Ingest page files: decode, keep the raw text verbatim, parse it into blocks and fragments.

Each file is written in its own transaction, so a rejected file leaves no rows and the rest of
the batch goes on. A file whose bytes were ingested before (same sha256) is ``unchanged`` and
nothing is written. Articles are built from the fragments by reassembly (services.reassemble):
the transaction that writes a page marks its issue owed one (services.pending), and the caller
sends what is owed once the batch is done.

Two runs over the same files at once take turns file by file (an advisory lock on the file's
bytes, then the issue's row), so each page is written once and counted ``new`` by one run only.
A lost database connection is not a bad file: the file is tried again, with growing pauses, for
up to ``INGEST_DB_RETRY_SECONDS``; past that the batch stops (``IngestReport.stopped``).
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from archive import text as textlayer
from archive.models import Block, Fragment, Issue, Newspaper, Page
from archive.services.database import DATABASE_LOST, with_database
from archive.services.link_decisions import carry_over, editor_decisions
from archive.services.pending import reassembly_owed, work_error_record
from archive.sources import PaperInfo, SourceFile, discover
from archive.text.decoding import DecodeError, decode_page

logger = logging.getLogger(__name__)

DEFAULT_PAPER = "taiyuan-daily"
# Names for slugs that come without a paper.json or --paper-name, so that readers see 人民日报
# rather than renmin-ribao; any other slug names its paper until an editor or paper.json does.
KNOWN_PAPERS = {
    "taiyuan-daily": PaperInfo("太原日报", "太原"),
    "renmin-ribao": PaperInfo("人民日报", "北京"),
    "peoples-daily": PaperInfo("人民日报", "北京"),
    "guangming-ribao": PaperInfo("光明日报", "北京"),
    "jingji-ribao": PaperInfo("经济日报", "北京"),
    "shanxi-ribao": PaperInfo("山西日报", "太原"),
    "shanxi-daily": PaperInfo("山西日报", "太原"),
}
# Pages written by one batch from which the planner's statistics are refreshed at its end.
ANALYZE_AFTER = 200
# A guessed date or page number below this confidence is not used; the page is flagged instead.
GUESS_MIN_CONFIDENCE = 0.5

NEW, UNCHANGED, UPDATED, REJECTED = "new", "unchanged", "updated", "rejected"


class Rejected(Exception):
    """A file that cannot become a page; the message names the reason."""


@dataclass
class FileResult:
    path: Path
    status: str
    reason: str = ""
    page_id: int | None = None
    issue_id: int | None = None


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    stopped: str = ""  # why the batch stopped before its end (the database stayed unreachable)
    not_tried: int = 0
    notes: list[str] = field(default_factory=list)  # what was not done and why (not errors)

    @property
    def counts(self) -> Counter:
        return Counter(result.status for result in self.results)

    @property
    def rejected(self) -> list[FileResult]:
        return [result for result in self.results if result.status == REJECTED]

    @property
    def issues_touched(self) -> list[int]:
        touched = {r.issue_id for r in self.results if r.status in (NEW, UPDATED) and r.issue_id}
        return sorted(touched)

    def summary(self) -> str:
        counts = self.counts
        return (
            f"pages: {counts[NEW]} new, {counts[UNCHANGED]} unchanged, "
            f"{counts[UPDATED]} updated, {counts[REJECTED]} rejected"
        )


def ingest_paths(paths, *, paper: str | None = None, paper_name: str = "", progress=None,
                 notify=None) -> IngestReport:
    """Ingest every page file under ``paths``. ``paper_name`` names the paper ``paper`` (as a
    layout's paper.json names its own); ``progress`` wraps the file list (e.g. tqdm); ``notify``
    is told, in one line, each time a lost database connection is waited for."""
    discovery = discover([Path(p) for p in paths])
    report = IngestReport()
    for path, reason in discovery.errors:
        report.results.append(FileResult(path=path, status=REJECTED, reason=reason))
    papers = dict(discovery.papers)
    if paper_name.strip():
        if not paper:
            raise ValueError("paper_name names the paper given as paper: give both")
        papers[paper] = PaperInfo(paper_name.strip())
    files = progress(discovery.files) if progress else discovery.files
    notify = notify or (lambda message: logger.warning("%s", message))
    try:
        for slug, info in papers.items():
            note = with_database(newspaper_name, slug=slug, info=info, notify=notify)
            if note:
                report.notes.append(note)
        for source in files:
            report.results.append(with_database(ingest_file, source, default_paper=paper, notify=notify))
        counts = report.counts
        if counts[NEW] + counts[UPDATED] >= ANALYZE_AFTER:
            with_database(_refresh_statistics, notify=notify)
    except DATABASE_LOST as exc:
        report.not_tried = len(discovery.files) + len(discovery.errors) - len(report.results)
        report.stopped = (
            f"the database stayed unreachable for {settings.INGEST_DB_RETRY_SECONDS} s "
            f"({type(exc).__name__}: {str(exc).strip()}); stopped with {report.not_tried} files not tried: "
            "run the same ingest again to go on"
        )
    return report


def _refresh_statistics() -> None:
    """Let the planner see the rows a large batch wrote before reassembly reads them: with the
    statistics of an emptier table it scans every fragment for one issue's (34 ms against
    1.5 ms an issue in bench/reassembly.py). Autovacuum gets there too, but only within a
    minute or so, after the reassembly tasks this batch queues have run."""
    tables = ", ".join(model._meta.db_table for model in (Page, Block, Fragment))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def ingest_file(source: SourceFile, *, default_paper: str | None = None) -> FileResult:
    """Ingest one file; never raises for bad input, returns a ``rejected`` result instead."""
    try:
        data = _read(source.path)
        sha256 = hashlib.sha256(data).hexdigest()
        existing = _same_page(source, sha256)
        if existing and existing["parser_version"] == textlayer.PARSER_VERSION:
            return FileResult(source.path, UNCHANGED, page_id=existing["pk"], issue_id=existing["issue_id"])
        raw, encoding = decode_page(data)
        parsed = textlayer.parse_page(raw)
        with transaction.atomic():
            # Another run may be writing these very bytes: wait for it, then look again.
            _lock_bytes(sha256)
            existing = _same_page(source, sha256)
            if existing and existing["parser_version"] == textlayer.PARSER_VERSION:
                return FileResult(source.path, UNCHANGED, page_id=existing["pk"], issue_id=existing["issue_id"])
            if existing:
                # Same bytes, read by an older parser: read again in place (see page_reparse).
                page, _ = page_reparse(page_id=existing["pk"], parsed=parsed)
                status = UPDATED
            else:
                page, status = _write_page(source, default_paper, raw, encoding, sha256, parsed)
    except (Rejected, DecodeError) as exc:
        return FileResult(source.path, REJECTED, reason=str(exc))
    except DATABASE_LOST:
        raise  # not the file's fault: the caller waits for the database and tries again
    except OSError as exc:
        return FileResult(source.path, REJECTED, reason=f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser bug must not stop the batch; the log has the traceback
        logger.exception("ingest failed for %s", source.path)
        work_error_record(work="ingest", subject=str(source.path), error=exc)
        return FileResult(source.path, REJECTED, reason=f"internal error while ingesting: {exc!r}")
    return FileResult(source.path, status, page_id=page.pk, issue_id=page.issue_id)


def _lock_bytes(sha256: str) -> None:
    """Hold, until the transaction ends, a lock on these bytes (PostgreSQL advisory lock)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [sha256])


def _same_page(source: SourceFile, sha256: str) -> dict | None:
    """The stored page this file already is, if any.

    A file whose place names its paper, date and page is that page: it is unchanged when the
    page holds the same bytes (two issues may well print identical pages). A file without
    that is known by its bytes alone.

    One query: the pages holding these bytes (few), in the pages' own order, chosen from here.
    """
    rows = Page.objects.filter(sha256=sha256).order_by("issue", "number", "pk").values(
        "pk", "issue_id", "parser_version", "number", "source_name", "locked_fields",
        "issue__date", "issue__newspaper__slug",
    )
    candidates = list(rows)
    if source.paper and source.date and source.page:
        for row in candidates:
            if (row["issue__newspaper__slug"], row["issue__date"], row["number"]) == (source.paper, source.date, source.page):
                return _page_found(row)
        # A page an editor moved (services.corrections) is where the editor put it.
        candidates = [row for row in candidates if row["source_name"] == source.path.name and row["locked_fields"]]
    return _page_found(candidates[0]) if candidates else None


def _page_found(row: dict) -> dict:
    return {"pk": row["pk"], "issue_id": row["issue_id"], "parser_version": row["parser_version"]}


def page_reparse(*, page_id: int, parsed) -> tuple[Page, int]:
    """Replace a stored page's blocks and fragments with ``parsed`` (its raw text read by the
    current parser), keeping the page's place, metadata and review reasons, and the editor's
    link decisions (moved to the new fragments: services.link_decisions); returns the page and
    how many decisions were kept.

    Used when the parser that read a page is older than ``archive.text.PARSER_VERSION``, and
    when an editor asks for it (services.reparse). The page's articles are rebuilt by
    reassembly, which keeps the fields editors locked.
    """
    page = Page.objects.select_for_update().get(pk=page_id)
    reassembly_owed([page.issue_id])
    decisions = editor_decisions(page)
    page.blocks.all().delete()
    page.fragments.all().delete()
    page.parser_version = textlayer.PARSER_VERSION
    page.review_reasons = list(page.review_reasons) + [f for f in parsed.flags if f not in page.review_reasons]
    page.needs_review = bool(page.review_reasons)
    page.save(update_fields=["parser_version", "review_reasons", "needs_review"])
    _write_parse(page, parsed)
    return page, carry_over(page, decisions)


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size > settings.INGEST_MAX_BYTES:
        raise Rejected(
            f"too large for one page: {size:,} bytes (limit {settings.INGEST_MAX_BYTES:,}); "
            "split it into one file per page"
        )
    return path.read_bytes()


def _write_page(source, default_paper, raw, encoding, sha256, parsed):
    flags = list(parsed.flags)
    newspaper = _newspaper(source.paper or default_paper)
    guesses = {
        name: {"value": str(guess.value), "confidence": guess.confidence, "reason": guess.reason}
        for name, guess in (("date", parsed.date), ("page", parsed.page_number))
        if guess is not None
    }
    date = _given_or_guessed(source.date, parsed.date, "date", flags)
    number = _given_or_guessed(source.page, parsed.page_number, "page number", flags)

    issue = _issue(newspaper, date, flags)
    # Marking the issue owed a reassembly locks its row first: two runs writing pages of one
    # issue, or a run and a reassembly of it, take turns.
    reassembly_owed([issue.pk])
    status = NEW
    page = Page.objects.select_for_update().filter(issue=issue, number=number).first() if number else None
    if page is not None and source.page is None:
        # A guessed number must not displace a page whose number was given.
        flags.append(f"page number {number} guessed, but that page is already held")
        number, page = None, None
    if page is not None:
        status = UPDATED
        page.blocks.all().delete()
        page.fragments.all().delete()
    else:
        page = Page(issue=issue, number=number)
    if "section" not in page.locked_fields:  # an editor's correction stands
        page.section = source.section or page.section
    page.source_name = str(source.path.name)
    page.sha256 = sha256
    page.encoding = encoding
    page.raw_text = raw
    page.parser_version = textlayer.PARSER_VERSION
    page.guesses = guesses
    page.review_reasons = flags
    page.needs_review = bool(flags)
    page.save()
    _write_parse(page, parsed)
    return page, status


def _given_or_guessed(given, guess, what: str, flags: list[str]):
    """The given value, else a confident guess (noted in ``flags``), else None (flagged)."""
    if given is not None:
        return given
    if guess is not None and guess.confidence >= GUESS_MIN_CONFIDENCE:
        flags.append(f"{what} {guess.value} guessed from the text ({guess.reason})")
        return guess.value
    flags.append(f"{what} unknown: not given and not readable from the text")
    return None


def _newspaper(slug: str | None) -> Newspaper:
    if not slug:
        slugs = list(Newspaper.objects.values_list("slug", flat=True)[:2])
        slug = slugs[0] if len(slugs) == 1 else DEFAULT_PAPER
    known = KNOWN_PAPERS.get(slug, PaperInfo(slug))
    newspaper, _ = Newspaper.objects.get_or_create(slug=slug, defaults={"name": known.name, "place": known.place})
    return newspaper


@transaction.atomic
def newspaper_name(*, slug: str, info: PaperInfo) -> str:
    """Create the paper ``slug`` named by ``info``, or name it if it is still named by its slug
    or by KNOWN_PAPERS (and give it a place if it has none). A name an editor gave is kept: the
    returned note says so ("" when there is nothing to say)."""
    known = KNOWN_PAPERS.get(slug, PaperInfo(slug))
    newspaper, created = Newspaper.objects.select_for_update().get_or_create(
        slug=slug, defaults={"name": info.name, "place": info.place or known.place}
    )
    if created:
        return ""
    fields = []
    if newspaper.name != info.name and newspaper.name in (slug, known.name):
        newspaper.name = info.name
        fields.append("name")
    if info.place and not newspaper.place:
        newspaper.place = info.place
        fields.append("place")
    newspaper.save(update_fields=fields)
    if newspaper.name != info.name:
        return f"paper {slug} keeps its name {newspaper.name!r} (not {info.name!r}): an editor named it; rename it in the admin"
    return ""


def _issue(newspaper: Newspaper, date, flags: list[str]) -> Issue:
    if date is None:
        return Issue.objects.create(newspaper=newspaper, needs_review=True, review_reason=flags[-1])
    issue, _ = Issue.objects.get_or_create(newspaper=newspaper, date=date)
    return issue


def _write_parse(page: Page, parsed) -> None:
    fragments = Fragment.objects.bulk_create(
        [_fragment_row(page, fragment) for fragment in parsed.fragments]
    )
    _write_blocks(page, parsed.blocks, [fragment.pk for fragment in fragments])


def _write_blocks(page: Page, blocks, fragment_ids: list[int]) -> None:
    """The page's blocks in one statement: the rows Block.objects.bulk_create wrote, without a
    model instance and Django's preparation of each value for every one of some 150 blocks a
    page (~5 ms a page in Python, for the same single UNNEST statement)."""
    if not blocks:
        return
    rows = [(order, block.start, block.end, block.kind,
             fragment_ids[block.fragment] if block.fragment is not None else None)
            for order, block in enumerate(blocks)]
    columns = [list(column) for column in zip(*rows)]
    with connection.cursor() as cursor:
        cursor.execute(
            f'INSERT INTO {Block._meta.db_table} (page_id, "order", "start", "end", kind, fragment_id) '
            "SELECT %s, * FROM UNNEST(%s::integer[], %s::integer[], %s::integer[], %s::text[], %s::bigint[])",
            [page.pk, *columns],
        )


def _fragment_row(page: Page, fragment) -> Fragment:
    jump_out, jump_in = fragment.jump_out, fragment.jump_in
    return Fragment(
        page=page,
        order=fragment.order,
        start=fragment.start,
        end=fragment.end,
        kind=fragment.kind,
        kicker=fragment.kicker or "",
        headline=fragment.headline or "",
        subheadline=fragment.subheadline or "",
        byline=fragment.byline or "",
        text=fragment.text,
        section_heads=list(fragment.section_heads),
        captions=[{"text": c.text, "photographers": list(c.photographers)} for c in fragment.captions],
        contributors=fragment_credits(fragment),
        confidence=fragment.confidence,
        review=(fragment.review or "")[:300],
        jump_to_page=jump_out.page if jump_out else None,
        jump_from_page=jump_in.page if jump_in else None,
        jump_out_line=jump_out.text[:64] if jump_out else "",
        jump_in_line=jump_in.text[:64] if jump_in else "",
    )


# The role of each of the pure Fragment's older name lists (archive.text.types).
LEGACY_ROLE_LISTS = (("reporters", "reporter"), ("photographers", "photographer"), ("authors", "author"))


def fragment_credits(fragment) -> list[dict]:
    """Every credit of a parsed fragment as ``{"name", "role"}``, in printed order, once each.

    ``contributors`` is the full list; names found only in the older ``reporters`` /
    ``photographers`` / ``authors`` lists (a parser that does not fill ``contributors`` yet)
    follow it, so no credited name is lost.
    """
    credits = [(credit.name, credit.role) for credit in fragment.contributors]
    for key, role in LEGACY_ROLE_LISTS:
        credits += [(name, role) for name in getattr(fragment, key)]
    seen, result = set(), []
    for name, role in credits:
        if name and (name, role) not in seen:
            seen.add((name, role))
            result.append({"name": name, "role": role})
    return result
