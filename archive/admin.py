"""The editors' admin: correct articles (edits lock fields), decide links, a review queue, history."""
from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from archive.models import (
    Article, Continuation, Contributor, Credit, Fragment, Issue, Newspaper, Page, ReviewItem,
)
from archive.services import editing


@admin.register(Newspaper)
class NewspaperAdmin(admin.ModelAdmin):
    """A paper's name and place are what readers see; ingest names a new paper from paper.json,
    --paper-name or its slug, and never overwrites a name given here."""

    list_display = ("slug", "name", "place")
    list_editable = ("name", "place")
    search_fields = ("name", "slug")


class PageInline(admin.TabularInline):
    model = Page
    fields = ("number", "section", "source_name", "needs_review")
    readonly_fields = ("source_name",)
    extra = 0
    show_change_link = True


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ("__str__", "newspaper", "date", "needs_review", "review_reason")
    list_filter = ("newspaper", "needs_review")
    date_hierarchy = "date"
    inlines = [PageInline]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("__str__", "number", "section", "source_name", "needs_review")
    list_filter = ("needs_review", "issue__newspaper")
    search_fields = ("source_name", "sha256")
    readonly_fields = ("raw_text", "sha256", "encoding", "parser_version", "guesses", "source_name")
    fields = ("issue", "number", "section", "needs_review", "review_reasons") + readonly_fields

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("issue__newspaper")
        return qs.defer("raw_text") if request.resolver_match.url_name.endswith("changelist") else qs


class CreditInline(admin.TabularInline):
    model = Credit
    autocomplete_fields = ("contributor",)
    extra = 0


class FragmentInline(admin.TabularInline):
    model = Fragment
    fields = ("page", "order", "position", "headline", "jump_in_line", "jump_out_line", "confidence", "review")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "issue", "pages", "kind", "continuation_status", "needs_review")
    list_filter = ("needs_review", "kind", "continuation_status", "issue__newspaper")
    search_fields = ("headline", "kicker", "subheadline", "byline")
    readonly_fields = ("issue", "first_page", "number", "pages", "continuation_status", "confidence",
                       "locked_fields")
    inlines = [CreditInline, FragmentInline]
    actions = ["mark_reviewed"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("issue__newspaper").defer("body")

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in Article.EDITABLE_FIELDS}
        editing.article_edit(article=obj, changes=changes)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets if formset.model is Credit):
            editing.article_edit(article=form.instance, changes={}, locks=["contributors"])

    def delete_model(self, request, obj):
        editing.articles_delete(ids=[obj.pk])

    def delete_queryset(self, request, queryset):
        editing.articles_delete(ids=list(queryset.values_list("pk", flat=True)))

    @admin.action(description="Mark reviewed (confirms its links)")
    def mark_reviewed(self, request, queryset):
        for article in queryset:
            editing.article_mark_reviewed(article=article)
        self.message_user(request, f"{queryset.count()} marked reviewed.", messages.SUCCESS)


@admin.register(ReviewItem)
class ReviewQueueAdmin(ArticleAdmin):
    """Articles waiting for an editor: uncertain links, dangling jumps, flagged pages."""

    list_display = ("__str__", "issue", "pages", "continuation_status", "confidence", "review_reason")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(needs_review=True).order_by("confidence")


@admin.register(Continuation)
class ContinuationAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "confidence", "status", "method", "needs_review")
    list_filter = ("status", "method", "needs_review")
    readonly_fields = ("score", "confidence", "evidence")
    raw_id_fields = ("from_fragment", "to_fragment")
    actions = ["confirm", "reject"]

    @admin.action(description="Confirm these links")
    def confirm(self, request, queryset):
        for continuation in queryset.select_related("from_fragment__page"):
            editing.continuation_decide(continuation=continuation, status=Continuation.Status.CONFIRMED)

    @admin.action(description="Reject these links")
    def reject(self, request, queryset):
        for continuation in queryset.select_related("from_fragment__page"):
            editing.continuation_decide(continuation=continuation, status=Continuation.Status.REJECTED)

    def save_model(self, request, obj, form, change):
        if change and form.changed_data == ["status"]:
            editing.continuation_decide(continuation=obj, status=obj.status)
        else:
            editing.continuation_create(from_fragment=obj.from_fragment, to_fragment=obj.to_fragment)


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(Fragment)
class FragmentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "jump_in_line", "jump_out_line", "article")
    search_fields = ("headline",)
    readonly_fields = [f.name for f in Fragment._meta.fields]


admin.site.site_header = "报刊 Baokan — editors"
