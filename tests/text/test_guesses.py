"""Date and page-number guesses for loose pages."""
import datetime

from archive.text import parse_page


def _page(*paragraphs):
    return parse_page("\n\n".join(paragraphs))


def test_issue_date_is_the_day_after_the_latest_dateline():
    """News is printed the next morning; the year comes from a full date in the text."""
    page = _page("## 甲会议召开", "本报讯 3月4日,甲会议召开。", "## 乙会议召开",
                 "本报讯 3月5日,乙会议召开,会期为2021年3月5日至7日。")
    assert page.date.value == datetime.date(2021, 3, 6)
    assert 0 < page.date.confidence <= 1 and "3月5日" in page.date.reason


def test_a_today_item_is_dated_its_own_dateline():
    """今起网上报名 on 12月1日 means the issue is of 12月1日."""
    page = _page("2024年春季征兵", "今起网上报名", "本报讯 12月1日,2024年春季征兵工作启动,报名时间为2023年12月1日至2024年2月10日。")
    assert page.date.value == datetime.date(2023, 12, 1)


def test_a_year_in_review_in_february_dates_the_next_year():
    """A 2024年工作综述 printed in February is in a 2025 paper."""
    page = _page("## 全市会议召开", "本报讯 2月21日,全市会议召开,回顾2024年度工作。")
    assert page.date.value == datetime.date(2025, 2, 22)


def test_the_last_dateline_of_the_year_rolls_over():
    """A 12月31日 dateline gives an issue on 1 January of the next year."""
    page = _page("## 跨年活动举行", "本报讯 12月31日,跨年活动举行,2019年即将过去。")
    assert page.date.value == datetime.date(2020, 1, 1)


def test_no_date_without_a_dateline_or_a_year():
    """Without datelines, or without any year, there is no date guess."""
    assert _page("## 会议召开", "本报讯 会议召开。").date is None
    assert _page("## 会议召开", "本报讯 6月1日,会议召开。").date is None


def test_a_printed_page_head_gives_the_page_number():
    """A line such as 第3版 at the top of the page names the page."""
    page = _page("第3版", "## 会议召开", "本报讯 会议召开。")
    assert page.page_number.value == 3
    assert [b.kind for b in page.blocks if b.kind not in ("space",)][0] == "noise"


def test_a_page_taking_jumps_in_is_not_guessed_to_be_page_one():
    """Continuations come from earlier pages; a page that takes one in gets no page guess."""
    assert _page("(上接第1版)会议还研究了其他事项。").page_number is None

