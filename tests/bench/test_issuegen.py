"""The issue generator: every article of a month, truth under the text contract, line labels that rebuild the text."""
import re
from pathlib import Path

import pytest

from archive.assembly import join_paragraphs
from archive.text.lines import split_lines
from archive.text.normalise import ends_sentence
from archive.text.types import LINE_CONTINUED, LINE_LABELS, LINE_SECTION_HEAD, TEXT_LABELS
from bench.issuegen import (
    IN_STYLES, OUT_STYLES, credits, generate_issues, is_label, is_section_head, labelled_pages, load_month, read_source,
    write_issue,
)


@pytest.fixture(scope="module")
def issues():
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return generate_issues(30, seed=7, corpus_dir=CORPUS)


def style_pattern(style: str) -> re.Pattern:
    """A regex for the lines printed in ``style``, allowing the inserted space and bracket swap."""
    body = re.escape(style[1:-1] if style[0] in "(（" else style)
    for field, value in (("\\{n\\}", r"\d{1,2}"), ("\\{nn\\}", r"\d{2}"), ("\\{cn\\}", "[一二三四五六七八九十]+")):
        body = body.replace(field, value)
    body = " ?".join(re.findall(r"\\d\{1,2\}|\\d\{2\}|\[[^]]+\]\+|\\.|.", body))
    return re.compile((r"^[(（] ?" + body + r" ?[)）]$") if style[0] in "(（" else "^" + body + "$")


def test_deterministic(corpus_dir):
    """The same seed gives the same issues; another seed gives others."""
    a, b = generate_issues(2, seed=11, corpus_dir=corpus_dir), generate_issues(2, seed=11, corpus_dir=corpus_dir)
    assert [i.pages for i in a] == [i.pages for i in b]
    assert [i.truth for i in a] == [i.truth for i in b]
    assert [i.pages for i in generate_issues(2, seed=12, corpus_dir=corpus_dir)] != [i.pages for i in a]


def test_every_file_of_the_month_is_used(corpus_dir):
    """The loader keeps every file; two rounds of the month's days print every file, none twice in an issue."""
    files = sorted((corpus_dir / "2019-02").glob("*/*.txt"))
    days = load_month("2019-02", str(corpus_dir))
    assert sorted(Path(s.path) for d in days.values() for s in d) == files
    issues = generate_issues(2 * len(days), seed=3, corpus_dir=corpus_dir)
    used = {a.source for i in issues for a in i.truth}
    assert used == {str(f) for f in files}
    assert all(len({a.source for a in i.truth}) == len(i.truth) for i in issues)


def test_truth_paragraphs_are_the_file_body_lines(corpus_dir):
    """Paragraphs are the body lines stripped, byline prefix aside, full-width marks and all."""
    for path in sorted((corpus_dir / "2019-02").glob("*/*.txt"))[:300]:
        lines = [x.strip() for x in path.read_bytes().decode("utf-8").split("\r\n")[3:] if x.strip()]
        src = read_source(path)
        if src.byline:
            assert lines[0].startswith(src.byline)
            assert lines[0].endswith(src.paragraphs[0]) or src.prefix is None
            lines = lines[1:] if src.prefix is None else [src.paragraphs[0]] + lines[1:]
        assert src.paragraphs == lines


