"""The issue generator: deterministic, every jump-line spelling, truth consistent with the pages."""
import re

import pytest

from archive.assembly import join_paragraphs
from bench.issuegen import IN_STYLES, JUMPISH, OUT_STYLES, generate_issues, write_issue


@pytest.fixture(scope="module")
def issues():
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return generate_issues(40, seed=7, corpus_dir=CORPUS)


def style_pattern(style: str) -> re.Pattern:
    """A regex for the lines printed in ``style``, allowing the inserted space and bracket swap."""
    body = re.escape(style[1:-1] if style[0] in "(（" else style)
    for field, value in (("\\{n\\}", r"\d{1,2}"), ("\\{nn\\}", r"\d{2}"), ("\\{cn\\}", "[一二三四五六七八九十]+")):
        body = body.replace(field, value)
    body = " ?".join(re.findall(r"\\d\{1,2\}|\\d\{2\}|\[[^]]+\]\+|\\.|.", body))
    return re.compile((r"^[(（] ?" + body + r" ?[)）]$") if style[0] in "(（" else "^" + body + "$")


def test_deterministic(corpus_dir):
    """The same seed gives the same issues; another seed gives others."""
    a, b = generate_issues(3, seed=11, corpus_dir=corpus_dir), generate_issues(3, seed=11, corpus_dir=corpus_dir)
    assert [i.pages for i in a] == [i.pages for i in b]
    assert [i.truth for i in a] == [i.truth for i in b]
    assert [i.pages for i in generate_issues(3, seed=12, corpus_dir=corpus_dir)] != [i.pages for i in a]


def test_every_jump_line_spelling_appears(issues):
    """Each out and in style is used, and some lines carry spaces or mixed bracket widths."""
    lines = [f.jump_line for i in issues for f in i.fragments if f.jump_line]
    for style in OUT_STYLES + IN_STYLES:
        assert any(style_pattern(style).match(line) for line in lines), style
    assert any(" " in line for line in lines)
    assert any(line[0] == "(" and line[-1] == "）" or line[0] == "（" and line[-1] == ")" for line in lines)


def test_issue_shape(issues):
    """8–20 pages; the front page sends several articles to one page; ≥3 jumps per issue on average."""
    assert all(8 <= len(i.pages) <= 20 for i in issues)
    jumps = [a for i in issues for a in i.truth if a.jumped]
    assert len(jumps) >= 3 * len(issues)
    assert all(max(sum(1 for a in i.truth if a.jumped and a.pages[:1] == [1] and a.pages[1] == p) for p in i.pages) >= 2
               for i in issues)


def test_truth_is_the_join_of_the_printed_halves(issues):
    """For every jump, joining head and tail paragraphs gives the truth, over the truth's pages."""
    for issue in issues:
        heads = {f.article: f for f in issue.fragments if f.jump_to}
        tails = {f.article: f for f in issue.fragments if f.jump_from}
        for n, article in enumerate(issue.truth):
            if article.jumped:
                assert join_paragraphs(heads[n].paragraphs, tails[n].paragraphs) == article.paragraphs
                assert article.pages == [heads[n].page, tails[n].page]
                assert heads[n].jump_to == tails[n].page and tails[n].jump_from == heads[n].page


def test_pages_hold_the_truth_and_no_stray_jumps(issues):
    """Every truth paragraph is printed (column breaks aside) and, jump lines removed, nothing else looks like one."""
    for issue in issues:
        lines = {f.page: [] for f in issue.fragments}
        for f in issue.fragments:
            if f.jump_line:
                lines[f.page].append(f.jump_line)
        for page, text in issue.pages.items():
            for line in lines.get(page, []):
                assert line in text
                text = text.replace(line, "", 1)
            assert not JUMPISH.search(text), (issue.date, page)
        printed = {p: t.replace("\n\n", "") for p, t in issue.pages.items()}
        for article in issue.truth:
            if not article.jumped:
                assert all(p in printed[article.pages[0]] for p in article.paragraphs)


def test_write_issue_uses_the_ingest_layout(issues, tmp_path):
    """Pages are written as <paper>/<YYYY-MM-DD>/<NN>.txt."""
    folder = write_issue(issues[0], tmp_path)
    assert folder == tmp_path / issues[0].paper / issues[0].date.isoformat()
    assert sorted(p.name for p in folder.iterdir()) == [f"{n:02d}.txt" for n in sorted(issues[0].pages)]
    assert (folder / "01.txt").read_text(encoding="utf-8") == issues[0].pages[1]
