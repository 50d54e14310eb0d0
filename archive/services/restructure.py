"""Editors reshape articles: split one at a paragraph, merge two, detach a fragment.

Articles are chains of fragments joined by continuations (services.reassemble), so each of
these is a change to fragments and links that reassembly respects afterwards: a merge is an
editor's confirmed link, a detach is an editor's rejection, a split inside a fragment cuts the
fragment in two. The issue is then reassembled and search updated, as after any decision.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q

from archive.models import Article, Block, Continuation, Fragment
from archive.services.editing import articles_delete, continuation_create
from archive.services.pending import reassembly_request
from archive.services.reassemble import issue_lock


def _chain(article: Article) -> list[Fragment]:
    return list(article.fragments.select_related("page").defer("page__raw_text").order_by("position"))


def _paragraphs(fragment: Fragment) -> list[str]:
    """The fragment's paragraphs as the split screen numbers them and ``article_split`` cuts them."""
    return [p for p in fragment.text.split("\n\n") if p.strip()]


@transaction.atomic
def fragment_detach(*, fragment: Fragment) -> int:
    """Make ``fragment`` an article of its own: every link into or out of it is rejected, and
    so is every jump on the issue's pages that could be matched to it again. Returns how
    many links were rejected."""
    issue_lock(fragment.page.issue_id)
    links = Continuation.objects.filter(Q(from_fragment=fragment) | Q(to_fragment=fragment)).exclude(
        status=Continuation.Status.REJECTED
    )
    rejected = links.update(status=Continuation.Status.REJECTED, method=Continuation.Method.EDITOR,
                            needs_review=False)
    if fragment.jump_in_line:
        heads = Fragment.objects.filter(page__issue_id=fragment.page.issue_id, jump_to_page=fragment.page.number)
        for head in heads.exclude(pk=fragment.pk):
            _, created = Continuation.objects.get_or_create(
                from_fragment=head, to_fragment=fragment,
                defaults={"status": Continuation.Status.REJECTED, "method": Continuation.Method.EDITOR},
            )
            rejected += created
    reassembly_request([fragment.page.issue_id])
    return rejected


@transaction.atomic
def articles_merge(*, articles: list[Article]) -> Article:
    """Join two articles of one issue into one, in reading order (first page, then place on it):
    the first's last fragment is linked to the second's first by the editor. The second
    article is deleted; reassembly builds the merged one under the first's URL."""
    if len(articles) != 2:
        raise ValidationError("合并需要正好选两篇文章。")
    first, second = sorted(articles, key=lambda a: (a.first_page_number or 0, a.number))
    if first.issue_id != second.issue_id:
        raise ValidationError("只能合并同一期的文章。")
    issue_lock(first.issue_id)
    head, tail = _chain(first), _chain(second)
    if not head or not tail:
        raise ValidationError("文章没有版面片段，无法合并。")
    continuation_create(from_fragment=head[-1], to_fragment=tail[0])
    articles_delete(ids=[second.pk])
    return first


def split_points(article: Article) -> list[dict]:
    """The paragraphs an editor may split before, fragment by fragment: ``{"fragment",
    "index", "text", "detach"}``; ``detach`` is True at a fragment's first paragraph (a split
    there detaches that fragment)."""
    points = []
    for fragment in _chain(article):
        for index, text in enumerate(_paragraphs(fragment)):
            points.append({"fragment": fragment, "index": index, "text": text,
                           "detach": index == 0, "first": not points})
    return points


@transaction.atomic
def article_split(*, fragment: Fragment, paragraph: int) -> Fragment:
    """Split the article before paragraph ``paragraph`` (0-based) of ``fragment``.

    Before a fragment's first paragraph this detaches the fragment. Inside a fragment, the
    fragment is cut in two: the second part (with the jump-out line, if any) becomes a new
    fragment that opens an article of its own. It is placed after the page's other fragments
    so that the numbers, and so the URLs and the editors' locks, of the page's articles stay.
    """
    issue_lock(fragment.page.issue_id)
    fragment = Fragment.objects.select_for_update().select_related("page").get(pk=fragment.pk)
    paragraphs = _paragraphs(fragment)
    if paragraph == 0:
        if fragment.position == 0 and not fragment.links_in.exclude(status=Continuation.Status.REJECTED).exists():
            raise ValidationError("这是文章的开头，无需拆分。")
        fragment_detach(fragment=fragment)
        return fragment
    if not 0 < paragraph < len(paragraphs):
        raise ValidationError(f"没有第{paragraph + 1}段可以拆分。")
    raw = fragment.page.raw_text
    found = raw.find(paragraphs[paragraph].strip()[:20], fragment.start, fragment.end)
    if found < 0:
        raise ValidationError("在版面原文中找不到这一段的位置，无法拆分。")
    cut = raw.rfind("\n", fragment.start, found) + 1 or found
    order = fragment.page.fragments.aggregate(last=Max("order"))["last"] + 1
    tail = Fragment.objects.create(
        page=fragment.page, order=order, start=cut, end=fragment.end, kind=Article.Kind.NEWS,
        text="\n\n".join(paragraphs[paragraph:]),
        section_heads=[i - paragraph for i in fragment.section_heads if isinstance(i, int) and i >= paragraph],
        confidence=fragment.confidence, jump_to_page=fragment.jump_to_page, jump_out_line=fragment.jump_out_line,
    )
    Continuation.objects.filter(from_fragment=fragment).update(from_fragment=tail)
    Block.objects.filter(page=fragment.page, fragment=fragment, start__gte=cut).update(fragment=tail)
    fragment.end = cut
    fragment.text = "\n\n".join(paragraphs[:paragraph])
    fragment.section_heads = [i for i in fragment.section_heads if isinstance(i, int) and i < paragraph]
    fragment.jump_to_page, fragment.jump_out_line = None, ""
    fragment.save()
    reassembly_request([fragment.page.issue_id])
    return tail
