"""App configuration."""
from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "报刊 archive"
    default_auto_field = "django.db.models.BigAutoField"
