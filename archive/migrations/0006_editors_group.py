"""The ``editors`` group with exactly the permissions editing needs (archive.editors)."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

from archive.editors import EDITORS_GROUP, editor_codenames


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); a fresh database
    # has none yet, so create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    wanted = editor_codenames()
    permissions = list(Permission.objects.filter(content_type__app_label="archive", codename__in=wanted))
    missing = set(wanted) - {p.codename for p in permissions}
    if missing:
        raise RuntimeError(f"permissions not found: {sorted(missing)}")
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS_GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0005_text_as_printed"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
