"""Where fragments start and end on a page: failures first seen on generated issues (bench/issuegen.py)."""
import pytest

from archive.text import parse_page

LEAD = "本报讯 1月1日,会议在京召开。"
BODY = "与会代表审议了有关报告。"
TAIL = "(上接第1版)会议还听取了工作汇报。"


def _outline(raw):
    """(headline, jump_in page, jump_out page, paragraph count) per fragment."""
    return [
        (f.headline, f.jump_in and f.jump_in.page, f.jump_out and f.jump_out.page, len(f.paragraphs))
        for f in parse_page(raw).fragments
    ]


@pytest.mark.parametrize("raw, outline", [
    # A jump line with a space inside, after the paragraph's full stop.
    (f"市人大常委会举行会议\n\n{LEAD}\n\n通过本次会议议程。(下 转03版)\n",
     [("市人大常委会举行会议", None, 3, 2)]),
    (f"市人大常委会举行会议\n\n{LEAD}(下转第0 3版)\n", [("市人大常委会举行会议", None, 3, 1)]),
    (f"（上接第十 二版）会议还听取了工作汇报。\n", [(None, 12, None, 1)]),
    # A short line that ends or opens with a jump line is text, not a heading.
    (f"玉门油田的“精耕细作”\n\n{LEAD}\n\n他们拉长产业链，(下转04版)\n",
     [("玉门油田的“精耕细作”", None, 4, 2)]),
    (f"(接第1版)“这一系统让所有商品都有迹可循，购物更放心。”\n\n{BODY}\n", [(None, 1, None, 2)]),
], ids=["space-in-word", "space-in-page", "space-in-chinese-page", "short-line-with-jump-out", "short-line-with-jump-in"])
def test_jump_lines_bound_fragments(raw, outline):
    """Jump lines printed with stray spaces, or on a short line, still end or open a fragment."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("raw, outline", [
    # A subheadline closed by a column tag, commas and all, is display type of a new article.
    (f"中国足协将不再持有中超股份\n\n{LEAD}\n\n{BODY}\n\n黑龙江飞鹤乳业促进产学研深度融合\n\n"
     "创新路上，一直努力奔跑（壮丽70年 奋斗新时代·推动高质量发展调研行）\n\n本报讯（记者 张慧）1月1日,飞鹤达到目标。\n",
     [("中国足协将不再持有中超股份", None, None, 2), ("创新路上，一直努力奔跑(壮丽70年 奋斗新时代·推动高质量发展调研行)", None, None, 1)]),
    # A tagged headline with a comma and no byline after it, after a continuation tail.
    (f"{TAIL}\n\n写作，是为了沟通（五洲茶亭）\n\n有人问作家，你为什么要写作？\n",
     [(None, 1, None, 1), ("写作，是为了沟通(五洲茶亭)", None, None, 1)]),
    # A headline that is one quotation, commas inside.
    (f"“城里安了家，就在这过年”\n\n活动现场。刘堂摄\n\n{LEAD}\n", [("“城里安了家，就在这过年”", None, None, 1)]),
], ids=["tagged-subheadline", "tagged-headline-after-tail", "quoted-headline"])
def test_titles_with_commas_start_articles(raw, outline):
    """Commas inside a quotation or before a column tag do not make a title body text."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("raw, outline", [
    # A plain headline, no byline, after a continuation tail.
    (f"{TAIL}\n\n{BODY}\n\n人勤春早农事忙\n\n早春时节，各地农民走进田间地头。\n",
     [(None, 1, None, 2), ("人勤春早农事忙", None, None, 1)]),
    # A plain headline with a photo caption under it, after a headed article.
    (f"中国国际进口博览会组委会全体会议召开\n\n{LEAD}\n\n人勤春早农事忙\n\n座谈会现场。刘堂摄\n\n早春时节，各地农民走进田间地头。\n",
     [("中国国际进口博览会组委会全体会议召开", None, None, 1), ("人勤春早农事忙", None, None, 1)]),
    # Not a title: the head of a paragraph a column break cut, inside a headed article …
    (f"力促服务业复工复产\n\n{LEAD}\n\n位于体育西路的晋韵楼大酒店是一家经营山\n\n西菜的老牌饭店,上座率回升。\n",
     [("力促服务业复工复产", None, None, 2)]),
    # … the tail of a paragraph left open, inside a continuation …
    (f"(上接第1版)会议还听取了\n\n有关工作的汇报\n\n和审议意见。\n", [(None, 1, None, 1)]),
    # … or a short paragraph that is a sentence of its own.
    (f"{TAIL}\n\n我们干脆地回答：“没问题！”\n\n{BODY}\n", [(None, 1, None, 3)]),
], ids=["plain-headline-after-tail", "plain-headline-over-caption", "cut-head-in-article", "cut-tail-in-tail", "short-sentence-in-tail"])
def test_plain_lines_after_an_open_article(raw, outline):
    """A plain line after a finished paragraph starts the next article after a tail or over a caption."""
    assert _outline(raw) == outline
