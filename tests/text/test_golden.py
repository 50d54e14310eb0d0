"""parse_page against the golden files in tests/data/<case>/ (see tests/text/golden.py)."""
import json

import pytest

from archive.text import PARSER_VERSION, parse_page

from .golden import DATA, cases, digest, read_page, recorded, summarise


@pytest.mark.parametrize("case", cases(), ids=lambda path: path.name)
def test_page_parses_as_recorded(case):
    """Each fragment's kind, titles, credits, jumps and text ends match expected.json."""
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert summarise(parse_page(read_page(case))) == expected


def test_every_seed_page_has_a_golden_case(seeds_dir):
    """The seed pages are copied verbatim into the golden cases."""
    for seed in sorted(seeds_dir.glob("*.txt")):
        case = DATA / f"seed_{seed.name[:3]}" / "page.txt"
        assert case.read_bytes() == seed.read_bytes()


def test_the_golden_files_were_made_by_this_parser_version():
    """A change of parse_page's output comes with a new PARSER_VERSION (golden.py refuses new
    output under an old one), so ingest reads again the pages an older parser read."""
    texts = [(case / "expected.json").read_text(encoding="utf-8") for case in cases()]
    assert recorded() == {"parser_version": PARSER_VERSION, "digest": digest(texts)}
