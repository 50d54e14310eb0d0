"""The search parameters, validated (the query text itself is never invalid: it is parsed)."""
from django import forms

from archive.models import Article
from archive.search.backend import SORTS, Filters


class QueryField(forms.CharField):
    """Any text: NUL characters (which Django's CharField rejects) become spaces."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", " ")


class SearchForm(forms.Form):
    q = QueryField(required=False, strip=False)
    paper = forms.SlugField(required=False, max_length=64)
    # "from" is a Python keyword, so the field is added under that name below.
    to = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    page = forms.IntegerField(required=False, min_value=1, max_value=999)
    kind = forms.ChoiceField(required=False, choices=[("", "")] + list(Article.Kind.choices))
    contributor = forms.CharField(required=False, max_length=64)
    sort = forms.ChoiceField(required=False, choices=[(s, s) for s in sorted(SORTS)])
    p = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.DateField(required=False, input_formats=["%Y-%m-%d"])

    def clean(self):
        data = super().clean()
        low, high = data.get("from"), data.get("to")
        if low and high and low > high:
            raise forms.ValidationError("起始日期晚于结束日期。")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            paper=data.get("paper") or "",
            date_from=data.get("from"),
            date_to=data.get("to"),
            page=data.get("page"),
            kind=data.get("kind") or "",
            contributor=(data.get("contributor") or "").strip(),
        )

    def errors_text(self) -> str:
        return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())
