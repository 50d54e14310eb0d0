"""Continuations (links between the halves of a jumping article) and fragments in the admin."""
from functools import partial

from django.contrib import admin, messages
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from archive.admin.access import ReadableHistory, StaffMayLook
from archive.admin.link_review import jump_review_view
from archive.models import Continuation, Fragment
from archive.services import editing


@admin.register(Continuation)
class ContinuationAdmin(StaffMayLook, ReadableHistory, SimpleHistoryAdmin):
    list_display = ("__str__", "confidence", "status", "method", "needs_review")
    list_filter = ("status", "method", "needs_review")
    readonly_fields = ("score", "confidence", "evidence")
    raw_id_fields = ("from_fragment", "to_fragment")
    actions = ["confirm", "reject"]

    @admin.action(description="确认所选链接")
    def confirm(self, request, queryset):
        self._decide(request, queryset, Continuation.Status.CONFIRMED, "确认")

    @admin.action(description="否决所选链接")
    def reject(self, request, queryset):
        self._decide(request, queryset, Continuation.Status.REJECTED, "否决")

    def _decide(self, request, queryset, status, verb):
        count = 0
        for continuation in queryset.select_related("from_fragment__page"):
            editing.continuation_decide(continuation=continuation, status=status)
            count += 1
        self.message_user(request, f"已{verb} {count} 个跨版链接；相关各期将重新拼接。", messages.SUCCESS)

    def get_urls(self):
        review = self.admin_site.admin_view(partial(jump_review_view, self))
        return [path("jump/<int:fragment_id>/", review, name="archive_continuation_review"), *super().get_urls()]

    def save_model(self, request, obj, form, change):
        if change and form.changed_data == ["status"]:
            editing.continuation_decide(continuation=obj, status=obj.status)
        else:
            editing.continuation_create(from_fragment=obj.from_fragment, to_fragment=obj.to_fragment)


@admin.register(Fragment)
class FragmentAdmin(StaffMayLook, admin.ModelAdmin):
    """The fragment look-up (also the link form's pop-up): by paper, date and page; searches text."""

    list_display = ("__str__", "jump_in_line", "jump_out_line", "article")
    list_filter = ("page__issue__newspaper", "page__number", ("jump_in_line", admin.EmptyFieldListFilter))
    date_hierarchy = "page__issue__date"
    search_fields = ("headline", "text")
    readonly_fields = [f.name for f in Fragment._meta.fields]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page__issue__newspaper").defer("page__raw_text")
