"""URL converters shared by the site and the API."""
import datetime

from django.urls import register_converter


class IsoDateConverter:
    """YYYY-MM-DD; an impossible date (2023-02-30) does not match, so it is a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(value) from exc

    def to_url(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


class PageKeyConverter:
    """A page's address in its issue: its number (版次), or ``u<id>`` for a page whose number is
    not known yet (a loose page waiting for an editor), so its articles can be read meanwhile.
    ``to_python`` gives an int for a number and the string for the other form
    (``selectors.page_lookup`` reads both)."""

    regex = r"\d+|u\d+"

    def to_python(self, value):
        return int(value) if value.isdigit() else value

    def to_url(self, value):
        return str(value)


register_converter(IsoDateConverter, "isodate")
register_converter(PageKeyConverter, "pagekey")