def test_bylines_heads_and_credits_on_known_text():
    """The byline prefix, section heads and credits are read from what papers print."""
    from bench.issuegen import BYLINE

    assert BYLINE.match("本报北京1月31日电 （记者杜一菲）　1月31日，").group(0).strip() == "本报北京1月31日电 （记者杜一菲）"
    assert BYLINE.match("新华社北京2月18日电  国务院").group(0).strip() == "新华社北京2月18日电"
    assert not BYLINE.match("本报记者日前走访了")
    paras = ["导语。", "（一）坚持问题导向", "正文，", "核心阅读", "“总书记的话听了很暖心”", "末段。"]
    assert [i for i in range(len(paras)) if is_section_head(paras, i)] == [1, 4]
    assert credits("本报讯（记者 殷雪莹、梁涛）", ["正文。", "新华社记者\xa0\xa0吴\xa0\xa0鲁摄", "本版制图：郭\xa0祥", "（李俊华）"]) == [
        ("殷雪莹", "reporter"), ("梁涛", "reporter"), ("吴鲁", "photographer"), ("郭祥", "graphics"), ("李俊华", "reporter"),
    ]
    assert credits(None, ["正文。", "郑山河摄（人民视觉）"]) == [("郑山河", "photographer")]
    assert credits(None, ["正文。", "王鸿义\xa0\xa0陈严雪摄影报道（影像中国）"]) == [("王鸿义", "photographer"), ("陈严雪", "photographer")]
    assert credits(None, ["正文。", "（作者为北京大学教授，本报记者吕强整理）"]) == [("吕强", "compiler")]
    assert credits("本报武汉2月21日电\xa0（万建辉）", ["正文。", "（本报记者\xa0李昌禹）"]) == [
        ("万建辉", "reporter"), ("李昌禹", "reporter")]
    assert credits(None, ["正文。", "（原韬雄\xa0\xa0王\xa0\xa0韬\xa0\xa0高\xa0\xa0峰）"]) == [
        ("原韬雄", "reporter"), ("王韬", "reporter"), ("高峰", "reporter")]
    assert credits(None, ["正文。", "（综合陆娅楠、宋豪新报道）"]) == [("陆娅楠", "reporter"), ("宋豪新", "reporter")]
    assert credits(None, ["正文。", "（本报柏林电）"]) == []
    assert credits(None, ["正文。", "（本报记者\xa0蒋升阳整理）"]) == [("蒋升阳", "compiler")]
    assert credits(None, ["正文。", "（本报记者 张 璁整理）"]) == [("张璁", "compiler")]
    assert credits(None, ["正文。", "（上海商学院教授\xa0周\xa0勇）"]) == []
    assert credits(None, ["本报北京2月18日电 （记者贺勇）记者获悉。", "本报北京2月21日电 （记者王珂）商务部称。"]) == [
        ("王珂", "reporter")]
    assert [is_label(t) for t in ("曹\xa0\xa0一图\xa0\xa0杨立新文", "——习近平", "核心阅读", "（本报莫斯科电）", "读懂文", "用心绘")] == [
        True, True, True, True, False, False]


def test_line_spans_agree_with_split_lines(issues):
    """Each page's line truths are exactly the spans split_lines gives, labelled with known labels."""
    for issue in issues:
        for number, text in issue.pages.items():
            lines = issue.lines[number]
            assert [(t.start, t.end) for t in lines] == split_lines(text)
            assert all(t.label in LINE_LABELS for t in lines)


def _strip_jump(line: str, fragment) -> str:
    if fragment.jump_line and line.endswith(fragment.jump_line) and fragment.jump_to:
        return line[: -len(fragment.jump_line)]
    if fragment.jump_line and line.startswith(fragment.jump_line) and fragment.jump_from:
        return line[len(fragment.jump_line):]
    return line


def test_text_lines_rebuild_each_fragment(issues):
    """Joining text lines by their labels (continued runs on, others end a paragraph) gives each
    printed fragment's paragraphs, the byline prefix and glued jump lines removed."""
    for issue in issues:
        for number, text in issue.pages.items():
            by_article = {}
            for t in issue.lines[number]:
                if t.label in TEXT_LABELS:
                    by_article.setdefault(t.article, []).append((text[t.start:t.end], t.label))
            for fragment in (f for f in issue.fragments if f.page == number):
                paragraphs, carry = [], ""
                for k, (line, label) in enumerate(by_article.get(fragment.article, [])):
                    line = _strip_jump(line, fragment)
                    if label == LINE_SECTION_HEAD and line.startswith("**"):
                        line = line[2:-2]
                    if not paragraphs and not carry and fragment.byline and line.startswith(fragment.byline):
                        line = line[len(fragment.byline):].strip()
                    carry += line
                    if label != LINE_CONTINUED:
                        paragraphs.append(carry)
                        carry = ""
                assert paragraphs == fragment.paragraphs, (issue.date, number, fragment.order)


