"""Reads for the public site, the API, feeds and sitemaps: each returns rows prepared for one view."""
from django.db.models import Count, F, Max, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from archive.models import Article, Contributor, Credit, Fragment, Issue, Newspaper, Page

# Columns a list of articles shows; the body is fetched only where first lines are shown.
ARTICLE_LIST_FIELDS = (
    "id", "issue_id", "first_page_id", "first_page_number", "number", "kicker", "headline",
    "subheadline", "byline", "kind", "pages", "continuation_status", "needs_review",
)


def _credits_prefetch():
    return Prefetch(
        "credits",
        queryset=Credit.objects.select_related("contributor").order_by("order", "id"),
    )


def newspaper_list():
    """Papers with the number of dated issues each holds and the date of the latest."""
    return Newspaper.objects.annotate(
        issue_count=Count("issues", filter=Q(issues__date__isnull=False)), latest_date=Max("issues__date")
    ).order_by("name")  # aggregation drops Meta.ordering; pagination needs a stable order


def newspaper_get(*, slug):
    return get_object_or_404(Newspaper, slug=slug)


def newspaper_names(*, slugs) -> dict[str, str]:
    """{slug: display name} for these slugs (the search shows names, the index holds slugs)."""
    return dict(Newspaper.objects.filter(slug__in=list(slugs)).values_list("slug", "name"))


def issue_latest(*, limit=10):
    return list(
        Issue.objects.dated().select_related("newspaper")
        .annotate(page_count=Count("pages"))
        .order_by("-date", "newspaper__name")[:limit]
    )


def newspaper_years(*, newspaper):
    """(year, number of issues) for every year the paper has dated issues, oldest first."""
    return list(
        newspaper.issues.dated().annotate(year=ExtractYear("date"))
        .values_list("year").annotate(count=Count("id")).order_by("year")
    )


def issue_dates_in_year(*, newspaper, year):
    return set(newspaper.issues.filter(date__year=year).values_list("date", flat=True))


def issue_range(*, newspaper, date_from=None, date_to=None):
    """Dated issues of a paper between two dates (inclusive, either open), oldest first."""
    issues = newspaper.issues.dated().order_by("date")
    if date_from:
        issues = issues.filter(date__gte=date_from)
    if date_to:
        issues = issues.filter(date__lte=date_to)
    return issues.annotate(page_count=Count("pages"))


def page_lookup(key, field="") -> dict:
    """Query arguments for a page addressed by its key (``Page.key``): its number, or ``u<id>``
    for a page with no number yet. Once an editor numbers it, ``u<id>`` finds nothing and the
    correction's recorded move answers (``MovedPath``). ``field`` names the page relation
    ("first_page")."""
    if isinstance(key, int):
        return {f"{field}_number" if field else "number": key}
    prefix = f"{field}__" if field else ""
    return {f"{prefix}pk": int(key[1:]), f"{prefix}number__isnull": True}


def issue_get(*, paper, date):
    """An issue with its pages in order (those whose number is not known yet last) and the
    headlines of the articles starting on each."""
    articles = Article.objects.only(*ARTICLE_LIST_FIELDS).order_by("number")
    pages = Page.objects.defer("raw_text", "guesses").order_by(F("number").asc(nulls_last=True), "pk")
    return get_object_or_404(
        Issue.objects.select_related("newspaper").prefetch_related(
            Prefetch("pages", queryset=pages.prefetch_related(Prefetch("articles_starting", queryset=articles)))
        ),
        newspaper__slug=paper,
        date=date,
    )


def issue_nearest(*, paper, date, limit=3):
    """The issues closest before and after a date, for a helpful 'no issue that day' page."""
    issues = Issue.objects.dated().filter(newspaper__slug=paper).select_related("newspaper")
    before = list(issues.filter(date__lt=date).order_by("-date")[:limit])[::-1]
    after = list(issues.filter(date__gt=date).order_by("date")[:limit])
    return before + after


def issue_neighbours(*, issue):
    """(previous, next) dated issue of the same paper."""
    issues = Issue.objects.dated().filter(newspaper_id=issue.newspaper_id).only("id", "date", "newspaper_id")
    previous = issues.filter(date__lt=issue.date).order_by("-date").first()
    following = issues.filter(date__gt=issue.date).order_by("date").first()
    return previous, following


