"""Key facts about the seed pages, read by hand from the printed text and stated directly so a
golden-file regeneration cannot hide them."""
import datetime

import pytest

from archive.text import parse_page


def _parse(seeds_dir, number):
    path = next(seeds_dir.glob(f"{number}_*.txt"))
    return parse_page(path.read_text(encoding="utf-8"))


def _by_headline(page, start):
    (fragment,) = [f for f in page.fragments if (f.headline or "").startswith(start)]
    return fragment


def test_seed_000_has_three_articles_and_a_continuation(seeds_dir):
    """Three headed articles, then the (上接03版) tail as a headline-less fragment."""
    page = _parse(seeds_dir, "000")
    assert [f.kind for f in page.fragments] == ["news", "news", "news", "fragment"]
    tail = page.fragments[3]
    assert tail.headline is None and tail.jump_in.page == 3
    assert tail.paragraphs[0].startswith("深入开展服务业提质增效十大行动")
    assert page.fragments[0].paragraphs[0].startswith("4月24日,纪念太原解放74周年活动")
    assert any("崇高品质" in p for p in page.fragments[0].paragraphs)


def test_seed_001_sends_five_articles_to_page_3_and_one_to_page_4(seeds_dir):
    """Six jump lines; the safety article's caption is credited to 梁琛; sign-offs stay in the text."""
    page = _parse(seeds_dir, "001")
    targets = [f.jump_out.page for f in page.fragments if f.jump_out]
    assert sorted(targets) == [3, 3, 3, 3, 3, 4]
    first = page.fragments[0]
    assert first.byline == "本报讯(记者 殷雪莹、梁涛)"
    assert first.captions[0].text == "工作座谈会现场。" and first.captions[0].photographers == ("梁琛",)
    workers = _by_headline(page, "全市推进产业工人队伍建设改革")
    assert workers.paragraphs[-1].endswith("。(李俊华)")
    assert ("李俊华", "reporter") in [(c.name, c.role) for c in workers.contributors]


def test_seed_002_keeps_section_heads_inside_the_report(seeds_dir):
    """The 与会人员谈 report holds its section heads in its text, 锚定发展目标 做好引领示范 among them."""
    page = _parse(seeds_dir, "002")
    report = next(f for f in page.fragments if f.subheadline and "与会人员谈" in f.subheadline)
    heads = [report.paragraphs[i] for i in report.section_heads]
    assert "锚定发展目标 做好引领示范" in heads
    assert "践行殷殷嘱托 彰显省会担当" in heads
    assert report.reporters[:3] == ["丁洁", "王丹", "史鹏程"]


def test_seed_003_keeps_bold_section_heads_in_the_text(seeds_dir):
    """The 工作综述 keeps its **…** heads as paragraphs of its text, without the marks; two
    articles go on to page 2; full-width brackets stay full-width."""
    page = _parse(seeds_dir, "003")
    review = _by_headline(page, "履职尽责不负重托")
    assert review.subheadline == "——市人大常委会2024年工作综述"
    heads = [review.paragraphs[i] for i in review.section_heads]
    assert heads == ["高水平立法护航法治太原建设", "高效能监督助推经济社会发展"]
    assert [f.jump_out.page for f in page.fragments if f.jump_out] == [2, 2]
    lead = page.fragments[0]
    assert lead.byline == "本报讯（记者 殷雪鸢、胡引平）"
    assert _by_headline(page, "优环境").paragraphs[-1].endswith("（丁 洁、王春宇）")


def test_seed_004_joins_the_sentence_around_the_caption(seeds_dir):
    """The lead article's caption sits inside 让两市人/民有更多获得感, which becomes one paragraph."""
    page = _parse(seeds_dir, "004")
    lead = page.fragments[0]
    assert any("让两市人民有更多获得感" in p for p in lead.paragraphs)
    assert lead.captions[0].photographers == ("梁琛",)


@pytest.mark.parametrize("number, date", [
    ("000", datetime.date(2023, 4, 25)),
    ("002", datetime.date(2023, 12, 1)),
    ("003", datetime.date(2025, 2, 22)),
    ("004", datetime.date(2022, 6, 10)),
])
def test_issue_date_is_guessed_from_the_text(seeds_dir, number, date):
    """Datelines plus the years the text names give the issue date."""
    assert _parse(seeds_dir, number).date.value == date


def test_no_date_is_guessed_when_the_text_names_no_year(seeds_dir):
    """Seed 001 (2022-06-03) gives only 6月1日/6月2日: no year, so no guess."""
    assert _parse(seeds_dir, "001").date is None


@pytest.mark.parametrize("number, page_number", [("001", 1), ("003", 1), ("000", None), ("002", None)])
def test_front_pages_are_recognised_by_their_jumps(seeds_dir, number, page_number):
    """A page that only sends jumps on to later pages is page 1; otherwise no guess."""
    guess = _parse(seeds_dir, number).page_number
    assert (guess.value if guess else None) == page_number
