"""Corrections of where a page belongs: its number, section, date or paper, or an issue's date.

A correction carries through as an ingest does: the page's articles move with it (their URLs
follow the page), every issue touched is reassembled and the articles re-indexed (in Celery
with a broker, in-process without; owed in the correction's own transaction, services.pending,
so a broker that is down loses nothing), and each public URL that moved is recorded so that it
answers with a permanent redirect (``MovedPath``, archive.middleware).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from archive.models import Article, Continuation, Fragment, Issue, MovedPath, Newspaper, Page
from archive.services.pending import indexing_request, reassembly_request

# Ingest's flags (services.ingest._given_or_guessed) that a correction of the field answers.
FLAG_PREFIXES = {"number": ("page number",), "date": ("date",)}


@dataclass
class CorrectionReport:
    pages: int = 0
    issues: set[int] = field(default_factory=set)
    moved_paths: int = 0
    touched: set[int] = field(default_factory=set)   # articles to re-index


def _paths(page: Page) -> dict:
    """The public paths of a page and of the articles starting on it, by key."""
    page = Page.objects.select_related("issue__newspaper").get(pk=page.pk)
    paths = {("page", page.pk): page.get_absolute_url()}
    for article in Article.objects.filter(first_page=page).select_related("issue__newspaper").defer("body"):
        paths[("article", article.pk)] = article.get_absolute_url()
    return paths


def _issue_path(issue: Issue) -> str:
    return Issue.objects.select_related("newspaper").get(pk=issue.pk).get_absolute_url()


def record_move(old: str, new: str) -> int:
    """Remember that ``old`` now lives at ``new``; chains collapse (a → b, b → c gives a → c)."""
    if not old or old == new:
        return 0
    MovedPath.objects.filter(old_path=new).delete()  # the new path is live again
    if not new:
        return 0
    MovedPath.objects.filter(new_path=old).update(new_path=new)
    MovedPath.objects.update_or_create(old_path=old, defaults={"new_path": new})
    return 1


def page_correction_problem(*, page: Page, number, date, newspaper: Newspaper) -> str:
    """Why the page cannot go to that paper, date and number ('' when it can)."""
    if date is None and (newspaper.pk != page.issue.newspaper_id or page.issue.date is not None):
        return "请给出日期：版面不能移到日期不明的一期。"
    if number is None:
        return ""
    if date is None:
        clash = Page.objects.filter(issue=page.issue_id, number=number)
    else:
        clash = Page.objects.filter(issue__newspaper=newspaper, issue__date=date, number=number)
    if clash.exclude(pk=page.pk).exists():
        return f"{newspaper.name} {date or '（日期不明）'}已有第{number}版：请先改那一版的版次。"
    return ""


@transaction.atomic
def page_correct(*, page: Page, number=..., section=..., date=..., newspaper: Newspaper | None = None
                 ) -> CorrectionReport:
    """Correct a page's number, section, date or paper (``...`` leaves a field as it is).

    Moving the page to another date or paper moves it into that issue (created if needed) with
    the articles that start on it. Raises ValidationError, writing nothing, when the target
    issue already holds a page of that number.
    """
    return pages_correct(pages=[page], number=number, section=section, date=date, newspaper=newspaper)


@transaction.atomic
def pages_correct(*, pages, number=..., section=..., date=..., newspaper: Newspaper | None = None
                  ) -> CorrectionReport:
    """``page_correct`` for several pages at once (the admin's bulk action): all or none."""
    report = CorrectionReport()
    for page in pages:
        _move_page(page, number, section, date, newspaper, report)
    _carry_through(report)
    return report


def _carry_through(report: CorrectionReport) -> None:
    """Mark every issue touched owed a reassembly and the articles owed an index update, in the
    correction's transaction; both are sent once it commits."""
    reassembly_request(sorted(report.issues))
    indexing_request(report.touched)


def _move_page(page, number, section, date, newspaper, report: CorrectionReport) -> None:
    page = Page.objects.select_for_update().select_related("issue__newspaper").get(pk=page.pk)
    source = page.issue
    paper = newspaper or source.newspaper
    day = source.date if date is ... else date
    new_number = page.number if number is ... else number
    problem = page_correction_problem(page=page, number=new_number, date=day, newspaper=paper)
    if problem:
        raise ValidationError(problem)
    moving = paper.pk != source.newspaper_id or day != source.date
    target = Issue.objects.get_or_create(newspaper=paper, date=day)[0] if moving else source
    old_paths = _paths(page)
    locks = set(page.locked_fields)
    if new_number != page.number:
        locks.add("number")
    if section is not ... and section != page.section:
        page.section = section
        locks.add("section")
    if moving:
        locks.update({"date", "paper"})
    answered = tuple(prefix for name in ("number", "date") if name in locks for prefix in FLAG_PREFIXES[name])
    if answered:
        page.review_reasons = [r for r in page.review_reasons if not r.startswith(answered)]
    page.needs_review = bool(page.review_reasons)
    page.number, page.issue, page.locked_fields = new_number, target, sorted(locks)
    page.save()

    fragment_ids = list(page.fragments.values_list("pk", flat=True))
    starting = Article.objects.filter(first_page=page)
    if moving:
        # Links between this page and pages left behind cross issues now: they cannot hold.
        Continuation.objects.filter(
            Q(from_fragment_id__in=fragment_ids) | Q(to_fragment_id__in=fragment_ids)
        ).exclude(from_fragment__page__issue=target, to_fragment__page__issue=target).delete()
        starting.update(issue=target)
    starting.update(first_page_number=new_number)
    touched = set(starting.values_list("pk", flat=True)) | set(
        Fragment.objects.filter(pk__in=fragment_ids, article__isnull=False).values_list("article_id", flat=True)
    )
    new_paths = _paths(page)
    for key, old in old_paths.items():
        report.moved_paths += record_move(old, new_paths.get(key, ""))
    if moving and not source.pages.exists():
        # An issue left with no pages (a loose page's own issue, most often) goes; its URL
        # follows the page.
        report.moved_paths += record_move(_issue_path(source), _issue_path(target))
        report.issues.discard(source.pk)
        source.delete()
    else:
        report.issues.add(source.pk)
    report.issues.add(target.pk)
    report.pages += 1
    report.touched |= touched


def issue_redate_problem(*, issue: Issue, date) -> str:
    """Why the issue's pages cannot move to that date ('' when they can)."""
    if date is None:
        return "请给出日期。"
    target = Issue.objects.filter(newspaper=issue.newspaper_id, date=date).exclude(pk=issue.pk).first()
    if target is None:
        return ""
    taken = set(target.pages.exclude(number=None).values_list("number", flat=True))
    clashes = sorted(set(issue.pages.filter(number__in=taken).values_list("number", flat=True)))
    if clashes:
        numbers = "、".join(f"第{n}版" for n in clashes)
        return f"{target}已有{numbers}：请先改这些版的版次。"
    return ""


@transaction.atomic
def issue_redate(*, issue: Issue, date: datetime.date) -> CorrectionReport:
    """Correct an issue's date. When the paper has no issue that day the issue simply changes
    date; when it has, every page moves into that issue (page numbers must not collide)."""
    issue = Issue.objects.select_for_update().select_related("newspaper").get(pk=issue.pk)
    report = CorrectionReport()
    if date == issue.date:
        return report
    target = Issue.objects.filter(newspaper=issue.newspaper, date=date).first()
    pages = list(issue.pages.order_by("number", "pk"))
    if target is None:
        old_paths = {("issue", issue.pk): issue.get_absolute_url()}
        for page in pages:
            old_paths.update(_paths(page))
        issue.date = date
        if issue.review_reason.startswith("date"):
            issue.needs_review, issue.review_reason = False, ""
        issue.save(update_fields=["date", "needs_review", "review_reason"])
        new_paths = {("issue", issue.pk): _issue_path(issue)}
        for page in pages:
            new_paths.update(_paths(page))
        for key, old in old_paths.items():
            report.moved_paths += record_move(old, new_paths.get(key, ""))
        report.issues.add(issue.pk)
        report.pages = len(pages)
        report.touched = set(issue.articles.values_list("pk", flat=True))
        _carry_through(report)
        return report
    problem = issue_redate_problem(issue=issue, date=date)
    if problem:
        raise ValidationError(problem)
    for page in pages:
        _move_page(page, ..., ..., date, None, report)
    _carry_through(report)
    return report
