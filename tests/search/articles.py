"""A small archive built with factories, for search tests that need known counts."""
import datetime

from archive.models import Credit
from tests.factories import ArticleFactory, ContributorFactory, CreditFactory, IssueFactory, NewspaperFactory, PageFactory


def make_article(*, headline, body, date, page=1, pages=None, kind="news", names=(), paper="taiyuan-daily",
                 captions=()):
    newspaper = NewspaperFactory(slug=paper, name={"taiyuan-daily": "太原日报"}.get(paper, paper))
    issue = newspaper.issues.filter(date=date).first() or IssueFactory(newspaper=newspaper, date=date)
    first_page = issue.pages.filter(number=page).first() or PageFactory(issue=issue, number=page)
    article = ArticleFactory(
        first_page=first_page, headline=headline, body=body, kind=kind, pages=pages or [page],
        captions=[{"text": text, "photographers": []} for text in captions],
    )
    for order, name in enumerate(names):
        CreditFactory(article=article, contributor=ContributorFactory(name=name), role=Credit.Role.REPORTER,
                      order=order)
    return article


def build_archive():
    """Seven articles over two papers, two years, several pages, kinds and reporters."""
    return {
        "fenjiu": make_article(
            headline="韦韬与汾酒集团党委书记、董事长袁清茂一行举行工作会谈",
            body="本报讯(记者 殷雪莹、梁涛) 6月1日,省委常委、市委书记韦韬与汾酒集团党委书记举行工作会谈。"
                 "\n\n汾酒是我省的优质品牌,历史悠久、底蕴深厚。要推动高质量发展。",
            date=datetime.date(2022, 6, 2), page=1, pages=[1, 3], names=["殷雪莹", "梁涛"],
        ),
        "liberation": make_article(
            headline="我市举行纪念太原解放74周年活动",
            body="本报讯(记者 殷雪鸢 梁涛)4月24日,纪念太原解放74周年活动在牛驼寨烈士陵园举行。韦韬出席。",
            date=datetime.date(2023, 4, 25), page=1, names=["殷雪鸢", "梁涛"],
        ),
        "separate": make_article(
            headline="企业座谈会召开",
            body="高质量的产品是企业的生命。会议要求促进经济发展,稳住,市场预期向好。",
            date=datetime.date(2023, 4, 26), page=2, names=["殷雪鸢"],
        ),
        "traditional": make_article(
            headline="韋韜調研汾河治理",
            body="韋韜強調,要推動高質量發展,守護汾河生態,支持汾酒品牌。",
            date=datetime.date(2022, 7, 1), page=2, kind="brief",
        ),
        "yanhuoqi": make_article(
            headline="力促服务业复工复产 城市“烟火气”持续回升",
            body="夜幕还未降临,在山西省太原市食品街,古色古香的牌楼前游客已陆续多了起来。城市“烟火气”正在持续回升。",
            date=datetime.date(2022, 6, 2), page=4, names=["梁涛"],
        ),
        "commentary": make_article(
            headline="以高质量发展回应人民期待",
            body="新时代新征程,推动高质量发展是首要任务。<b>评论</b>",
            date=datetime.date(2023, 5, 1), page=5, kind="commentary",
        ),
        "other_paper": make_article(
            headline="汾酒产区文旅融合发展",
            body="杏花村镇以汾酒文化为核心,发展文旅产业。",
            date=datetime.date(2023, 5, 2), page=3, paper="shanxi-daily", captions=["杏花村酒厂一角。"],
        ),
    }
