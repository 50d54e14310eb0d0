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
    problems: tuple[str, ...] = field(default=())  # metadata that could not be read


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
    """Every ``.txt`` under the given files and folders, with metadata, in a stable order."""
    found: dict[Path, SourceFile] = {}
    errors: list[tuple[Path, str]] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            manifests = {}
            for manifest in sorted(given.rglob(MANIFEST_NAME)):
                rows, problems = read_manifest(manifest)
                manifests.update(rows)
                errors.extend(problems)
            for path in sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"):
                found.setdefault(path.resolve(), manifests.get(path.resolve()) or from_layout(path))
            for path, source in manifests.items():
                if not path.is_file():
                    errors.append((path, "listed in a manifest but not found"))
                else:
                    found.setdefault(path, source)
        elif given.is_file():
            found.setdefault(given.resolve(), from_layout(given))
        else:
            errors.append((given, "no such file or folder"))
    files = list(found.values())
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


def read_manifest(manifest: Path) -> tuple[dict[Path, SourceFile], list[tuple[Path, str]]]:
    """Rows of a ``manifest.csv`` keyed by the resolved path of the file each describes."""
    rows: dict[Path, SourceFile] = {}
    try:
        with manifest.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = set(MANIFEST_COLUMNS) - set(reader.fieldnames or ())
            if "file" in missing:
                return {}, [(manifest, "manifest has no 'file' column (header: file,paper,date,page,section)")]
            for line, row in enumerate(reader, start=2):
                entry = _manifest_row(manifest, line, row)
                rows[entry.path] = entry
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return {}, [(manifest, f"cannot read manifest: {exc}")]
    return rows, []


def _manifest_row(manifest: Path, line: int, row: dict) -> SourceFile:
    problems = []
    date_text = (row.get("date") or "").strip()
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        problems.append(f"{manifest.name} line {line}: date {date_text!r} is not YYYY-MM-DD")
    page_text = (row.get("page") or "").strip()
    page = int(page_text) if page_text.isdigit() and 0 < int(page_text) < 1000 else None
    if page_text and page is None:
        problems.append(f"{manifest.name} line {line}: page {page_text!r} is not a page number")
    return SourceFile(
        path=(manifest.parent / (row.get("file") or "").strip()).resolve(),
        paper=(row.get("paper") or "").strip() or None,
        date=date,
        page=page,
        section=(row.get("section") or "").strip(),
        origin="manifest",
        problems=tuple(problems),
    )


def parse_date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
