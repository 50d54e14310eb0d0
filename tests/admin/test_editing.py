"""Editors in the admin: corrections are locked and kept in history; the review queue; link decisions."""
import json

import pytest
from django.core.management import call_command

from archive.models import Article, Continuation

pytestmark = pytest.mark.django_db

RIVER = "太原推进汾河生态修复治理工程"


@pytest.fixture
def issue(jump_issue, ingest_command):
    ingest_command(jump_issue)


def change_form_data(article, **changes):
    data = {
        "kicker": article.kicker, "headline": article.headline, "subheadline": article.subheadline,
        "byline": article.byline, "kind": article.kind, "body": article.body,
        "section_heads": json.dumps(article.section_heads),
        "captions": "[]", "needs_review": "", "review_reason": article.review_reason,
        "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0",
        "fragments-TOTAL_FORMS": "0", "fragments-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_an_edit_in_the_admin_is_locked_and_recorded(issue, admin_client, run):
    """Changing the headline locks it, keeps a history row, and survives reassembly."""
    article = Article.objects.get(headline=RIVER)
    history_before = article.history.count()
    response = run(admin_client.post, f"/admin/archive/article/{article.pk}/change/",
                   change_form_data(article, headline="汾河生态修复治理四期工程调研"))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.headline == "汾河生态修复治理四期工程调研" and "headline" in article.locked_fields
    assert article.history.count() == history_before + 1
    run(call_command, "reassemble", "--all")
    article.refresh_from_db()
    assert article.headline == "汾河生态修复治理四期工程调研"


def test_review_queue_lists_only_flagged_articles(issue, admin_client):
    """The queue's segmentation entries are the articles flagged so, and nothing else."""
    Article.objects.update(needs_review=False)
    flagged = Article.objects.exclude(headline=RIVER).first()
    Article.objects.filter(pk=flagged.pk).update(needs_review=True, review_reason="uncertain segmentation: x")
    page = admin_client.get("/admin/archive/reviewitem/", {"reason": "segmentation"}).content.decode()
    assert flagged.headline in page and RIVER not in page


def test_rejecting_a_link_in_the_admin_unlinks_the_article(issue, admin_client, run):
    """The reject action records the editor's decision and reassembly leaves the jump dangling."""
    link = Continuation.objects.get(from_fragment__article__headline=RIVER)
    response = run(admin_client.post, "/admin/archive/continuation/",
                   {"action": "reject", "_selected_action": [link.pk]})
    assert response.status_code == 302
    link.refresh_from_db()
    assert (link.status, link.method) == ("rejected", "editor")
    river = Article.objects.get(headline=RIVER)
    assert river.pages == [1] and river.continuation_status == "dangling"


def test_list_pages_answer(issue, admin_client):
    """Every admin list an editor uses renders."""
    for model in ("newspaper", "issue", "page", "article", "reviewitem", "continuation", "contributor", "fragment"):
        assert admin_client.get(f"/admin/archive/{model}/").status_code == 200, model


def test_deleting_an_article_takes_it_out_of_search(issue, admin_client, run):
    """An article an editor deletes is no longer found."""
    from archive.search.backend import Filters
    from archive.search.selectors import search_articles

    def found():
        return [hit.headline for hit in search_articles(q="汾河", filters=Filters()).hits]

    assert RIVER in found()
    article = Article.objects.get(headline=RIVER)
    response = run(admin_client.post, f"/admin/archive/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert RIVER not in found()


def test_an_editor_corrects_section_heads(admin_client, run):
    """section_heads is editable in the admin; a correction is locked like the other fields."""
    from tests.factories import ArticleFactory

    article = ArticleFactory(body="会议召开。\n\n一、坚持高质量发展\n\n正文。", section_heads=[])
    response = run(admin_client.post, f"/admin/archive/article/{article.pk}/change/",
                   change_form_data(article, section_heads="[1]"))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.section_heads == [1] and "section_heads" in article.locked_fields
