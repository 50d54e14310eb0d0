"""Golden files for parse_page: tests/data/<case>/page.txt → expected.json.

Regenerate after a deliberate parser change, then read every changed fragment against the
page text before keeping it:  .venv/bin/python -m tests.text.golden

``tests/data/parser_version.json`` records the ``PARSER_VERSION`` the files were made with and
their digest. New output under the same version is refused: pages an older parser read are
read again on ingest only when the version differs, so a code change that changes the output
must bump ``archive.text.RULES_VERSION`` (a retrained model changes the version by itself).
"""
import hashlib
import json
import sys
from pathlib import Path

from archive.text import PARSER_VERSION, parse_page
from archive.text.types import Jump, ParsedPage

DATA = Path(__file__).resolve().parent.parent / "data"
VERSION_FILE = DATA / "parser_version.json"
EDGE = 15   # characters kept from each end of a fragment's text


def _jump(jump: Jump | None) -> dict | None:
    return {"page": jump.page, "text": jump.text} if jump else None


def summarise(page: ParsedPage) -> dict:
    """The parts of a parse that the golden files pin down."""
    return {
        "date": page.date.value.isoformat() if page.date else None,
        "page_number": page.page_number.value if page.page_number else None,
        "flags": page.flags,
        "fragments": [
            {
                "kind": f.kind,
                "kicker": f.kicker,
                "headline": f.headline,
                "subheadline": f.subheadline,
                "byline": f.byline,
                "reporters": f.reporters,
                "photographers": f.photographers,
                "authors": f.authors,
                "captions": [{"text": c.text, "photographers": list(c.photographers)} for c in f.captions],
                "section_heads": [f.paragraphs[i] for i in f.section_heads],
                "contributors": [[c.name, c.role] for c in f.contributors],
                "jump_out": _jump(f.jump_out),
                "jump_in": _jump(f.jump_in),
                "paragraphs": len(f.paragraphs),
                "first": f.text[:EDGE],
                "last": f.text[-EDGE:],
            }
            for f in page.fragments
        ],
    }


def cases() -> list[Path]:
    return sorted(path for path in DATA.iterdir() if (path / "page.txt").is_file())


def read_page(case: Path) -> str:
    # newline="" keeps CRLF and lone CR as they are on disk.
    with open(case / "page.txt", encoding="utf-8", newline="") as handle:
        return handle.read()


def digest(texts: list[str]) -> str:
    """The sha256 of the golden files' texts, in case order."""
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()


def recorded() -> dict:
    return json.loads(VERSION_FILE.read_text(encoding="utf-8"))


def regenerate() -> None:
    texts = {case: json.dumps(summarise(parse_page(read_page(case))), ensure_ascii=False, indent=2) + "\n"
             for case in cases()}
    new = {"parser_version": PARSER_VERSION, "digest": digest(list(texts.values()))}
    old = recorded()
    if old["parser_version"] == new["parser_version"] and old["digest"] != new["digest"]:
        sys.exit(f"parse_page's output changed under PARSER_VERSION {PARSER_VERSION}: bump "
                 "archive.text.RULES_VERSION, so that ingest reads stored pages again")
    for case, text in texts.items():
        (case / "expected.json").write_text(text, encoding="utf-8")
    VERSION_FILE.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
