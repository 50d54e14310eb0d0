"""Fixtures for the public site: a front page whose articles jump, built with factories, and the seeds."""
import datetime

import pytest
from django.core.management import call_command

from archive.models import Article, Credit, Fragment
from tests.factories import (
    ArticleFactory,
    ContributorFactory,
    CreditFactory,
    IssueFactory,
    NewspaperFactory,
    PageFactory,
)

DAY = datetime.date(2021, 3, 3)
LEAD_PART_1 = "本报讯(记者 殷雪莹、梁涛) 6月2日,两市人大常委会协作工作座谈会在并举行。\n\n韦韬代表太原市委、市政府表示感谢。太原、忻州两市坚"
LEAD_PART_2 = "决贯彻省委决策部署,各项工作全面铺开。\n\n会议还研究了其他事项。"


def _fragment(page, order, text, *, article, position=0, jump_to=None, jump_from=None):
    return Fragment.objects.create(
        page=page, order=order, start=0, end=len(text), text=text, article=article, position=position,
        jump_to_page=jump_to, jump_from_page=jump_from,
    )


@pytest.fixture
def paper():
    return NewspaperFactory(slug="taiyuan-daily", name="太原日报")


@pytest.fixture
def front_page(paper):
    """2021-03-03: page 1 sends its lead to page 3; page 4 holds a continuation whose start is missing."""
    issue = IssueFactory(newspaper=paper, date=DAY)
    page1 = PageFactory(issue=issue, number=1, section="要闻")
    page3 = PageFactory(issue=issue, number=3, section="综合")
    page4 = PageFactory(issue=issue, number=4, section="")
    lead = ArticleFactory(
        first_page=page1, number=1, kicker="共抓发展机遇 共创美好未来",
        headline="太原忻州两市人大常委会协作工作座谈会举行", subheadline="韦韬王纯朱晓东出席并讲话",
        byline="本报讯(记者 殷雪莹、梁涛)", body=LEAD_PART_1 + LEAD_PART_2, pages=[1, 3],
        continuation_status=Article.ContinuationStatus.LINKED, confidence=0.97,
        captions=[{"text": "工作座谈会现场。", "photographers": ["梁琛"]}],
    )
    for order, name in enumerate(["殷雪莹", "梁涛"]):
        CreditFactory(article=lead, contributor=ContributorFactory(name=name), order=order)
    CreditFactory(article=lead, contributor=ContributorFactory(name="梁琛"), role=Credit.Role.PHOTOGRAPHER, order=2)
    _fragment(page1, 0, LEAD_PART_1, article=lead, jump_to=3)
    second = ArticleFactory(first_page=page1, number=2, headline="市领导检查防汛工作", needs_review=True,
                            review_reason="byline unclear")
    _fragment(page1, 1, second.body, article=second)
    inner = ArticleFactory(first_page=page3, number=1, headline="汾河公园游人如织")
    _fragment(page3, 0, inner.body, article=inner)
    _fragment(page3, 1, LEAD_PART_2, article=lead, position=1, jump_from=1)
    orphan = ArticleFactory(
        first_page=page4, number=1, kind=Article.Kind.FRAGMENT, headline="",
        body="线下消费市场回暖的同时,线上消费活动也在进行。",
        continuation_status=Article.ContinuationStatus.DANGLING,
    )
    _fragment(page4, 0, orphan.body, article=orphan, jump_from=2)
    IssueFactory(newspaper=paper, date=datetime.date(2021, 3, 2))
    IssueFactory(newspaper=paper, date=datetime.date(2021, 3, 10))
    return {"issue": issue, "lead": lead, "second": second, "inner": inner, "orphan": orphan}


@pytest.fixture
def loose_page(paper):
    """An unreviewed loose page: no date, no page number, one article. It has no public URL."""
    issue = IssueFactory(newspaper=paper, date=None, needs_review=True)
    page = PageFactory(issue=issue, number=None, source_name="loose.txt")
    article = ArticleFactory(first_page=page, first_page_number=None, number=1, headline="日期不明的文章")
    CreditFactory(article=article, contributor=ContributorFactory(name="殷雪莹"))
    return article


@pytest.fixture
def seeded(db, seeds_dir, django_capture_on_commit_callbacks):
    """The five real seed pages, ingested and reassembled by the ingest command (seeds/manifest.csv)."""
    # Reassembly is queued on commit; inside a test's transaction, run it when ingest returns.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(seeds_dir), verbosity=0)


@pytest.fixture
def indexed(db):
    """Index every article in the database (in the test settings' private index, which every
    test starts empty: tests/conftest.py)."""
    from archive.search.indexing import index_articles

    def index():
        index_articles(list(Article.objects.values_list("pk", flat=True)))

    return index


@pytest.fixture
def site(front_page, indexed):
    """The front-page issue, searchable."""
    indexed()
    return front_page
