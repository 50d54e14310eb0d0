"""Articles in the admin: an edit writes and locks only what really changed; locks can be released."""
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import path
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import SIMPLE_HISTORY_REVERSE_ATTR_NAME

from archive.admin.access import ReadableHistory, StaffMayLook
from archive.admin.captions import CaptionsField
from archive.admin.restructure import article_split_view
from archive.labels import field_label, field_names
from archive.models import Article, Credit, Fragment
from archive.services import editing, restructure


class ArticleForm(forms.ModelForm):
    """The article's editable fields, compared with the stored ones after normalising line ends,
    plus the version the editor saw and the locks to release."""

    captions = CaptionsField(label="图片说明")
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    release = forms.MultipleChoiceField(
        label="解除锁定", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="勾选的字段不再保留编辑的修改，重新由版面解析和拼接决定。",
    )

    class Meta:
        model = Article
        fields = Article.EDITABLE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not isinstance(field, forms.JSONField):
                field.strip = False  # a printed indent (U+3000) is text, not padding
        article = self.instance
        if not hasattr(article, SIMPLE_HISTORY_REVERSE_ATTR_NAME):
            # Not on the history's revert form: there the editor means the past version's values.
            self.fields["version"].initial = editing.article_version(article)
        self.fields["release"].choices = [
            (name, field_label(Article, name)) for name in article.locked_fields
            if name in editing.LOCKABLE_FIELDS
        ]
        for name in article.locked_fields:
            if name in self.fields:
                self.fields[name].help_text = "编辑已修改：重新解析和拼接不会覆盖（可在下方解除锁定）。"

    @property
    def changed_data(self):
        """Fields whose submitted value differs from the stored one (not merely CRLF vs LF)."""
        return [
            name for name in super().changed_data
            if name not in Article.EDITABLE_FIELDS
            or editing.really_changed(self.initial.get(name), self.cleaned_data.get(name))
        ]

    def clean(self):
        cleaned = super().clean()
        changes = {name: cleaned[name] for name in Article.EDITABLE_FIELDS if name in cleaned}
        _, conflicts = editing.edit_plan(article=self.instance, changes=changes, seen_version=cleaned.get("version"))
        if conflicts:
            raise forms.ValidationError(editing.conflict_message(conflicts))
        return cleaned


class CreditInline(StaffMayLook, admin.TabularInline):
    model = Credit
    fields = ("contributor", "role", "order")
    autocomplete_fields = ("contributor",)
    extra = 0
    verbose_name = "署名"
    verbose_name_plural = "作者与角色"


class FragmentInline(StaffMayLook, admin.TabularInline):
    model = Fragment
    fields = ("page", "order", "position", "headline", "jump_in_line", "jump_out_line", "confidence", "review")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "版面片段"
    verbose_name_plural = "版面片段（按阅读顺序）"

    def has_add_permission(self, request, obj=None):
        return False  # fragments come from parsing pages; detach/split/merge are services


@admin.register(Article)
class ArticleAdmin(StaffMayLook, ReadableHistory, SimpleHistoryAdmin):
    form = ArticleForm
    list_display = ("__str__", "issue", "pages", "kind", "continuation_status", "needs_review")
    list_filter = ("needs_review", "kind", "continuation_status", "issue__newspaper")
    search_fields = ("headline", "kicker", "subheadline", "byline")
    readonly_fields = ("issue", "first_page", "number", "pages", "continuation_status", "confidence",
                       "needs_review", "review_reason", "editor_set")
    fieldsets = (
        (None, {"fields": ("issue", "first_page", "number", "pages", "continuation_status", "confidence",
                           "needs_review", "review_reason")}),
        ("内容", {"fields": Article.EDITABLE_FIELDS}),
        ("编辑锁定", {"fields": ("editor_set", "release", "version")}),
    )
    inlines = [CreditInline, FragmentInline]
    actions = ["mark_reviewed", "merge"]

    def get_urls(self):
        split = self.admin_site.admin_view(partial(article_split_view, self))
        return [path("<path:object_id>/split/", split, name="archive_article_split"), *super().get_urls()]

    def has_add_permission(self, request):
        return False  # an article is made by reassembly, or by splitting or detaching (services)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("issue__newspaper").defer("body")

    @admin.display(description="编辑已修改的字段")
    def editor_set(self, article):
        if not article.locked_fields:
            return "（无：全部由版面解析和拼接决定）"
        return format_html("<strong>{}</strong>", field_names(article.locked_fields))

    def save_model(self, request, obj, form, change):
        # Every field, compared by the service with the row as stored now: the form's own
        # initial values are those of a past version when the editor reverts from history.
        changes = {name: form.cleaned_data[name] for name in Article.EDITABLE_FIELDS if name in form.cleaned_data}
        try:
            written = editing.article_edit(
                article=obj, changes=changes, seen_version=form.cleaned_data.get("version") or None
            )
        except editing.EditConflict as conflict:
            self.message_user(request, conflict.message, messages.ERROR)
            obj.refresh_from_db()
            return
        released = editing.article_release(article=obj, fields=form.cleaned_data.get("release") or [])
        if written:
            self.message_user(request, f"已修改并锁定：{field_names(written)}。", messages.INFO)
        if released:
            self.message_user(request, f"已解除锁定：{field_names(released)}；将重新拼接本期。", messages.INFO)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets if formset.model is Credit):
            editing.article_edit(article=form.instance, changes={}, locks=["contributors"])

    def delete_model(self, request, obj):
        editing.articles_delete(ids=[obj.pk])

    def delete_queryset(self, request, queryset):
        editing.articles_delete(ids=list(queryset.values_list("pk", flat=True)))

    @admin.action(description="合并所选的两篇文章（按阅读顺序）", permissions=["change"])
    def merge(self, request, queryset):
        try:
            merged = restructure.articles_merge(articles=list(queryset.select_related("issue")))
        except ValidationError as problem:
            self.message_user(request, "；".join(problem.messages) + " 未作改动。", messages.ERROR)
            return
        self.message_user(request, f"已把第二篇接在“{merged}”之后合成一篇；本期将重新拼接并更新搜索。",
                          messages.SUCCESS)

    @admin.action(description="标记为已审核（并确认其跨版链接）", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = 0
        for article in queryset:
            editing.article_mark_reviewed(article=article)
            count += 1
        self.message_user(request, f"已将 {count} 篇文章标记为已审核。", messages.SUCCESS)
