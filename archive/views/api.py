"""The read-only JSON API under /api/: papers, issues by date range, an issue, a page, an article."""
from django import forms
from django.core.paginator import Paginator
from django.http import Http404
from django.urls import path, reverse

from archive import selectors
from archive.views import converters  # noqa: F401  (registers <isodate:> and <pagekey:>)
from archive.services.export import article_record
from archive.views.limits import rate_limited
from archive.views.responses import json_response

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500


class ListForm(forms.Form):
    """Pagination parameters shared by every list endpoint."""

    page = forms.IntegerField(min_value=1, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)


class IssueRangeForm(ListForm):
    # `from` is a Python keyword, so the fields are renamed from the query string in the view.
    date_from = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    date_to = forms.DateField(required=False, input_formats=["%Y-%m-%d"])


def _error(message, status):
    return json_response({"error": message}, status)


def _paginated(request, queryset, form, serialise):
    """One page of a list, with RFC 8288 `Link` headers (first, prev, next, last) and a count."""
    per_page = form.cleaned_data.get("per_page") or DEFAULT_PER_PAGE
    paginator = Paginator(queryset, per_page)
    number = form.cleaned_data.get("page") or 1
    if number > max(paginator.num_pages, 1):
        return _error(f"page {number} is past the last page ({paginator.num_pages})", 404)
    page = paginator.page(number)

    def link(to):
        query = request.GET.copy()
        query["page"] = to
        query["per_page"] = per_page
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    links = {"first": 1, "last": paginator.num_pages}
    if page.has_previous():
        links["prev"] = page.previous_page_number()
    if page.has_next():
        links["next"] = page.next_page_number()
    response = json_response(
        {
            "count": paginator.count,
            "page": number,
            "per_page": per_page,
            "results": [serialise(item) for item in page.object_list],
        }
    )
    response["Link"] = ", ".join(f'<{link(to)}>; rel="{rel}"' for rel, to in links.items())
    return response


def _issue_summary(issue, slug):
    date = issue.date.isoformat()
    return {
        "date": date,
        "edition": issue.edition or None,
        "pages": issue.page_count,
        "url": reverse("archive:issue", kwargs={"paper": slug, "date": issue.date}),
        "api": reverse("archive:api-issue", kwargs={"paper": slug, "date": issue.date}),
    }


@rate_limited("api", json=True)
def papers(request):
    form = ListForm(request.GET)
    if not form.is_valid():
        return _error(form.errors.get_json_data(), 400)

    def serialise(paper):
        return {
            "slug": paper.slug,
            "name": paper.name,
            "place": paper.place or None,
            "issues": paper.issue_count,
            "url": paper.get_absolute_url(),
            "api": reverse("archive:api-issues", kwargs={"paper": paper.slug}),
        }

    return _paginated(request, selectors.newspaper_list(), form, serialise)


@rate_limited("api", json=True)
def issues(request, paper):
    try:
        newspaper = selectors.newspaper_get(slug=paper)
    except Http404:
        return _error(f"no paper {paper!r}", 404)
    form = IssueRangeForm(
        {**request.GET.dict(), "date_from": request.GET.get("from", ""), "date_to": request.GET.get("to", "")}
    )
    if not form.is_valid():
        return _error(form.errors.get_json_data(), 400)
    queryset = selectors.issue_range(
        newspaper=newspaper, date_from=form.cleaned_data["date_from"], date_to=form.cleaned_data["date_to"]
    )
    return _paginated(request, queryset, form, lambda issue: _issue_summary(issue, paper))


def _article_summary(article, slug, date):
    kwargs = {"paper": slug, "date": date, "page": article.page_key, "n": article.number}
    return {
        "id": article.id,
        "number": article.number,
        "kind": article.kind,
        "kicker": article.kicker or None,
        "headline": article.headline or None,
        "byline": article.byline or None,
        "pages": list(article.pages),
        "needs_review": article.needs_review,
        "url": reverse("archive:article", kwargs=kwargs),
        "api": reverse("archive:api-article", kwargs=kwargs),
    }


@rate_limited("api", json=True)
def issue(request, paper, date):
    try:
        found = selectors.issue_get(paper=paper, date=date)
    except Http404:
        return _error(f"no issue of {paper!r} on {date}", 404)
    return json_response(
        {
            "paper": paper,
            "date": date.isoformat(),
            "edition": found.edition or None,
            "needs_review": found.needs_review,
            "url": reverse("archive:issue", kwargs={"paper": paper, "date": date}),
            "pages": [
                {
                    "number": page.number,
                    "section": page.section or None,
                    "url": reverse("archive:page", kwargs={"paper": paper, "date": date, "page": page.key}),
                    "api": reverse("archive:api-page", kwargs={"paper": paper, "date": date, "page": page.key}),
                    "articles": [_article_summary(a, paper, date) for a in page.articles_starting.all()],
                }
                for page in found.pages.all()
            ],
        }
    )


@rate_limited("api", json=True)
def page(request, paper, date, page):
    try:
        found = selectors.page_get(paper=paper, date=date, key=page)
    except Http404:
        return _error(f"no page {page} in the issue of {paper!r} on {date}", 404)
    return json_response(
        {
            "paper": paper,
            "date": date.isoformat(),
            "number": found.number,
            "section": found.section or None,
            "url": reverse("archive:page", kwargs={"paper": paper, "date": date, "page": found.key}),
            "articles": [_article_summary(a, paper, date) for a in found.articles_starting.all()],
            "continued_here": [
                _article_summary(fragment.article, paper, date)
                for fragment in found.fragments.all()
                if fragment.article and fragment.position > 0 and fragment.article.first_page_id != found.id
            ],
        }
    )


@rate_limited("api", json=True)
def article(request, paper, date, page, n):
    try:
        found = selectors.article_get(paper=paper, date=date, page=page, n=n)
    except Http404:
        return _error(f"no article {n} on page {page} of {paper!r} on {date}", 404)
    return json_response(article_record(found))


urlpatterns = [
    path("api/", papers, name="api-papers"),
    path("api/<slug:paper>/issues/", issues, name="api-issues"),
    path("api/<slug:paper>/<isodate:date>/", issue, name="api-issue"),
    path("api/<slug:paper>/<isodate:date>/<pagekey:page>/", page, name="api-page"),
    path("api/<slug:paper>/<isodate:date>/<pagekey:page>/<int:n>/", article, name="api-article"),
]
