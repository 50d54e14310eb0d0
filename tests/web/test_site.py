"""The public site's pages, through Django's test client."""
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from archive.models import Issue
from tests.factories import ArticleFactory, ContributorFactory, CreditFactory, PageFactory

pytestmark = pytest.mark.django_db

ISSUE = "/taiyuan-daily/2021-03-03/"


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_home_lists_papers_latest_issues_and_a_search_box(client, front_page, loose_page):
    """The home page shows the paper, its latest dated issues and a GET search form with `q`."""
    page = html(client, "/")
    assert '<html lang="zh-CN">' in page
    assert 'href="/taiyuan-daily/"' in page
    assert 'href="/taiyuan-daily/2021-03-10/"' in page
    assert 'href="/taiyuan-daily/2021/">2021年日历' in page
    assert re.search(r'<form[^>]*method="get"[^>]*action="/search/"', page)
    assert 'name="q"' in page


def test_paper_lists_years_with_counts(client, front_page, loose_page):
    """The paper page links each year with its number of dated issues (the undated one is not counted)."""
    page = html(client, "/taiyuan-daily/")
    assert 'href="/taiyuan-daily/2021/"' in page
    assert "3 期" in page


def test_year_calendar_links_issue_days_only(client, front_page):
    """The calendar shows all twelve months and links exactly the days with an issue."""
    page = html(client, "/taiyuan-daily/2021/")
    assert page.count("<table") == 12
    linked = re.findall(r'href="/taiyuan-daily/(2021-\d\d-\d\d)/"', page)
    assert linked == ["2021-03-02", "2021-03-03", "2021-03-10"]


def test_year_without_issues_is_a_helpful_404(client, front_page):
    """A year with no issues is a 404 that offers the years held."""
    page = html(client, "/taiyuan-daily/1999/", 404)
    assert 'href="/taiyuan-daily/2021/"' in page


def test_issue_lists_pages_with_sections_headlines_and_neighbours(client, front_page):
    """The issue page lists pages in order with section names and headlines, and previous/next issues."""
    page = html(client, ISSUE)
    assert page.index("第1版 · 要闻") < page.index("第3版 · 综合") < page.index("第4版")
    assert f'href="{ISSUE}1/1/"' in page and "太原忻州两市人大常委会协作工作座谈会举行" in page
    assert 'rel="prev" href="/taiyuan-daily/2021-03-02/"' in page
    assert 'rel="next" href="/taiyuan-daily/2021-03-10/"' in page


def test_issue_view_runs_a_bounded_number_of_queries(client, front_page, django_assert_max_num_queries):
    """The issue view's queries do not grow with its pages and articles."""
    page3 = front_page["inner"].first_page
    for number in range(2, 12):
        ArticleFactory(first_page=page3, number=number)
    with django_assert_max_num_queries(5):
        html(client, ISSUE)


def test_page_shows_articles_in_print_order_with_continuations(client, front_page):
    """Page 3 shows its own article, then the lead's continuation marked 上接第1版 linking back."""
    page = html(client, f"{ISSUE}3/")
    assert page.index("汾河公园游人如织") < page.index("上接第1版")
    assert f'href="{ISSUE}1/1/#p3">上接第1版' in page
    assert 'rel="prev" href="/taiyuan-daily/2021-03-03/1/"' in page
    assert 'rel="next" href="/taiyuan-daily/2021-03-03/4/"' in page


def test_page_shows_kicker_byline_first_lines_and_captions(client, front_page):
    """Page 1 shows the lead's kicker, headline, subheadline, byline, opening and caption."""
    page = html(client, f"{ISSUE}1/")
    for text in ["共抓发展机遇 共创美好未来", "韦韬王纯朱晓东出席并讲话", "本报讯(记者 殷雪莹、梁涛)", "6月2日,两市人大", "工作座谈会现场。"]:
        assert text in page
    assert page.index("太原忻州两市") < page.index("市领导检查防汛工作")


def test_page_view_runs_a_bounded_number_of_queries(client, front_page, django_assert_max_num_queries):
    """The page view's queries do not grow with its articles and their credits."""
    page1 = front_page["lead"].first_page
    for number in range(3, 13):
        CreditFactory(article=ArticleFactory(first_page=page1, number=number))
    with django_assert_max_num_queries(6):
        html(client, f"{ISSUE}1/")


