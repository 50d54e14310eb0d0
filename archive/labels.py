"""Chinese names of the fields editors see: the models' verbose names (the admin speaks zh-hans,
LANGUAGE_CODE), so a field is named in one place."""
from django.core.exceptions import FieldDoesNotExist

from archive.models import Article


def field_label(model, name: str) -> str:
    """``model``'s field ``name`` as editors read it (the name itself for a field it has not)."""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def field_names(names) -> str:
    """``headline, body`` → ``标题、正文``."""
    return "、".join(field_label(Article, name) for name in names)
