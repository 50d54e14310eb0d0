"""GB/T 7714 references for newspaper articles."""
import datetime

from archive.views.citation import gbt7714

DAY = datetime.date(2023, 4, 25)


def test_cites_authors_title_paper_date_and_page():
    """The reference reads 著者. 题名[N]. 报纸名, 日期(版次)."""
    assert (
        gbt7714(authors=["殷雪鸢", "梁涛", "胡引平"], title="我市举行纪念太原解放74周年活动", paper="太原日报", date=DAY, pages=[1])
        == "殷雪鸢, 梁涛, 胡引平. 我市举行纪念太原解放74周年活动[N]. 太原日报, 2023-04-25(1)."
    )


def test_more_than_three_authors_end_with_deng():
    """Only the first three authors are named, then 等."""
    cited = gbt7714(authors=["甲", "乙", "丙", "丁"], title="题", paper="报", date=DAY, pages=[1])
    assert cited.startswith("甲, 乙, 丙, 等. 题[N].")


def test_no_author_starts_with_the_title_and_lists_every_page():
    """An unsigned article starts with its title; an article over two pages names both."""
    assert gbt7714(authors=[], title="题", paper="报", date=DAY, pages=[1, 3]) == "题[N]. 报, 2023-04-25(1,3)."