def test_truth_is_the_join_of_the_printed_halves(issues):
    """For every jump, the truth is head and tail, the seam's paragraph joined when the cut was
    inside one; join_paragraphs finds it where the head ends mid-sentence (after a full stop it
    weighs the odds: bench/jump_joins.py measures how often it is right)."""
    jumps = sentence_cuts = 0
    for issue in issues:
        heads = {f.article: f for f in issue.fragments if f.jump_to}
        tails = {f.article: f for f in issue.fragments if f.jump_from}
        for n, article in enumerate(issue.truth):
            if article.jumped:
                jumps += 1
                head, tail = heads[n].paragraphs, tails[n].paragraphs
                seam = head[:-1] + [head[-1] + tail[0]] + tail[1:]
                assert article.paragraphs in (head + tail, seam)
                if ends_sentence(head[-1]):
                    sentence_cuts += article.paragraphs == seam
                else:
                    assert join_paragraphs(head, tail) == article.paragraphs
                assert article.pages == [heads[n].page, tails[n].page]
    assert jumps >= 2 * len(issues)
    assert 0 < sentence_cuts < jumps / 4


def test_every_jump_line_spelling_appears(issues):
    """Each out and in style is used, glued and on a line of its own, with spaces and mixed bracket widths."""
    lines = [f.jump_line for i in issues for f in i.fragments if f.jump_line]
    for style in OUT_STYLES + IN_STYLES:
        assert any(style_pattern(style).match(line) for line in lines), style
    assert any(" " in line for line in lines)
    assert any(line[0] == "(" and line[-1] == "）" or line[0] == "（" and line[-1] == ")" for line in lines)
    labels = {t.label for i in issues for v in i.lines.values() for t in v}
    assert {"jump_in", "jump_out", "continued", "section_head", "label", "caption", "banner"} <= labels


def test_labelled_pages_yields_text_and_lines(corpus_dir):
    """labelled_pages gives (page text, line truths) pairs whose spans are lines of the text."""
    pages = list(labelled_pages(2, seed=5))
    assert pages and all(split_lines(text) == [(t.start, t.end) for t in lines] for text, lines in pages)


def test_write_issue_uses_the_ingest_layout(issues, tmp_path):
    """Pages are written as <paper>/<YYYY-MM-DD>/<NN>.txt."""
    folder = write_issue(issues[0], tmp_path)
    assert folder == tmp_path / issues[0].paper / issues[0].date.isoformat()
    assert sorted(p.name for p in folder.iterdir()) == [f"{n:02d}.txt" for n in sorted(issues[0].pages)]
    assert (folder / "01.txt").read_text(encoding="utf-8") == issues[0].pages[1]


def test_captions_are_printed_with_their_credit_on_the_line_or_under_it(issues):
    """A layout caption is one line (…现场。梁琛摄) or a caption line with its credit line under it
    (seed 002: …操作技能。 / 刘堂摄): both are labelled caption and credited to the photographer."""
    one_line = under = 0
    for issue in issues:
        for number, truths in issue.lines.items():
            text = issue.pages[number]
            captions = [text[t.start:t.end] for t in truths if t.label == "caption"]
            for k, line in enumerate(captions):
                if line.endswith("摄") or re.search(r"摄[（(][^）)]+[）)]$", line):
                    is_credit_only = len(line) <= 16
                    under += is_credit_only and k > 0 and not captions[k - 1].endswith("摄")
                    one_line += not is_credit_only
    assert under > 20 and one_line > 20
