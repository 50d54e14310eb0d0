"""The review queue: everything that needs an editor's eye."""
from django.contrib import admin

from archive.admin.articles import ArticleAdmin
from archive.models import ReviewItem


@admin.register(ReviewItem)
class ReviewQueueAdmin(ArticleAdmin):
    """Articles waiting for an editor: uncertain links, dangling jumps, flagged pages."""

    list_display = ("__str__", "issue", "pages", "continuation_status", "confidence", "review_reason")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(needs_review=True).order_by("confidence")
