"""Captions edited as rows of fields (the text, the photographers), not as JSON to type."""
from django import forms
from django.utils.html import format_html, format_html_join

NAME_SEPARATOR = "、"
EXTRA_ROWS = 1


class CaptionsWidget(forms.Widget):
    """One row per caption — 说明文字 and 摄影 (names separated by 、) — plus an empty row."""

    def format_value(self, value):
        return value if isinstance(value, list) else []

    def render(self, name, value, attrs=None, renderer=None):
        rows = [*self.format_value(value), *[{} for _ in range(EXTRA_ROWS)]]
        body = format_html_join("", (
            '<tr><td><textarea name="{0}-{1}-text" rows="2" cols="60" aria-label="第{2}条图片说明">{3}</textarea></td>'
            '<td><input type="text" name="{0}-{1}-photographers" value="{4}" aria-label="第{2}条的摄影者"></td></tr>'
        ), [
            (name, i, i + 1, row.get("text", ""), NAME_SEPARATOR.join(row.get("photographers", [])))
            for i, row in enumerate(rows)
        ])
        return format_html(
            '<table class="captions-rows"><thead><tr><th>说明文字</th><th>摄影（多人用“、”分隔）</th></tr></thead>'
            '<tbody>{}</tbody></table><input type="hidden" name="{}-rows" value="{}">',
            body, name, len(rows),
        )

    def value_from_datadict(self, data, files, name):
        try:
            count = int(data.get(f"{name}-rows", 0))
        except ValueError:
            count = 0
        captions = []
        for i in range(count):
            text = (data.get(f"{name}-{i}-text") or "").replace("\r\n", "\n").strip()
            names = [n.strip() for n in (data.get(f"{name}-{i}-photographers") or "").split(NAME_SEPARATOR)]
            if text:
                captions.append({"text": text, "photographers": [n for n in names if n]})
        return captions

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-rows" not in data


class CaptionsField(forms.Field):
    widget = CaptionsWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        return value or []

    def has_changed(self, initial, data):
        return (initial or []) != (data or [])
