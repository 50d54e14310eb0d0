"""Public site views (placeholder: URL names only, until the public-archive issue lands)."""
from django.http import Http404
from django.urls import path, register_converter


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        import datetime

        try:
            return datetime.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(value) from exc

    def to_url(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


register_converter(IsoDateConverter, "isodate")


def not_yet(request, **kwargs):
    raise Http404("not built yet")


urlpatterns = [
    path("people/<str:name>/", not_yet, name="contributor"),
    path("<slug:paper>/", not_yet, name="paper"),
    path("<slug:paper>/<int:year>/", not_yet, name="year"),
    path("<slug:paper>/<isodate:date>/", not_yet, name="issue"),
    path("<slug:paper>/<isodate:date>/<int:page>/", not_yet, name="page"),
    path("<slug:paper>/<isodate:date>/<int:page>/<int:n>/", not_yet, name="article"),
]