def page_get(*, paper, date, key):
    """A page with the articles starting on it (credits, first lines) and its fragments in print order."""
    articles = Article.objects.order_by("number").prefetch_related(_credits_prefetch())
    fragments = (
        Fragment.objects.select_related("article", "article__first_page")
        .only(
            "id", "page_id", "order", "position", "jump_from_page", "jump_to_page", "article_id",
            "article__id", "article__headline", "article__kind", "article__number",
            "article__first_page_number", "article__first_page__id", "article__kicker", "article__byline",
            "article__pages", "article__needs_review",
        )
        .order_by("order")
    )
    return get_object_or_404(
        Page.objects.select_related("issue", "issue__newspaper").defer("raw_text", "guesses")
        .prefetch_related(Prefetch("articles_starting", queryset=articles), Prefetch("fragments", queryset=fragments)),
        issue__newspaper__slug=paper,
        issue__date=date,
        **page_lookup(key),
    )


def page_neighbours(*, page):
    """(previous, next) numbered page of the same issue; none for a page not numbered yet."""
    if page.number is None:
        return None, None
    pages = Page.objects.filter(issue_id=page.issue_id, number__isnull=False).only("id", "number", "issue_id")
    previous = pages.filter(number__lt=page.number).order_by("-number").first()
    following = pages.filter(number__gt=page.number).order_by("number").first()
    return previous, following


def page_numbers(*, issue_id, among):
    """Which of these page numbers the issue holds (no query when there are none to ask about)."""
    if not among:
        return set()
    return set(Page.objects.filter(issue_id=issue_id, number__in=among).values_list("number", flat=True))


def article_get(*, paper, date, page, n):
    """An article with its paper, credits and fragments (in reading order, with their pages);
    ``page`` is its first page's key."""
    fragments = Fragment.objects.select_related("page").defer("page__raw_text", "page__guesses").order_by("position")
    return get_object_or_404(
        Article.objects.select_related("issue", "issue__newspaper", "first_page")
        .defer("first_page__raw_text", "first_page__guesses")
        .prefetch_related(_credits_prefetch(), Prefetch("fragments", queryset=fragments)),
        issue__newspaper__slug=paper,
        issue__date=date,
        number=n,
        **page_lookup(page, "first_page"),
    )


def article_neighbours(*, article):
    """(previous, next) article of the same issue in print order (page, then number on the page);
    for an article on a page not numbered yet, its neighbours on that page."""
    articles = (
        Article.objects.filter(issue_id=article.issue_id)
        .select_related("issue", "issue__newspaper")
        .only(*ARTICLE_LIST_FIELDS, "issue__date", "issue__newspaper__slug")
    )
    page, n = article.first_page_number, article.number
    if page is None:
        on_page = articles.filter(first_page_id=article.first_page_id)
        return on_page.filter(number__lt=n).order_by("-number").first(), on_page.filter(number__gt=n).order_by("number").first()
    articles = articles.filter(first_page_number__isnull=False)
    previous = (
        articles.filter(Q(first_page_number__lt=page) | Q(first_page_number=page, number__lt=n))
        .order_by("-first_page_number", "-number").first()
    )
    following = (
        articles.filter(Q(first_page_number__gt=page) | Q(first_page_number=page, number__gt=n))
        .order_by("first_page_number", "number").first()
    )
    return previous, following


def article_public():
    """Articles that have a public URL (a dated issue), newest first."""
    return (
        Article.objects.dated()
        .select_related("issue", "issue__newspaper")
        .order_by("-issue__date", "first_page_number", "number")
    )


def article_latest(*, paper=None, contributor=None, limit=50):
    articles = article_public().prefetch_related(_credits_prefetch())
    if paper is not None:
        articles = articles.filter(issue__newspaper=paper)
    if contributor is not None:
        articles = articles.filter(credits__contributor=contributor).distinct()
    return articles[:limit]


def contributor_get(*, name):
    return get_object_or_404(Contributor, name=name)


def contributor_articles(*, contributor):
    """A contributor's public articles, newest first, without their bodies."""
    return (
        article_public().filter(credits__contributor=contributor).distinct()
        .only(*ARTICLE_LIST_FIELDS, "issue__date", "issue__newspaper__slug", "issue__newspaper__name")
    )

