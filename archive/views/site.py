"""The public site: home, paper, year calendar, issue, page, article and contributor pages."""
import calendar
import datetime

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse

from archive import selectors
from archive.models import Article, Credit, page_label
from archive.views import converters  # noqa: F401  (registers <isodate:> and <pagekey:>)
from archive.views.citation import gbt7714
from archive.views.reading import FragmentShape, printed_parts

CONTRIBUTOR_PAGE_SIZE = 20
FIRST_LINES = 90  # characters of an article's opening shown on its page


def _pager(label, previous, following, *, url, text):
    """Previous/next links as (url, text) pairs for templates/archive/_pager.html."""
    return {
        "label": label,
        "previous": (url(previous), text(previous)) if previous else None,
        "next": (url(following), text(following)) if following else None,
    }


def not_found(request, *, message, suggestions=()):
    """A 404 that says what was missing and offers where to go instead."""
    return render(request, "404.html", {"message": message, "suggestions": suggestions}, status=404)


def home(request):
    return render(
        request,
        "archive/home.html",
        {"papers": selectors.newspaper_list(), "latest": selectors.issue_latest()},
    )


def paper(request, paper):
    newspaper = selectors.newspaper_get(slug=paper)
    years = selectors.newspaper_years(newspaper=newspaper)
    return render(request, "archive/paper.html", {"paper": newspaper, "years": years})


def _month_weeks(year, month, dates):
    """Weeks of (day, date if there is an issue that day) for a calendar table; 0 pads the weeks."""
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month):
        row = []
        for day in week:
            date = datetime.date(year, month, day) if day else None
            row.append((day, date if date in dates else None))
        weeks.append(row)
    return weeks


def year(request, paper, year):
    newspaper = selectors.newspaper_get(slug=paper)
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise Http404("no such year")
    dates = selectors.issue_dates_in_year(newspaper=newspaper, year=year)
    if not dates:
        years = [held for held, _ in selectors.newspaper_years(newspaper=newspaper)]
        return not_found(
            request,
            message=f"{newspaper.name}在{year}年没有收录的报纸。",
            suggestions=[(f"{held}年", f"/{newspaper.slug}/{held}/") for held in years],
        )
    months = [
        {"number": month, "weeks": _month_weeks(year, month, dates), "count": sum(d.month == month for d in dates)}
        for month in range(1, 13)
    ]
    return render(
        request,
        "archive/year.html",
        {"paper": newspaper, "year": year, "months": months, "issue_count": len(dates)},
    )


def _issue_missing(request, paper, date):
    newspaper = selectors.newspaper_get(slug=paper)
    nearest = selectors.issue_nearest(paper=paper, date=date)
    return not_found(
        request,
        message=f"{newspaper.name}没有收录{date.year}年{date.month}月{date.day}日的报纸。最近的几期：",
        suggestions=[(f"{issue.date:%Y-%m-%d}", issue.get_absolute_url()) for issue in nearest],
    )


def issue(request, paper, date):
    try:
        issue = selectors.issue_get(paper=paper, date=date)
    except Http404:
        return _issue_missing(request, paper, date)
    previous, following = selectors.issue_neighbours(issue=issue)
    return render(
        request,
        "archive/issue.html",
        {
            "issue": issue,
            "paper": issue.newspaper,
            "pages": issue.pages.all(),
            "pager": _pager(
                "前后各期", previous, following,
                url=lambda other: reverse("archive:issue", kwargs={"paper": paper, "date": other.date}),
                text=lambda other: other.date.isoformat(),
            ),
        },
    )


def _page_missing(request, paper, date, key):
    try:
        issue = selectors.issue_get(paper=paper, date=date)
    except Http404:
        return _issue_missing(request, paper, date)
    missing = page_label(key) if isinstance(key, int) else "这个版面"
    return not_found(
        request,
        message=f"{issue}没有{missing}。本期各版：",
        suggestions=[(f"{page.label} {page.section}", page.get_absolute_url()) for page in issue.pages.all()],
    )


def _print_order(page):
    """The page's items in print order: articles starting here and continuations arriving here."""
    starting = {article.id: article for article in page.articles_starting.all()}
    items, placed = [], set()
    for fragment in page.fragments.all():
        article = fragment.article
        if article is None:
            continue
        if article.id in starting and article.id not in placed:
            placed.add(article.id)
            items.append({"article": starting[article.id], "arriving": False})
        elif fragment.position > 0 and article.first_page_id != page.id:
            items.append({"article": article, "arriving": True, "fragment": fragment})
    items += [{"article": a, "arriving": False} for a_id, a in starting.items() if a_id not in placed]
    return items


def page(request, paper, date, page):
    try:
        printed = selectors.page_get(paper=paper, date=date, key=page)
    except Http404:
        return _page_missing(request, paper, date, page)
    previous, following = selectors.page_neighbours(page=printed)
    items = _print_order(printed)
    for item in items:
        if not item["arriving"]:
            item["first_lines"] = item["article"].body[:FIRST_LINES]
    return render(
        request,
        "archive/page.html",
        {
            "page": printed,
            "issue": printed.issue,
            "paper": printed.issue.newspaper,
            "items": items,
            "pager": _pager(
                "前后各版", previous, following,
                url=lambda other: reverse("archive:page", kwargs={"paper": paper, "date": date, "page": other.key}),
                text=lambda other: other.label,
            ),
        },
    )


