"""The link review screen: one jump beside its candidate continuations, decided in one click."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from archive import link_review
from archive.admin.access import screen_object
from archive.models import Continuation, Fragment
from archive.services import editing


def jump_review_view(model_admin, request, fragment_id):
    """GET: the jump and its candidates. POST: confirm / pick a candidate / mark the other half
    missing; the issue is reassembled and search updated, the message says what was done."""
    jumps = Fragment.objects.select_related("page").filter(Q(jump_to_page__isnull=False) | Q(jump_from_page__isnull=False))
    fragment = screen_object(model_admin, request, jumps, pk=fragment_id)
    if request.method == "POST":
        _decide(request, model_admin, fragment)
        return HttpResponseRedirect(request.path)
    review = link_review.jump_review(fragment_id=fragment.pk)
    following = link_review.next_jump_to_review(after_fragment_id=fragment.pk)
    return render(request, "admin/archive/continuation/jump_review.html", {
        **model_admin.admin_site.each_context(request),
        "title": f"审核跨版链接：{review.fragment.headline or '（无标题）'}",
        "review": review,
        "opts": Continuation._meta,
        "next_url": reverse("admin:archive_continuation_review", args=[following]) if following else "",
        "can_change": model_admin.has_change_permission(request),
    })


def _decide(request, model_admin, fragment):
    decision = request.POST.get("decision")
    if decision == "missing":
        count = editing.jump_mark_missing(fragment=fragment)
        model_admin.message_user(
            request, f"已记为另一半未收录：否决了 {count} 个候选；本期将重新拼接。",
            messages.SUCCESS,
        )
        return
    candidate = Fragment.objects.select_related("page").filter(pk=request.POST.get("candidate") or 0).first()
    if decision not in ("confirm", "pick") or candidate is None:
        model_admin.message_user(request, "没有选定续文，未作改动。", messages.ERROR)
        return
    try:
        editing.jump_link(fragment=fragment, candidate=candidate)
    except ValidationError as problem:
        model_admin.message_user(request, "；".join(problem.messages), messages.ERROR)
        return
    verb = "已确认" if decision == "confirm" else "已改接"
    model_admin.message_user(
        request,
        f"{verb}：第{candidate.page.number}版的“{candidate.text[:16]}…”；本期将重新拼接并更新搜索。",
        messages.SUCCESS,
    )
