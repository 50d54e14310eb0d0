"""Byline, sign-off, reporter-line and caption grammars."""
import pytest

from archive.text.bylines import match_author_line, match_byline, match_reporter_line, match_signoff
from archive.text.captions import match_caption, match_credit_line
from archive.text.credits import match_credits
from archive.text.normalise import match_view


@pytest.mark.parametrize("line, byline, reporters", [
    ("本报讯(记者 殷雪鸢 梁涛 胡引平)4月24日,", "本报讯(记者 殷雪鸢 梁涛 胡引平)", ["殷雪鸢", "梁涛", "胡引平"]),
    ("本报讯(记者 殷雪莹、梁涛) 6月2日,", "本报讯(记者 殷雪莹、梁涛)", ["殷雪莹", "梁涛"]),
    ("本报讯（记者 殷雪鸢、胡引平）2月21日，", "本报讯（记者 殷雪鸢、胡引平）", ["殷雪鸢", "胡引平"]),
    ("本报讯 6月1日下午,", "本报讯", []),
    ("本报讯 为深入学习贯彻", "本报讯", []),
    ("本报北京1月31日电 （记者杜一菲）近日,", "本报北京1月31日电 （记者杜一菲）", ["杜一菲"]),
    ("新华社太原6月2日电（记者 王飞航）", "新华社太原6月2日电（记者 王飞航）", ["王飞航"]),
    ("本报评", "本报评", []),
])
def test_bylines(line, byline, reporters):
    """The byline's extent and its reporters."""
    found = match_byline(match_view(line))
    assert (line[:found.end], found.reporters) == (byline, reporters)


@pytest.mark.parametrize("line", ["新华社播发报道", "本报记者从市文明办获悉", "据本报讯"])
def test_lines_that_are_not_bylines(line):
    """新华社播发报道 is a kicker; a byline must open the line."""
    assert match_byline(match_view(line)) is None


def test_commentary_byline():
    """本报评 marks the paper's own commentary."""
    assert match_byline("本报评").commentary


@pytest.mark.parametrize("line, start, names", [
    ("(阎铁洁)", 0, ["阎铁洁"]),
    ("…开展情况。(李俊华)", 6, ["李俊华"]),
    ("（丁 洁、王春宇）", 0, ["丁洁", "王春宇"]),
    ("(李俊华、李思明)", 0, ["李俊华", "李思明"]),
    ("（尹 哲）", 0, ["尹哲"]),
])
def test_signoffs(line, start, names):
    """A bracketed name list alone or after a full stop."""
    assert match_signoff(match_view(line)) == (start, names)


@pytest.mark.parametrize("line", ["各县(市、区)", "全会精神(一)", "他来到太原(山西省会)", "参加。(2023年)"])
def test_brackets_that_are_not_signoffs(line):
    """Brackets inside a sentence, or holding anything but names, are not sign-offs."""
    assert match_signoff(match_view(line)) is None


def test_reporter_line():
    """A closing line 记者 丁洁 王丹 … lists the reporters."""
    assert match_reporter_line("记者 丁洁 王丹 史鹏程") == ["丁洁", "王丹", "史鹏程"]
    assert match_reporter_line("记者从市文明办获悉,2022年") == []


@pytest.mark.parametrize("line, text, photographers", [
    ("工作座谈会现场。梁琛摄", "工作座谈会现场。", ["梁琛"]),
    ("太原市党政代表团参观晋中市城市规划展示馆。梁琛 摄", "太原市党政代表团参观晋中市城市规划展示馆。", ["梁琛"]),
    ("省委常委、市委书记韦韬在市总工会调研全市工会工作情况。 梁 琛 摄", "省委常委、市委书记韦韬在市总工会调研全市工会工作情况。", ["梁琛"]),
    ("比赛现场。本报记者 王丹 摄", "比赛现场。", ["王丹"]),
    ("比赛现场。王丹、李明摄", "比赛现场。", ["王丹", "李明"]),
    ("图为读者在图书馆阅览大厅看书学习。陈晓根摄（影像中国）", "图为读者在图书馆阅览大厅看书学习。", ["陈晓根"]),
    ("图为参加实弹射击考核的女兵。 万凌云摄(人民视觉)", "图为参加实弹射击考核的女兵。", ["万凌云"]),
])
def test_captions(line, text, photographers):
    """The caption text ends before the credit; the credit's names are photographers."""
    end, names = match_caption(match_view(line))
    assert (line[:end], names) == (text, photographers)


@pytest.mark.parametrize("line", ["大家都来拍摄", "我们参观摄影展。大家都来拍摄", "工作座谈会现场。"])
def test_prose_is_not_a_caption(line):
    """拍摄 is a verb; a line without the credit is not a caption."""
    assert match_caption(match_view(line)) is None


def test_credit_lines():
    """A line that is only a credit: 刘堂摄."""
    assert match_credit_line("刘堂摄") == ["刘堂"]
    assert match_credit_line("梁 琛 摄") == ["梁琛"]
    assert match_credit_line("我来拍摄") == []
    assert match_credit_line(match_view("黄晓海摄（新华社发）")) == ["黄晓海"]
    assert match_credit_line(match_view("新华社记者  王  凯摄")) == ["王凯"]
    assert match_credit_line(match_view("我来拍摄（新华社发）")) == []
    assert match_credit_line(match_view("黄晓海摄（新华社发表了一篇很长的评论文章）")) == []


@pytest.mark.parametrize("line, names", [
    ("文/张三", ["张三"]),
    ("作者：王五、赵六", ["王五", "赵六"]),
    ("□ 李四", ["李四"]),
    ("中国人民大学新闻学院教授  宋建武", ["宋建武"]),
    ("践行殷殷嘱托  彰显省会担当", []),
    ("韦韬主持并讲话 常书铭讲话", []),
    ("第二章  职责", []),
    ("■记者手记", []),
])
def test_author_lines(line, names):
    """A commentary's author line names its authors; headline pairs are not author lines."""
    assert match_author_line(line) == names


@pytest.mark.parametrize("line, credits", [
    ("（本报记者\xa0李昌禹）", [("李昌禹", "reporter")]),
    ("（综合陆娅楠、宋豪新、常者飞报道）", [("陆娅楠", "reporter"), ("宋豪新", "reporter"), ("常者飞", "reporter")]),
    ("（原韬雄\xa0\xa0王\xa0\xa0韬\xa0\xa0高\xa0\xa0峰）", [("原韬雄", "reporter"), ("王韬", "reporter"), ("高峰", "reporter")]),
    ("新华社记者\xa0\xa0\xa0朱旭东摄", [("朱旭东", "photographer")]),
    ("（本报柏林电）", []),
    ("看人民映像\u3000\u3000品百味人生", []),
    ("第二章\xa0\xa0职责", []),
    ("■记者手记", []),
    ("（新华社杭州2月24日电\xa0记者何玲玲、沈锡权）", [("何玲玲", "reporter"), ("沈锡权", "reporter")]),
    ("刘振清\xa0\xa0张\xa0\xa0敏摄影报道（影像中国）", [("刘振清", "photographer"), ("张敏", "photographer")]),
], ids=["reporter-signoff", "compiled-report", "padded-names", "wide-photo-credit", "end-dateline", "app-promo",
        "chapter-head", "box-label", "end-dispatch", "photo-story-agency"])
def test_closing_credits_name_people_not_role_words(line, credits):
    """Every name of a credit with its role; a role word, an end dateline or a pointer to the
    paper's app is no one's name (seen in 2019-02 pages, bench/articles.py)."""
    assert [(c.name, c.role) for c in match_credits(match_view(line))] == credits
