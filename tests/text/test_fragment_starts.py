"""Where fragments start and end on a page: failures first seen on generated issues (bench/issuegen.py)."""
import pytest

from archive.text import parse_page
from archive.text.words import reads_on

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


@pytest.mark.parametrize("raw, outline", [
    # A quotation or bracket left open: a column break cut the line, titles close their marks.
    (f"{TAIL}\n\n“高速铁路钢轨1米范围内轨面纵向不平顺应小于0.2毫\n\n米。超过0.2毫米，列车会晃车。\n",
     [(None, 1, None, 2)]),
    # Speech that quotes a finished sentence is prose, however short …
    ("## 官同生：真心英雄\n\n（上接01版)\n\n官同生对同事说：“今晚的任务不同往常，要有准备……”\n\n5月28日凌晨，民警包围了旅社。\n",
     [("官同生：真心英雄", 1, None, 2)]),
    # … while a title that is the quotation alone stays a title.
    (f"“没救下人，才会后悔！”（德耀中华）\n\n{LEAD}\n", [("“没救下人，才会后悔！”(德耀中华)", None, None, 1)]),
], ids=["open-quotation", "speech-quoting-a-sentence", "quotation-title"])
def test_prose_shaped_short_lines(raw, outline):
    """Short lines with open marks or a quoted finished sentence in running text are not titles."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("raw, outline", [
    # Right above a jump-in line: the repeated headline of a continued part.
    (f"{TAIL}\n\n用政府辛苦指数，换企业发展指数\n\n（接第1版）\n\n环节由19个减少到14个。\n",
     [(None, 1, None, 1), ("用政府辛苦指数，换企业发展指数", 1, None, 1)]),
    # With no article open, above a paragraph.
    ("体操世锦赛，中国队收获3银2铜\n\n当地时间10月13日，世锦赛落幕。\n", [("体操世锦赛，中国队收获3银2铜", None, None, 1)]),
    # Not a title: the head of a first paragraph a column break cut, under a headline …
    ("## 茅洞桥年景（泥土芬芳）\n\n嫩黄的阳光从远处山峦缓缓漫过来，与温婉的晨雾相\n\n拥时，茅洞桥的街巷早已沸腾了。\n",
     [("茅洞桥年景(泥土芬芳)", None, None, 1)]),
    # … or inside an open article on a page that marks its headlines with #, …
    (f"## 力促服务业复工复产\n\n{LEAD}\n\n他们拉长产业链，延伸价值链\n\n带动农民增收。\n", [("力促服务业复工复产", None, None, 2)]),
    # … or on a plain page when the sentence runs on across the break (积|极), …
    (f"力促服务业复工复产\n\n{LEAD}\n\n他们拉长产业链，延伸价值链，积\n\n极带动农民增收。\n", [("力促服务业复工复产", None, None, 2)]),
    # … or when it is longer than a comma title under a headline.
    (f"力促服务业复工复产\n\n{LEAD}\n\n他们拉长产业链，延伸价值链，发展乡村旅游\n\n带动农民增收。\n",
     [("力促服务业复工复产", None, None, 2)]),
], ids=["above-jump-in", "no-article-open", "cut-head-under-headline", "cut-head-in-marked-article",
        "cut-head-reading-on", "cut-head-too-long"])
def test_titles_with_commas_by_their_place(raw, outline):
    """A short comma line is display type above a byline or jump-in line, or when no article is open."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("raw, head, paragraphs", [
    # A comma line right above a byline (photo caption between) is the subheadline.
    ("## 冰天雪地也是金山银山\n\n黑龙江的冰雪游，真热\n\n市民在现场参观。 王正摄\n\n"
     "本报哈尔滨2月17日电 （记者吴齐强）“简直物超所值！”游客说。\n",
     ("冰天雪地也是金山银山", "黑龙江的冰雪游，真热"), ["“简直物超所值！”游客说。"]),
    # A quoted finished sentence with text after it, under a headline, is the first paragraph.
    ("## 小肩膀也要担责任（行与思）\n\n“妈妈，我不想上学！捡瓶子也能养活自己。”孩子又一\n\n次“理直气壮”。妈妈很淡定。\n",
     ("小肩膀也要担责任(行与思)", None), ["“妈妈，我不想上学！捡瓶子也能养活自己。”孩子又一次“理直气壮”。妈妈很淡定。"]),
], ids=["comma-subheadline-above-byline", "quoted-sentence-then-text"])
def test_display_lines_and_text_of_an_article(raw, head, paragraphs):
    """Title-shaped commas above a byline are display type; a quoted sentence running on is text."""
    fragment, = parse_page(raw).fragments
    assert ((fragment.headline, fragment.subheadline), fragment.paragraphs) == (head, paragraphs)


