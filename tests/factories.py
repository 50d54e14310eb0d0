"""factory_boy factories for the archive's models (tests that need rows without parsing)."""
import datetime
import hashlib

import factory

from archive import models


class NewspaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Newspaper
        django_get_or_create = ("slug",)

    slug = "taiyuan-daily"
    name = "太原日报"
    place = "太原"


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Issue

    newspaper = factory.SubFactory(NewspaperFactory)
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Page

    issue = factory.SubFactory(IssueFactory)
    number = factory.Sequence(lambda n: n + 1)
    source_name = factory.LazyAttribute(lambda page: f"{page.number:02d}.txt")
    raw_text = factory.Sequence(lambda n: f"第{n}页的原文。\n")
    sha256 = factory.LazyAttribute(lambda page: hashlib.sha256(page.raw_text.encode()).hexdigest())
    encoding = "utf-8"
    parser_version = "test"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    first_page = factory.SubFactory(PageFactory)
    issue = factory.LazyAttribute(lambda article: article.first_page.issue)
    first_page_number = factory.LazyAttribute(lambda article: article.first_page.number)
    number = factory.Sequence(lambda n: n + 1)
    headline = factory.Sequence(lambda n: f"太原市第{n}次工作会议召开")
    body = "本报讯 会议强调，要推动高质量发展。\n\n会议还研究了其他事项。"
    pages = factory.LazyAttribute(lambda article: [article.first_page.number])


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Contributor
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"记者{n}")


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Credit

    article = factory.SubFactory(ArticleFactory)
    contributor = factory.SubFactory(ContributorFactory)
    role = models.Credit.Role.REPORTER
