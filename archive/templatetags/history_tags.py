"""A readable line for one changed field in an object's history: the field's Chinese name, and
for long text only the paragraphs that changed (a whole body twice says nothing)."""
import difflib

from django import template
from django.utils.html import format_html, format_html_join

from archive.labels import field_label

register = template.Library()

SHORT = 80  # values up to this long are shown whole, old → new


def _paragraphs(value) -> list[str]:
    return [p for p in str(value or "").replace("\r\n", "\n").split("\n") if p.strip()]


@register.simple_tag
def history_change(change, record):
    label = field_label(record.instance_type, change.field)
    old, new = change.old, change.new
    if len(str(old or "")) <= SHORT and len(str(new or "")) <= SHORT:
        return format_html("<strong>{}：</strong>{} → {}", label, old if old not in ("", None) else "（空）",
                           new if new not in ("", None) else "（空）")
    lines = [
        (("removed" if line[0] == "-" else "added"), line[0].replace("-", "−"), line[1:])
        for line in difflib.unified_diff(_paragraphs(old), _paragraphs(new), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("---", "+++"))
    ]
    return format_html(
        "<strong>{}：</strong>改动的段落<ul class=\"history-diff\">{}</ul>", label,
        format_html_join("", "<li class=\"{}\">{} {}</li>", lines),
    )
