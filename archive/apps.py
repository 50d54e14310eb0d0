"""App configuration."""
from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "报刊 archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from archive.editors import ensure_editors_group

        # After the auth app's own receiver has created the permissions (it runs first: the
        # auth app comes before this one in INSTALLED_APPS).
        post_migrate.connect(ensure_editors_group, sender=self, dispatch_uid="archive.ensure_editors_group")