def test_names_in_brackets_after_a_dispatch_are_the_byline():
    """本报巴中2月20日电 (张文、杨希壮): bracketed names after a dated dispatch are reporters, not text."""
    page = parse_page("## 巴州区建立惠民信息监督平台\n\n本报巴中2月20日电 （张文、杨希壮）“查到了！”村民说。\n")
    fragment = page.fragments[0]
    assert (fragment.paragraphs, fragment.reporters) == (["“查到了！”村民说。"], ["张文", "杨希壮"])


@pytest.mark.parametrize("raw, outline", [
    # A plain headline after a continued part that repeats its headline.
    (f"## 会议召开\n\n{TAIL}\n\n{BODY}\n\n人勤春早农事忙\n\n早春时节，各地农民走进田间地头。\n",
     [("会议召开", 1, None, 2), ("人勤春早农事忙", None, None, 1)]),
    # Two lines of display type after a continued part: the next article's headline group.
    (f"{TAIL}\n\n弘扬红色文化 传承革命精神\n\n“红军长征粤北纪念馆”开馆\n\n纪念馆位于广东省韶关市。\n",
     [(None, 1, None, 1), ("“红军长征粤北纪念馆”开馆", None, None, 1)]),
    # A headline closed by a quotation, with a caption under it.
    (f"{TAIL}\n\n马街书会 如约“开腔”\n\n活动现场。 梁琛摄\n\n2月17日是农历正月十三。\n",
     [(None, 1, None, 1), ("马街书会 如约“开腔”", None, None, 1)]),
    # Not a title: a plain line longer than display type is a column-cut paragraph head.
    (f"{TAIL}\n\n香港中华总商会、香港中华出入口商会等香港各大主要商\n\n会均表示，希望规例能减少暴力。\n",
     [(None, 1, None, 2)]),
], ids=["after-headed-tail", "pair-after-tail", "quotation-ending-title", "long-cut-head-in-tail"])
def test_continued_parts_run_to_their_end(raw, outline):
    """After a continued part's last full stop, short display lines start the next article."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("raw, paragraphs", [
    # Above a jump-out line: the open article's last words, not a banner.
    (f"市人大常委会举行会议\n\n{LEAD}\n\n委员长会议建议的常委会议程还有：\n\n（转第3 版）\n",
     ["1月1日,会议在京召开。", "委员长会议建议的常委会议程还有："]),
    # Below a jump-in line on its own: the continued text's first words, not a section head.
    ("（上接第1版）\n\n出口规模从2012年的0.8亿美元跃升至2018\n\n年5.0亿美元，实现六连增。\n",
     ["出口规模从2012年的0.8亿美元跃升至2018年5.0亿美元，实现六连增。"]),
], ids=["above-jump-out", "below-jump-in"])
def test_short_lines_next_to_jump_lines_are_text(raw, paragraphs):
    """A short line next to a jump line on its own is the continued article's text, cut by a column."""
    fragment, = parse_page(raw).fragments
    assert fragment.paragraphs == paragraphs