def test_article_reads_whole_with_linked_jump_marks(client, front_page):
    """The lead reads whole: the page-1 part ends with 转第3版 linking to the page-3 part, which starts with 接第1版."""
    page = html(client, f"{ISSUE}1/1/")
    assert '<a href="#p3">转第3版</a>' in page
    assert '<a href="#p1">接第1版</a>' in page
    assert 'id="p3"' in page
    body = page[page.index('<div class="body">'):]
    assert body.index("两市坚</p>") < body.index("转第3版") < body.index("决贯彻省委决策部署")
    assert "会议还研究了其他事项。" in page


def test_article_shows_credits_date_pages_caption_and_neighbours(client, front_page):
    """The article links each contributor, dates itself with <time>, lists its pages and links the next article."""
    page = html(client, f"{ISSUE}1/1/")
    assert '记者：<a href="/people/%E6%AE%B7%E9%9B%AA%E8%8E%B9/">殷雪莹</a>、<a href="/people/%E6%A2%81%E6%B6%9B/">梁涛</a>' in page
    assert '摄影：<a href="/people/%E6%A2%81%E7%90%9B/">梁琛</a>' in page
    assert '<time datetime="2021-03-03">' in page
    assert f'href="{ISSUE}3/">第3版</a>' in page
    assert "摄影：梁琛" in page
    assert f'rel="next" href="{ISSUE}1/2/"' in page


def test_article_carries_citation_and_highwire_tags(client, front_page):
    """The article gives a GB/T 7714 citation and citation_* meta tags, one citation_author per author."""
    page = html(client, f"{ISSUE}1/1/")
    assert "殷雪莹, 梁涛. 太原忻州两市人大常委会协作工作座谈会举行[N]. 太原日报, 2021-03-03(1,3)." in page
    assert '<meta name="citation_title" content="太原忻州两市人大常委会协作工作座谈会举行">' in page
    assert re.findall(r'<meta name="citation_author" content="([^"]+)">', page) == ["殷雪莹", "梁涛"]
    assert '<meta name="citation_publication_date" content="2021/03/03">' in page
    assert '<meta name="citation_journal_title" content="太原日报">' in page
    assert '<meta name="citation_firstpage" content="1">' in page


def test_article_needing_review_says_so(client, front_page):
    """An uncertain article carries a visible notice in Chinese (the internal reason is not shown);
    a confirmed one does not."""
    flagged = html(client, f"{ISSUE}1/2/")
    assert '<p class="notice review" role="note"><strong>待核：</strong>' in flagged
    assert "byline unclear" not in flagged
    assert "待核：" not in html(client, f"{ISSUE}1/1/")


def test_segmentation_review_notice_is_chinese(client, front_page):
    """An article flagged because the segmenter was unsure of its boundaries says so in Chinese."""
    second = front_page["second"]
    second.review_reason = "uncertain segmentation: headline or body line"
    second.save()
    page = html(client, f"{ISSUE}1/2/")
    assert "本文分段待编辑核对" in page and "uncertain segmentation" not in page


def test_article_renders_section_heads_as_headings(client, front_page):
    """Section heads are headings inside the text, across the jump; the rest are paragraphs, as printed."""
    lead = front_page["lead"]
    part_1 = "本报讯 会议指出：“要坚持（一）系统观念”。\n\n一、坚持高质量发展\n\n全市上下要坚"
    part_2 = "决贯彻部署。\n\n二、守牢安全底线\n\n（李俊华）"
    lead.body = "本报讯 会议指出：“要坚持（一）系统观念”。\n\n一、坚持高质量发展\n\n全市上下要坚决贯彻部署。\n\n二、守牢安全底线\n\n（李俊华）"
    lead.section_heads = [1, 3]
    lead.save()
    lead.fragments.filter(position=0).update(text=part_1)
    lead.fragments.filter(position=1).update(text=part_2)
    page = html(client, f"{ISSUE}1/1/")
    body = page[page.index('<div class="body">'):page.index("</div>", page.index('<div class="body">'))]
    assert re.findall(r'<h3 class="section-head">([^<]+)</h3>', body) == ["一、坚持高质量发展", "二、守牢安全底线"]
    assert "<p>本报讯 会议指出：“要坚持（一）系统观念”。</p>" in body
    assert "<p>（李俊华）</p>" in body
    assert body.index("全市上下要坚</p>") < body.index("转第3版") < body.index("<p>决贯彻部署。</p>")


