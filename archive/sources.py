"""Finding page files and their metadata: the ingest layout of DESIGN.md, manifests, loose files.

Pure: reads the file system and CSV, knows nothing of Django.
"""
from __future__ import annotations

import csv
import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# <paper-slug>/<YYYY-MM-DD>/<NN>[-section].txt
_LAYOUT_FILE = re.compile(r"^(?P<page>\d{1,3})(?:-(?P<section>.+))?\.txt$", re.IGNORECASE)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "paper", "date", "page", "section")
PAPER_FILE = "paper.json"  # <paper-slug>/paper.json: {"name": "人民日报", "place": "北京"}
PAPER_FIELD_LENGTH = 200  # Newspaper.name and .place


@dataclass(frozen=True)
class SourceFile:
    """A page file with what its place (layout folder or manifest) says about it."""

    path: Path
    paper: str | None = None
    date: datetime.date | None = None
    page: int | None = None
    section: str = ""
    origin: str = "loose"          # layout, manifest or loose


@dataclass(frozen=True)
class PaperInfo:
    """What a layout's ``paper.json`` says about its paper."""

    name: str
    place: str = ""


@dataclass
class Discovery:
    files: list[SourceFile]
    errors: list[tuple[Path, str]]  # paths that cannot be ingested at all, with the reason
    papers: dict[str, PaperInfo] = field(default_factory=dict)  # by slug, from paper.json files


def discover(paths: list[Path]) -> Discovery:
    """Every ``.txt`` under the given files and folders, with metadata, in a stable order.

    Every path is resolved and must stay inside the folder it was found through (for a file
    named on the command line, its own folder): a manifest row naming ``../../etc/passwd`` or
    ``/etc/hostname``, or a symlink leading elsewhere, is refused with the reason, file by file,
    so a bundle received from elsewhere cannot publish the server's files. Two files claiming
    one page of one issue are both refused: which is right is for the operator to say.
    """
    found: dict[Path, SourceFile] = {}
    errors: list[tuple[Path, str]] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            root = given.resolve()
            manifests, refused = {}, set()
            for manifest in sorted(given.rglob(MANIFEST_NAME)):
                if not _inside(manifest.resolve(), root):
                    errors.append((manifest, _outside_reason(manifest, root)))
                    continue
                rows, problems = read_manifest(manifest, root)
                manifests.update(rows)
                errors.extend(problems)
                refused.update(path.resolve() for path, _ in problems)
            for path in sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"):
                resolved = path.resolve()
                if not _inside(resolved, root):
                    errors.append((path, _outside_reason(path, root)))
                elif resolved not in found and resolved not in refused:
                    source = manifests.get(resolved) or _from_layout_checked(path, errors)
                    if source is not None:
                        found[resolved] = source
            for path, source in manifests.items():
                found.setdefault(path, source)
        elif given.is_file():
            if not _inside(given.resolve(), given.parent.resolve()):
                errors.append((given, _outside_reason(given, given.parent.resolve())))
                continue
            source = _from_layout_checked(given, errors)
            if source is not None:
                found.setdefault(given.resolve(), source)
        else:
            errors.append((given, "no such file or folder"))
    files, duplicates = _without_duplicate_pages(list(found.values()))
    errors += duplicates
    papers = {}
    for source in files:
        if source.origin == "layout" and source.paper not in papers:
            info = paper_info(source.path.parent.parent / PAPER_FILE, errors)
            if info is not None:
                papers[source.paper] = info
    return Discovery(files=files, errors=errors, papers=papers)


