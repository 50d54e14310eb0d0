"""Papers, issues and pages in the admin."""
from django.contrib import admin

from archive.admin.access import StaffMayLook
from archive.models import Contributor, Issue, Newspaper, Page


@admin.register(Newspaper)
class NewspaperAdmin(StaffMayLook, admin.ModelAdmin):
    list_display = ("name", "slug", "place")
    search_fields = ("name", "slug")


class PageInline(StaffMayLook, admin.TabularInline):
    model = Page
    fields = ("number", "section", "source_name", "needs_review")
    readonly_fields = ("source_name",)
    extra = 0
    show_change_link = True


@admin.register(Issue)
class IssueAdmin(StaffMayLook, admin.ModelAdmin):
    list_display = ("__str__", "newspaper", "date", "needs_review", "review_reason")
    list_filter = ("newspaper", "needs_review")
    date_hierarchy = "date"
    inlines = [PageInline]


@admin.register(Page)
class PageAdmin(StaffMayLook, admin.ModelAdmin):
    list_display = ("__str__", "number", "section", "source_name", "needs_review")
    list_filter = ("needs_review", "issue__newspaper")
    search_fields = ("source_name", "sha256")
    readonly_fields = ("raw_text", "sha256", "encoding", "parser_version", "guesses", "source_name")
    fields = ("issue", "number", "section", "needs_review", "review_reasons") + readonly_fields

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("issue__newspaper")
        return qs.defer("raw_text") if request.resolver_match.url_name.endswith("changelist") else qs


@admin.register(Contributor)
class ContributorAdmin(StaffMayLook, admin.ModelAdmin):
    search_fields = ("name",)
