"""The review queue: everything that needs an editor's eye, by reason, with the screen that
puts each right and actions that say what they did."""
import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render

from archive import review_queue
from archive.admin.articles import ArticleAdmin
from archive.models import Article, Continuation, Newspaper, Page, ReviewItem
from archive.services import editing

QUEUE_PAGE_SIZE = 100


@admin.register(ReviewItem)
class ReviewQueueAdmin(ArticleAdmin):
    """The queue replaces the proxy's change list; its entries open the article, page or link screens."""

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            _act(self, request)
            return HttpResponseRedirect(request.get_full_path())
        reason = request.GET.get("reason", "")
        paper = request.GET.get("paper", "")
        date = _date(request.GET.get("date", ""))
        entries = review_queue.review_entries(
            reason=reason if reason in review_queue.REASONS else "", paper=paper, date=date
        )
        listing = Paginator(entries, QUEUE_PAGE_SIZE).get_page(request.GET.get("p"))
        return render(request, "admin/archive/review_queue.html", {
            **self.admin_site.each_context(request),
            "title": "审核队列",
            "opts": self.model._meta,
            "listing": listing,
            "total": len(entries),
            "counts": review_queue.review_counts(),
            "reason": reason, "paper": paper, "date": date,
            "papers": Newspaper.objects.all(),
            "can_change": self.has_change_permission(request),
        })


def _date(value: str):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _act(model_admin, request):
    """Mark the selected entries reviewed: articles are marked reviewed (their links confirmed),
    links confirmed, pages' flags cleared (an unknown page number stays until it is given)."""
    if request.POST.get("action") != "mark_reviewed":
        model_admin.message_user(request, "请选择一个操作。", messages.WARNING)
        return
    chosen = {"article": [], "continuation": [], "page": []}
    for key in request.POST.getlist("selected"):
        kind, _, pk = key.partition(":")
        if kind in chosen and pk.isdigit():
            chosen[kind].append(int(pk))
    done = []
    articles = list(Article.objects.filter(pk__in=chosen["article"]))
    for article in articles:
        editing.article_mark_reviewed(article=article)
    if articles:
        done.append(f"{len(articles)} 篇文章标记为已审核")
    links = list(Continuation.objects.filter(pk__in=chosen["continuation"]).select_related("from_fragment__page"))
    for link in links:
        editing.continuation_decide(continuation=link, status=Continuation.Status.CONFIRMED)
    if links:
        done.append(f"确认了 {len(links)} 个跨版链接（相关各期将重新拼接）")
    pages = list(Page.objects.filter(pk__in=chosen["page"]))
    for page in pages:
        editing.page_mark_reviewed(page=page)
    if pages:
        done.append(f"{len(pages)} 个版面的存疑标记已清除")
    if done:
        model_admin.message_user(request, "；".join(done) + "。", messages.SUCCESS)
    else:
        model_admin.message_user(request, "没有选中任何条目，未作改动。", messages.WARNING)
