"""The review queue's counts per reason, for the admin index."""
from django import template

from archive.review_queue import review_counts as counts_per_reason

register = template.Library()


@register.simple_tag
def review_counts():
    return counts_per_reason()
