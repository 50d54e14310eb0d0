"""Papers, issues and pages in the admin: corrections of a page's place carry through
(services.corrections); bulk: set the date, paper or section of many pages at once."""
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from archive.admin.access import ReadableHistory, StaffMayLook
from archive.admin.page_view import page_blocks_view
from archive.models import Contributor, Issue, Newspaper, Page
from archive.services import corrections
from archive.services.reparse import page_reparse_now


@admin.register(Newspaper)
class NewspaperAdmin(StaffMayLook, admin.ModelAdmin):
    """A paper's name and place are what readers see; ingest names a new paper from paper.json,
    --paper-name or its slug, and never overwrites a name given here."""

    list_display = ("slug", "name", "place")
    list_editable = ("name", "place")
    search_fields = ("name", "slug")


class PageInline(StaffMayLook, admin.TabularInline):
    """An issue's pages, read only: a page's place is corrected on the page's own form."""

    model = Page
    fields = ("number", "section", "source_name", "needs_review")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "本期各版（在各版页面上修改）"

    def has_add_permission(self, request, obj=None):
        return False


class IssueForm(forms.ModelForm):
    """The date is a plain field: moving to a date the paper already has merges the issues."""

    new_date = forms.DateField(label="日期", required=True,
                               help_text="改日期：全部版面和文章随之移动；该日已有一期时并入那一期。")

    class Meta:
        model = Issue
        fields = ("edition",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_date"].initial = self.instance.date

    def clean(self):
        cleaned = super().clean()
        date = cleaned.get("new_date")
        if date and date != self.instance.date:
            problem = corrections.issue_redate_problem(issue=self.instance, date=date)
            if problem:
                raise ValidationError(problem)
        return cleaned


@admin.register(Issue)
class IssueAdmin(StaffMayLook, ReadableHistory, SimpleHistoryAdmin):
    form = IssueForm
    list_display = ("__str__", "newspaper", "date", "needs_review", "review_reason")
    list_filter = ("newspaper", "needs_review")
    date_hierarchy = "date"
    fields = ("newspaper", "new_date", "edition", "needs_review", "review_reason", "reassembly_due", "reassembly_sent")
    # The workers' marks (services.pending) are shown, never edited.
    readonly_fields = ("newspaper", "needs_review", "review_reason", "reassembly_due", "reassembly_sent")
    inlines = [PageInline]

    def has_add_permission(self, request):
        return False  # issues come from ingest, or from moving a page to a new date

    def save_model(self, request, obj, form, change):
        if "edition" in form.changed_data:
            obj.save(update_fields=["edition"])
        date = form.cleaned_data["new_date"]
        if date != Issue.objects.get(pk=obj.pk).date:
            report = corrections.issue_redate(issue=obj, date=date)
            self.message_user(request, _report_message(report), messages.SUCCESS)
            if Issue.objects.filter(pk=obj.pk).exists():
                obj.refresh_from_db()


def _report_message(report: corrections.CorrectionReport) -> str:
    return (f"已改 {report.pages} 个版面，{len(report.touched)} 篇文章随之移动；"
            f"{len(report.issues)} 期将重新拼接并更新搜索；{report.moved_paths} 个旧网址将永久转到新网址。")


class PageForm(forms.ModelForm):
    """A page's place: paper, date, number and section, corrected through the service."""

    newspaper = forms.ModelChoiceField(Newspaper.objects.all(), label="报纸")
    date = forms.DateField(label="日期", required=False, help_text="改日期：本版和它的文章移到那一天的一期（没有则新建）。")

    class Meta:
        model = Page
        fields = ("number", "section")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newspaper"].initial = self.instance.issue.newspaper_id
        self.fields["date"].initial = self.instance.issue.date
        self.fields["section"].required = False

    def validate_unique(self):
        pass  # the number's uniqueness depends on the new date: checked in clean()

    def clean(self):
        cleaned = super().clean()
        if "newspaper" in cleaned and "number" in cleaned:
            problem = corrections.page_correction_problem(
                page=self.instance, number=cleaned["number"], date=cleaned.get("date"),
                newspaper=cleaned["newspaper"],
            )
            if problem:
                raise ValidationError(problem)
        return cleaned


class BulkPlaceForm(forms.Form):
    """The bulk action's form: fields left empty are left as they are."""

    newspaper = forms.ModelChoiceField(Newspaper.objects.all(), label="报纸", required=False)
    date = forms.DateField(label="日期", required=False, help_text="YYYY-MM-DD")
    section = forms.CharField(label="版名", required=False, max_length=64)


@admin.register(Page)
class PageAdmin(StaffMayLook, ReadableHistory, SimpleHistoryAdmin):
    form = PageForm
    list_display = ("__str__", "number", "section", "source_name", "needs_review")
    list_filter = ("needs_review", "issue__newspaper")
    search_fields = ("source_name", "sha256")
    readonly_fields = ("review_reasons", "editor_set", "source_name", "sha256", "encoding", "parser_version",
                       "guesses", "raw_text")
    fields = ("newspaper", "date", "number", "section", "editor_set", "review_reasons", "source_name",
              "sha256", "encoding", "parser_version", "guesses", "raw_text")
    actions = ["set_place", "reparse"]

    def get_urls(self):
        blocks = self.admin_site.admin_view(partial(page_blocks_view, self))
        return [path("<path:object_id>/blocks/", blocks, name="archive_page_blocks"), *super().get_urls()]

    def has_add_permission(self, request):
        return False  # pages come from ingest

    @admin.action(description="用当前解析器重新解析所选版面", permissions=["change"])
    def reparse(self, request, queryset):
        pages = list(queryset)
        kept = sum(page_reparse_now(page=page) for page in pages)
        self.message_user(request, f"已重新解析 {len(pages)} 个版面；保留了 {kept} 个编辑的跨版决定，相关各期将重新拼接。",
                          messages.SUCCESS)

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("issue__newspaper")
        return qs.defer("raw_text") if request.resolver_match.url_name.endswith("changelist") else qs

    @admin.display(description="编辑已修改的字段")
    def editor_set(self, page):
        names = {"number": "版次", "section": "版名", "date": "日期", "paper": "报纸"}
        return "、".join(names.get(name, name) for name in page.locked_fields) or "（无）"

    def save_model(self, request, obj, form, change):
        stored = Page.objects.select_related("issue").get(pk=obj.pk)
        data = form.cleaned_data
        changes = {}
        if data["number"] != stored.number:
            changes["number"] = data["number"]
        if data["section"] != stored.section:
            changes["section"] = data["section"]
        if data["date"] != stored.issue.date:
            changes["date"] = data["date"]
        if data["newspaper"].pk != stored.issue.newspaper_id:
            changes["newspaper"] = data["newspaper"]
        if changes:
            report = corrections.page_correct(page=stored, **changes)
            self.message_user(request, _report_message(report), messages.SUCCESS)
        obj.refresh_from_db()

    @admin.action(description="设置所选版面的日期、报纸或版名", permissions=["change"])
    def set_place(self, request, queryset):
        form = BulkPlaceForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            changes = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
            if not changes:
                self.message_user(request, "没有填写要设置的内容，版面未改。", messages.WARNING)
                return None
            try:
                report = corrections.pages_correct(pages=list(queryset), **changes)
            except ValidationError as problem:
                self.message_user(request, "；".join(problem.messages) + " 所选版面均未改。", messages.ERROR)
                return None
            self.message_user(request, _report_message(report), messages.SUCCESS)
            return None
        return render(request, "admin/archive/page/set_place.html", {
            **self.admin_site.each_context(request),
            "title": "设置所选版面的日期、报纸或版名",
            "form": form, "pages": queryset, "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(Contributor)
class ContributorAdmin(StaffMayLook, admin.ModelAdmin):
    search_fields = ("name",)