def paper_info(path: Path, errors: list[tuple[Path, str]]) -> PaperInfo | None:
    """The paper.json at ``path`` (None if there is none); a bad one is added to ``errors``."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        errors.append((path, f"cannot read paper.json: {exc}"))
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"].strip():
        errors.append((path, 'paper.json needs a "name", e.g. {"name": "人民日报", "place": "北京"}'))
        return None
    name, place = data["name"].strip(), data.get("place") or ""
    if not isinstance(place, str) or max(len(name), len(place)) > PAPER_FIELD_LENGTH:
        errors.append((path, f'paper.json: "name" and "place" must be text of at most {PAPER_FIELD_LENGTH} characters'))
        return None
    return PaperInfo(name=name, place=place.strip())


def _inside(resolved: Path, root: Path) -> bool:
    return resolved == root or resolved.is_relative_to(root)


def _outside_reason(path: Path, root: Path) -> str:
    return f"leads outside the folder given to ingest ({root}) to {path.resolve()}; refused"


def _without_duplicate_pages(files: list[SourceFile]) -> tuple[list[SourceFile], list[tuple[Path, str]]]:
    """Files whose given paper, date and page are claimed by no other file of the batch, and a
    refusal for each that shares its page with another."""
    claims: dict[tuple, list[SourceFile]] = {}
    for source in files:
        if source.date is not None and source.page is not None:
            claims.setdefault((source.paper, source.date, source.page), []).append(source)
    refused: dict[Path, str] = {}
    for (paper, date, page), sources in claims.items():
        if len(sources) > 1:
            for source in sources:
                others = ", ".join(str(other.path) for other in sources if other is not source)
                refused[source.path] = (
                    f"page {page} of {paper or 'the issue'} {date} is also claimed by {others} in this batch; "
                    "keep one file per page"
                )
    return [s for s in files if s.path not in refused], list(refused.items())


def _from_layout_checked(path: Path, errors: list[tuple[Path, str]]) -> SourceFile | None:
    """``from_layout``, but a date folder that is not a real day refuses the file."""
    folder = path.parent.name
    if _LAYOUT_FILE.match(path.name) and _DATE_LIKE.match(folder) and parse_date(folder) is None:
        errors.append((path, f"folder {folder!r} is not a real date (YYYY-MM-DD)"))
        return None
    return from_layout(path)


def from_layout(path: Path) -> SourceFile:
    """Metadata from ``<paper>/<YYYY-MM-DD>/<NN>[-section].txt``, or a loose file."""
    match = _LAYOUT_FILE.match(path.name)
    parts = path.parts
    if match and len(parts) >= 3 and _SLUG.match(parts[-3]):
        date = parse_date(parts[-2])
        if date is not None:
            return SourceFile(
                path=path.resolve(),
                paper=parts[-3],
                date=date,
                page=int(match["page"]),
                section=match["section"] or "",
                origin="layout",
            )
    return SourceFile(path=path.resolve())


def read_manifest(manifest: Path, root: Path) -> tuple[dict[Path, SourceFile], list[tuple[Path, str]]]:
    """Rows of a ``manifest.csv`` keyed by the resolved path of the file each describes, and
    the rows refused: a file outside ``root``, missing, or with a date or page that is wrong."""
    rows: dict[Path, SourceFile] = {}
    errors: list[tuple[Path, str]] = []
    try:
        with manifest.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = set(MANIFEST_COLUMNS) - set(reader.fieldnames or ())
            if "file" in missing:
                return {}, [(manifest, "manifest has no 'file' column (header: file,paper,date,page,section)")]
            for line, row in enumerate(reader, start=2):
                entry, error = _manifest_row(manifest, root, line, row)
                if error:
                    errors.append(error)
                else:
                    rows[entry.path] = entry
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [(manifest, f"cannot read manifest: {exc}")]
    return rows, errors


def _manifest_row(manifest: Path, root: Path, line: int, row: dict):
    """(the row's SourceFile, None), or (None, (path, reason)) for a row that is refused."""
    where = f"{manifest.name} line {line}"
    name = (row.get("file") or "").strip()
    written = manifest.parent / name
    if not name:
        return None, (manifest, f"{where}: no file named")
    if Path(name).is_absolute():
        return None, (written, f"{where}: absolute path {name!r}; a manifest names files relative to itself; refused")
    path = written.resolve()
    if not _inside(path, root):
        return None, (written, f"{where}: {_outside_reason(written, root)}")
    if not path.is_file():
        return None, (written, f"{where}: listed in the manifest but not found")
    date_text = (row.get("date") or "").strip()
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        return None, (written, f"{where}: date {date_text!r} is not a real date (YYYY-MM-DD)")
    page_text = (row.get("page") or "").strip()
    page = int(page_text) if page_text.isdigit() and 0 < int(page_text) < 1000 else None
    if page_text and page is None:
        return None, (written, f"{where}: page {page_text!r} is not a page number (1-999)")
    source = SourceFile(
        path=path,
        paper=(row.get("paper") or "").strip() or None,
        date=date,
        page=page,
        section=(row.get("section") or "").strip(),
        origin="manifest",
    )
    return source, None


def parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
