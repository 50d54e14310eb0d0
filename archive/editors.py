"""Who may edit: the ``editors`` group and exactly the permissions editing needs.

Used by migration 0006 (which creates the group), after every migrate (ensure_editors_group)
and by ``manage.py create_editor``.
Administrators are superusers; staff outside the group may look but not change.
"""

EDITORS_GROUP = "editors"

# (model, actions) in the archive app. Editors correct articles, pages, issues and links, name
# papers and contributors, and credit people; they do not delete articles, pages or issues
# (a superuser does), nor touch fragments and blocks (they come from the page's text).
EDITOR_PERMISSIONS = {
    "newspaper": ("view", "change"),
    "issue": ("view", "change"),
    "page": ("view", "change"),
    "block": ("view",),
    "fragment": ("view",),
    "article": ("view", "change"),
    "reviewitem": ("view", "change"),
    "continuation": ("view", "add", "change"),
    "contributor": ("view", "add", "change"),
    "credit": ("view", "add", "change", "delete"),
}


def editor_codenames() -> list[str]:
    return sorted(f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions)


def ensure_editors_group(**kwargs) -> None:
    """Create the group or put its permissions right (a ``post_migrate`` receiver, so the group
    also comes back after a database flush, as the tests' transactional cases do)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="archive", codename__in=editor_codenames()))