@pytest.mark.parametrize("raw, outline", [
    # A plain headline after a finished article, no byline under it …
    (f"力促服务业复工复产\n\n{LEAD}\n\n滴水森林\n\n山里的雨来得轻。没听见风，也没有电闪雷鸣。\n",
     [("力促服务业复工复产", None, None, 1), ("滴水森林", None, None, 1)]),
    # … or a short comma headline.
    (f"力促服务业复工复产\n\n{LEAD}\n\n网售处方药，要放更要管\n\n前不久，新版药品管理法部分解禁了处方药的网上销售。\n",
     [("力促服务业复工复产", None, None, 1), ("网售处方药，要放更要管", None, None, 1)]),
], ids=["plain-title", "comma-title"])
def test_titles_after_a_full_stop_on_a_plain_page(raw, outline):
    """On a page with no markdown headlines, a short title-shaped line after a full stop that
    does not read on into the next line starts the next article."""
    assert _outline(raw) == outline


@pytest.mark.parametrize("line, following, expected", [
    ("位于体育西路的晋韵楼大酒店是一家经营山", "西菜的老牌饭店", True),       # 山西 spans the break
    ("杨洁篪、胡春华、王毅、肖捷、何立峰和", "推进“一带一路”建设工作领导小组成员", True),   # ends on 和
    ("会议于2019", "年召开", True),                                          # ends on a digit
    ("中国特色粮食安全之路越走越宽广", "所贵惟贤，所宝惟谷。", False),
    ("滴水森林", "山里的雨来得轻。", False),
])
def test_reads_on(line, following, expected):
    """A sentence runs on across a break when a word spans it or the line ends on a function word."""
    assert reads_on(line, following) is expected


@pytest.mark.parametrize("kicker", ["工业互联网技术不断突破——", "博鳌亚洲论坛全球健康论坛大会：", "孙春兰在崇礼考察时强调"])
def test_a_kicker_after_a_full_stop_opens_an_article(kicker):
    """Two display lines after a finished paragraph are a section head pair unless the first
    leads into the second as a kicker does."""
    raw = f"力促服务业复工复产\n\n{LEAD}\n\n{kicker}\n\n为经济创新发展注入新动能\n\n飞机降落后，无人机替代人工技师拍摄。\n"
    assert _outline(raw) == [("力促服务业复工复产", None, None, 1), ("为经济创新发展注入新动能", None, None, 1)]
    section = f"力促服务业复工复产\n\n{LEAD}\n\n践行殷殷嘱托 彰显省会担当\n\n不断提升太原的首位度\n\n飞机降落后，无人机替代人工技师拍摄。\n"
    assert _outline(section) == [("力促服务业复工复产", None, None, 2)]


def test_a_title_shaped_line_that_runs_on_is_text_under_display_type():
    """Under a captioned headline pair, the cut head of the first paragraph (会|议室) is text."""
    raw = ("浙江乐清市“十大行动”夯实农村党建\n\n党员走在前 村民跟着干\n\n座谈会现场。梁琛 摄\n\n"
           "走进浙江乐清市虹桥镇建强村党群服务中心会\n\n议室，该镇6位村党支部书记正在讨论。\n")
    fragment, = parse_page(raw).fragments
    assert (fragment.headline, fragment.subheadline) == ("浙江乐清市“十大行动”夯实农村党建", "党员走在前 村民跟着干")
    assert fragment.paragraphs == ["走进浙江乐清市虹桥镇建强村党群服务中心会议室，该镇6位村党支部书记正在讨论。"]


def test_a_paragraph_leading_on_with_a_dash_is_the_kicker_of_the_title_below():
    """A short paragraph ending in —— over a plain title line is that article's kicker."""
    raw = (f"力促服务业复工复产\n\n{LEAD}\n\n飞机上，一名六旬女乘客忽然晕厥——\n\n万里高空的生命救援\n\n"
           "10月22日晚7时许，一名乘客经历了生命中的危急时刻。\n")
    first, second = parse_page(raw).fragments
    assert first.paragraphs == ["1月1日,会议在京召开。"]
    assert (second.kicker, second.headline) == ("飞机上，一名六旬女乘客忽然晕厥——", "万里高空的生命救援")
