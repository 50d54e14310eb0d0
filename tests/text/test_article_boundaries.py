"""Where one article ends and the next begins when no byline says so: failures seen on generated issues."""
import pytest

from archive.text import parse_page

LEAD = "本报讯 1月1日,会议在京召开。"
BODY = "与会代表审议了有关报告。"
TAIL = "(上接第1版)会议还听取了工作汇报。"
NEXT = "早春时节，各地农民走进田间地头。"


def _outline(raw):
    """(kicker, headline, subheadline, jump_in page, paragraph count) per fragment."""
    return [
        (f.kicker, f.headline, f.subheadline, f.jump_in and f.jump_in.page, len(f.paragraphs))
        for f in parse_page(raw).fragments
    ]


@pytest.mark.parametrize("raw, outline", [
    # A comma headline that closes on a quoted word, after a jump-out line.
    (f"市人大常委会举行会议\n\n{LEAD}(下转第2版)\n\n致敬，城市“夜行人”\n\n{NEXT}\n",
     [(None, "市人大常委会举行会议", None, None, 1), (None, "致敬，城市“夜行人”", None, None, 1)]),
    # A comma headline with a photo caption under it, after a finished continued part.
    (f"{TAIL}\n\n油菜花开，载动如海乡思\n\n市民在现场参观。 刘堂 摄\n\n{NEXT}\n",
     [(None, None, None, 1, 1), (None, "油菜花开，载动如海乡思", None, None, 1)]),
    # A comma headline above a one-line subheadline, after a finished continued part.
    (f"{TAIL}\n\n安徽天长推动移风易俗，培育乡村文明\n\n一个唢呐手眼中的变迁\n\n{NEXT}\n",
     [(None, None, None, 1, 1), (None, "安徽天长推动移风易俗，培育乡村文明", "一个唢呐手眼中的变迁", None, 1)]),
    # Two lines of display type with a photo caption under them, after a finished article.
    (f"市人大常委会举行会议\n\n{LEAD}\n\n贵州黔东南州检察机关\n\n公益诉讼守护传统村落\n\n会议现场。 王正摄\n\n{NEXT}\n",
     [(None, "市人大常委会举行会议", None, None, 1), ("贵州黔东南州检察机关", "公益诉讼守护传统村落", None, None, 1)]),
    # A short comma line under a headline is its subheadline.
    (f"市人大常委会举行会议\n\n{LEAD}(下转第2版)\n\n用科技把控品质，借传播提升影响\n\n中医药老手艺，又回来了\n\n{NEXT}\n",
     [(None, "市人大常委会举行会议", None, None, 1),
      (None, "用科技把控品质，借传播提升影响", "中医药老手艺，又回来了", None, 1)]),
    # A headline that asks, closed by a column tag, with no byline.
    (f"{TAIL}\n\n“首店经济”，如何延续开门红？（评论员随笔）\n\n{NEXT}\n",
     [(None, None, None, 1, 1), (None, "“首店经济”，如何延续开门红？(评论员随笔)", None, None, 1)]),
], ids=["quoted-word-headline", "captioned-comma-headline", "comma-headline-over-display", "captioned-pair",
        "short-comma-subheadline", "question-with-column-tag"])
def test_display_lines_start_the_next_article(raw, outline):
    """Display type after a finished article starts the next one when its shape or place says so."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("raw, outline", [
    # The head of a paragraph a column break cut, after a finished continued part.
    (f"{TAIL}\n\n回老家后，梁倩娟立刻开始学习电子商务，积\n\n极参加市县组织的各种培训。\n", [(None, None, None, 1, 2)]),
    # Under a headline, a comma line longer than a one-line title is the cut first paragraph.
    ("## 让日子更红火 让前程更远大\n\n在春节这样欢乐祥和的时刻，百姓的日子让人\n\n更加憧憬，国家的前程让人满怀期待。\n",
     [(None, "让日子更红火 让前程更远大", None, None, 1)]),
    # Names in brackets after a question sign the paragraph off; they are no column tag.
    (f"{TAIL}\n\n你说这对吗？（李俊华）\n", [(None, None, None, 1, 2)]),
], ids=["cut-head-after-tail", "cut-head-under-headline", "signoff-after-question"])
def test_text_stays_text(raw, outline):
    """Title-shaped text with no display evidence stays in the article it is printed in."""
    assert _outline(raw) == outline


def test_kicker_led_in_by_a_dash_leaves_the_article_above():
    """A paragraph ending in —— right above a headline is the next article's kicker."""
    kicker = "吉林西部不缺水，尴尬的是曾十年九旱。一项工程，让2400平方公里土地变成了湿地——"
    page = parse_page(f"{TAIL}\n\n{BODY}\n\n{kicker}\n\n## 河湖连通，这里四季能赏景\n\n{LEAD}\n")
    tail, article = page.fragments
    assert tail.paragraphs == ["会议还听取了工作汇报。", BODY]
    assert (article.kicker, article.headline) == (kicker, "河湖连通，这里四季能赏景")


@pytest.mark.parametrize("raw, paragraphs", [
    ("上接A01版\n\n…”\n\n高连军嘿嘿一笑。\n", ["…”", "高连军嘿嘿一笑。"]),
    (f"{TAIL}\n\n……\n\n{BODY}\n", ["会议还听取了工作汇报。", "……", BODY]),
], ids=["closing-a-quotation", "on-its-own"])
def test_a_paragraph_of_ellipsis_is_text(raw, paragraphs):
    """A paragraph that is only an ellipsis belongs to the article it is printed in."""
    fragment, = parse_page(raw).fragments
    assert fragment.paragraphs == paragraphs


def test_an_ellipsis_before_any_article_is_noise():
    """With no article open, a line of dots belongs to none."""
    page = parse_page(f"……\n\n市人大常委会举行会议\n\n{LEAD}\n")
    assert [f.paragraphs for f in page.fragments] == [["1月1日,会议在京召开。"]]
    assert page.blocks[0].kind == "noise"


@pytest.mark.parametrize("raw, outline", [
    # After a continued part's last full stop, a byline opens the next item …
    (f"## 会议召开\n\n{TAIL}\n\n本报讯(记者 张慧) 6月2日,座谈会在并举行。\n",
     [(None, "会议召开", None, 1, 1), (None, None, None, None, 1)]),
    # … while a second dateline inside a headed article opens a section of it.
    (f"## 会议召开\n\n{LEAD}\n\n本报上海1月1日电 上海分会场同时举行。\n", [(None, "会议召开", None, None, 2)]),
], ids=["byline-after-tail", "second-dateline"])
def test_datelines_after_a_finished_article(raw, outline):
    """A continued part runs to its last full stop; a byline after it is the next article's."""
    assert _outline(raw) == outline
