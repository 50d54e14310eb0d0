"""Tags for the archive's templates: the search form's target and Chinese date labels."""
from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()

WEEKDAYS = "一二三四五六日"


@register.simple_tag
def search_url():
    """The search page's URL; '/search/' (the contract URL) until the search view is routed."""
    try:
        return reverse("archive:search")
    except NoReverseMatch:
        return "/search/"


@register.filter
def cn_date(value):
    """2023-04-25 → 2023年4月25日 星期二."""
    if not value:
        return ""
    return f"{value.year}年{value.month}月{value.day}日 星期{WEEKDAYS[value.weekday()]}"
