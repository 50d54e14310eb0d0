"""Mixins for every archive ModelAdmin: who may look (any active staff user; changing needs the
editors' permissions, archive.editors) and how history reads; the object a custom screen shows."""
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404


class StaffMayLook:
    """A ModelAdmin mixin: staff outside ``editors`` can read the archive's admin, not change it."""

    def has_view_permission(self, request, obj=None):
        return (request.user.is_active and request.user.is_staff) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return (request.user.is_active and request.user.is_staff) or super().has_module_permission(request)


class ReadableHistory:
    """A SimpleHistoryAdmin mixin: each history row keeps the raw changes, which the
    ``history_change`` tag (archive.templatetags.history_tags) shows by Chinese field name,
    long text as the paragraphs that changed."""

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(current, foreign_keys_are_objs=foreign_keys_are_objs)
                previous.history_delta_changes = delta.changes
            previous = current


def screen_object(model_admin, request, queryset, **lookup):
    """The object a custom admin screen shows: 404 if missing, 403 unless the user may view it,
    or, for a POST, change it."""
    obj = get_object_or_404(queryset, **lookup)
    allowed = model_admin.has_change_permission if request.method == "POST" else model_admin.has_view_permission
    if not allowed(request, obj):
        raise PermissionDenied
    return obj