def _reading_parts(article):
    fragments = [
        FragmentShape(
            page=fragment.page.number,
            text=fragment.text,
            jump_from=fragment.jump_from_page,
            jump_to=fragment.jump_to_page,
        )
        for fragment in article.fragments.all()
    ]
    return printed_parts(article.body, fragments, article.section_heads)


AUTHOR_ROLES = (Credit.Role.REPORTER, Credit.Role.AUTHOR)
# The order of the article page's credit lines: who wrote it, then who else made the page.
CREDIT_ROLES = (*AUTHOR_ROLES, Credit.Role.PHOTOGRAPHER, Credit.Role.COMPILER, Credit.Role.TRANSLATOR,
                Credit.Role.GRAPHICS, Credit.Role.DESIGNER, Credit.Role.EDITOR)
SUMMARY_LENGTH = 120


def article_authors(article):
    """Names credited as reporter or author, in byline order (photographers are not authors)."""
    return [credit.contributor.name for credit in article.credits.all() if credit.role in AUTHOR_ROLES]


def credit_groups(article):
    """[(role label in Chinese, [contributors])]: reporters and authors first, then photographers
    and the other roles (CREDIT_ROLES), each in printed order."""
    groups = []
    for role in CREDIT_ROLES:
        people = [credit.contributor for credit in article.credits.all() if credit.role == role]
        if people:
            groups.append((role.label, people))
    return groups


# Public notices for an article awaiting review. ``review_reason`` is internal and in English
# (for editors); readers are told in Chinese what is unsure, by the reason's kind.
REVIEW_NOTICES = (
    ("uncertain segmentation", "本文分段待编辑核对"),
    ("uncertain continuation link", "本文跨版拼接待编辑核对"),
    ("a jump cut after a full stop", "本文转版处是否分段待编辑核对"),
    ("belong to another article", "本文有部分内容已归入另一篇文章，待编辑核对"),
)
REVIEW_NOTICE_OTHER = "本文的拼接或识别结果尚未经编辑确认"


def review_notices(article) -> list[str]:
    """Chinese notices for the public page of an article that needs review (empty if none)."""
    if not article.needs_review:
        return []
    notices = [notice for key, notice in REVIEW_NOTICES if key in article.review_reason]
    return notices or [REVIEW_NOTICE_OTHER]


def article_title(article):
    return article.headline or f"（续文）{article.body[:20]}…"


def article(request, paper, date, page, n):
    try:
        article = selectors.article_get(paper=paper, date=date, page=page, n=n)
    except Http404:
        try:
            printed = selectors.page_get(paper=paper, date=date, key=page)
        except Http404:
            return _page_missing(request, paper, date, page)
        return not_found(
            request,
            message=f"{printed}没有第{n}篇文章。本版文章：",
            suggestions=[(article_title(a), a.get_absolute_url()) for a in printed.articles_starting.all()],
        )
    previous, following = selectors.article_neighbours(article=article)
    parts = _reading_parts(article)
    pages = article.pages or ([article.first_page_number] if article.first_page_number is not None else [])
    # The pages an article runs over are held; only a jump elsewhere needs asking about.
    elsewhere = {n for part in parts for n in (part.jump_from, part.jump_to) if n} - set(pages)
    held_pages = set(pages) | selectors.page_numbers(issue_id=article.issue_id, among=elsewhere)
    authors = article_authors(article)
    newspaper = article.issue.newspaper
    return render(
        request,
        "archive/article.html",
        {
            "article": article,
            "issue": article.issue,
            "paper": newspaper,
            "title": article_title(article),
            "parts": parts,
            "held_pages": held_pages,
            "pages": pages,
            "authors": authors,
            "credit_groups": credit_groups(article),
            "permalink": request.build_absolute_uri(article.get_absolute_url()),
            "summary": " ".join(article.body.split())[:SUMMARY_LENGTH],
            "is_fragment": article.kind == Article.Kind.FRAGMENT,
            "review_notices": review_notices(article),
            "citation": gbt7714(
                authors=authors,
                title=article_title(article),
                paper=newspaper.name,
                date=article.issue.date,
                pages=pages,
            ),
            "pager": _pager(
                "前后文章", previous, following,
                url=lambda other: other.get_absolute_url(),
                text=lambda other: other.headline or "（续文）",
            ),
        },
    )


def contributor(request, name):
    person = selectors.contributor_get(name=name)
    paginator = Paginator(selectors.contributor_articles(contributor=person), CONTRIBUTOR_PAGE_SIZE)
    listing = paginator.get_page(request.GET.get("page"))
    return render(request, "archive/contributor.html", {"person": person, "listing": listing})


def robots(request):
    return render(request, "archive/robots.txt", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("", home, name="home"),
    path("robots.txt", robots, name="robots"),
    path("people/<str:name>/", contributor, name="contributor"),
    path("<slug:paper>/", paper, name="paper"),
    path("<slug:paper>/<int:year>/", year, name="year"),
    path("<slug:paper>/<isodate:date>/", issue, name="issue"),
    path("<slug:paper>/<isodate:date>/<pagekey:page>/", page, name="page"),
    path("<slug:paper>/<isodate:date>/<pagekey:page>/<int:n>/", article, name="article"),
]