def test_article_names_every_role_in_chinese(client, front_page):
    """The credits on the article page name each role in Chinese."""
    lead = front_page["lead"]
    roles = {"compiler": "整理", "translator": "编译", "designer": "版式设计", "graphics": "制图", "editor": "责任编辑"}
    for order, role in enumerate(roles, start=10):
        CreditFactory(article=lead, contributor=ContributorFactory(name=f"编辑{order}"), role=role, order=order)
    page = html(client, f"{ISSUE}1/1/")
    for order, label in enumerate(roles.values(), start=10):
        assert f'<p class="credits">{label}：<a href="/people/' in page and f">编辑{order}</a>" in page
    assert ">compiler" not in page and ">editor" not in page


def test_fragment_without_start_says_where_it_came_from(client, front_page):
    """A continuation whose start is missing reads on its own, saying it continues from page 2."""
    page = html(client, f"{ISSUE}4/1/")
    assert "上接第2版" in page and "未收录" in page
    assert "线下消费市场回暖" in page


def test_contributor_lists_articles_newest_first_paginated(client, front_page, loose_page):
    """A contributor's page lists public articles newest first, 20 to a page, and skips undated ones."""
    person = ContributorFactory(name="殷雪莹")
    later = PageFactory(issue=Issue.objects.get(date="2021-03-10"), number=1)
    for number in range(2, 23):
        CreditFactory(article=ArticleFactory(first_page=later, number=number), contributor=person)
    first = html(client, "/people/殷雪莹/")
    assert "共 22 篇文章" in first
    assert 'rel="next" href="?page=2"' in first
    assert "日期不明的文章" not in first
    second = html(client, "/people/殷雪莹/?page=2")
    assert "太原忻州两市人大常委会协作工作座谈会举行" in second


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-paper/",
        "/no-such-paper/2021-03-03/",
        "/taiyuan-daily/2023-02-30/",
        "/taiyuan-daily/2022-13-01/",
        "/taiyuan-daily/2021-03-04/",
        "/taiyuan-daily/2021-03-03/9/",
        "/taiyuan-daily/2021-03-03/1/9/",
        "/taiyuan-daily/2021-03-04/1/1/",
        "/people/无此人/",
        "/taiyuan-daily/99999999999999999999/",
    ],
)
def test_unknown_things_are_404_not_500(client, front_page, url):
    """Unknown papers, dates, pages, articles and names, and impossible dates, are 404s."""
    html(client, url, 404)


def test_missing_day_offers_nearest_issues(client, front_page):
    """A day with no issue offers the nearest issues before and after it."""
    page = html(client, "/taiyuan-daily/2021-03-05/", 404)
    assert 'href="/taiyuan-daily/2021-03-03/"' in page
    assert 'href="/taiyuan-daily/2021-03-10/"' in page


def test_missing_page_offers_the_issue_pages(client, front_page):
    """A page number not in the issue lists the pages that are."""
    assert f'href="{ISSUE}3/"' in html(client, f"{ISSUE}9/", 404)


def test_undated_rows_never_crash_public_pages(client, front_page, loose_page):
    """An undated issue and an unnumbered page appear nowhere public and break nothing."""
    for url in ["/", "/taiyuan-daily/", "/taiyuan-daily/2021/", "/people/殷雪莹/"]:
        assert "日期不明的文章" not in html(client, url)


def test_pages_are_small(client, front_page):
    """HTML plus CSS of the article page stays far under the 100 KB budget."""
    page = client.get(f"{ISSUE}1/1/").content
    css = Path(finders.find("archive/site.css")).read_bytes()
    assert len(page) + len(css) < 100_000


def test_robots_txt_points_to_the_sitemap(client, db):
    """robots.txt keeps crawlers out of the admin and names the sitemap."""
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_article_view_runs_a_bounded_number_of_queries(client, front_page, django_assert_max_num_queries):
    """The article view's queries do not grow with its credits and fragments."""
    lead = front_page["lead"]
    for order in range(2, 12):
        CreditFactory(article=lead, contributor=ContributorFactory(name=f"记者{order}"), order=order)
    with django_assert_max_num_queries(6):
        html(client, f"{ISSUE}1/1/")
