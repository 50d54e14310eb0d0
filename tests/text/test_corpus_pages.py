"""Pages built from real 人民日报 articles, with jump lines and column breaks of our making.

The corpus (../shared/corpus/peoples-daily) is not part of the project: these tests skip
without it. They check the parser beyond the five seed pages: article boundaries, jump lines
at fragment ends, and column-break repair on text the rules were not tuned on.
"""
import random

import pytest

from archive.text import parse_page
from archive.text.lines import is_short
from archive.text.normalise import clean, clean_view, ends_sentence

ARTICLES_PER_PAGE = 4
PAGES = 40


def _usable(path):
    """An article whose headline is one short line and whose paragraphs all end sentences."""
    lines = [line.strip("\u3000 \xa0") for line in path.read_text(encoding="utf-8").splitlines()]
    headline, body = lines[1], [line for line in lines[3:] if line]
    if not is_short(headline) or len(body) < 2:
        return None
    if not all(len(p) > 40 and ends_sentence(p) and "摄" not in p[-6:] for p in body):
        return None
    return headline, body


@pytest.fixture(scope="module")
def articles():
    from tests.conftest import CORPUS
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    paths = sorted(CORPUS.glob("*/*/*.txt"))
    random.Random(7).shuffle(paths)
    found = []
    for path in paths:
        article = _usable(path)
        if article:
            found.append(article)
        if len(found) == ARTICLES_PER_PAGE * PAGES:
            return found
    pytest.skip("too few usable corpus articles")


def _page(articles, rng):
    """A page in the seeds' layout; returns (raw, expected jump pages, expected paragraphs)."""
    parts, jumps, expected = [], [], []
    for headline, body in articles:
        parts.append(f"## {headline}")
        printed = []
        for paragraph in body:
            if rng.random() < 0.3:
                # A column break inside the paragraph; a cut right after a full stop cannot be
                # told from a paragraph end by the text alone, so none is made there.
                cut = rng.randrange(5, len(paragraph) - 5)
                while ends_sentence(paragraph[:cut]):
                    cut += 1
                printed += [paragraph[:cut], paragraph[cut:]]
            else:
                printed.append(paragraph)
        jump = rng.choice([None, 2, 3, 4])
        if jump:
            printed[-1] += rng.choice(["(下转第{}版)", "（下转第{}版）", "(转{:02d}版)"]).format(jump)
        parts += printed
        jumps.append(jump)
        expected.append([clean(clean_view(p)) for p in body])
    return "\n\n".join(parts) + "\n", jumps, expected


def test_generated_pages_recover_articles_jumps_and_paragraphs(articles):
    """Every article is one fragment with its jump, and cut paragraphs are joined back."""
    rng = random.Random(11)
    for n in range(PAGES):
        chunk = articles[n * ARTICLES_PER_PAGE:(n + 1) * ARTICLES_PER_PAGE]
        raw, jumps, expected = _page(chunk, rng)
        page = parse_page(raw)
        assert [f.headline for f in page.fragments] == [clean(clean_view(h)) for h, _ in chunk]
        assert [f.jump_out.page if f.jump_out else None for f in page.fragments] == jumps
        for fragment, paragraphs in zip(page.fragments, expected):
            # The byline ("新华社广州10月5日电 …") is cut off the first paragraph.
            assert paragraphs[0].endswith(fragment.paragraphs[0])
            assert fragment.paragraphs[1:] == paragraphs[1:]


def test_real_articles_never_show_a_jump(corpus_dir):
    """The digital edition prints no jump lines, so prose with 上接/下转 must not yield one."""
    paths = sorted(corpus_dir.glob("*/*/*.txt"))[::5]
    for path in paths:
        page = parse_page(path.read_text(encoding="utf-8"))
        assert not any(f.jump_in or f.jump_out for f in page.fragments), path.name
