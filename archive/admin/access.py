"""Who sees what in the admin: any active staff user may look; changing needs the editors'
permissions (archive.editors), given to the ``editors`` group."""


class StaffMayLook:
    """A ModelAdmin mixin: staff outside ``editors`` can read the archive's admin, not change it."""

    def has_view_permission(self, request, obj=None):
        return (request.user.is_active and request.user.is_staff) or super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return (request.user.is_active and request.user.is_staff) or super().has_module_permission(request)
