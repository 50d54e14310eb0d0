"""The editors' admin: correct articles (edits lock fields), decide links, a review queue, history.

Thin: every change goes through a service in ``archive.services``."""
from django.contrib import admin

from archive.admin import articles, links, pages, review  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = "报刊档案 · 编辑部"
admin.site.site_title = "报刊档案编辑部"
admin.site.index_title = "编辑工作台"
