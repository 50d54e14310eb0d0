"""Split an article at a paragraph, merge two, detach a fragment: reassembly respects each."""
import pytest
from django.core.management import call_command

from archive.models import Article, Fragment
from tests.admin.conftest import RIVER, WORKERS, UNITY

pytestmark = pytest.mark.django_db




def split(client, run, article, fragment, paragraph):
    return run(client.post, f"/admin/archive/article/{article.pk}/split/",
               {"fragment": fragment.pk, "paragraph": paragraph}, follow=True)


def test_the_add_button_is_not_offered(issue, admin_client):
    """Articles come from reassembly, splitting and detaching: no 'add article', no 'add fragment'."""
    assert admin_client.get("/admin/archive/article/add/").status_code == 403
    river = Article.objects.get(headline=RIVER)
    page = admin_client.get(f"/admin/archive/article/{river.pk}/change/").content.decode()
    assert "添加另一个" not in page.split('id="fragments-group"')[1]
    assert "拆分或分离" in page


def test_splitting_inside_a_fragment_makes_two_articles(issue, admin_client, run):
    """Before the river article's second paragraph: the first keeps its URL and paragraph,
    the rest (with the jump to page 3) becomes a new article; a re-run keeps it so."""
    river = Article.objects.get(headline=RIVER)
    url = river.get_absolute_url()
    head = river.fragments.get(position=0)
    page = admin_client.get(f"/admin/archive/article/{river.pk}/split/").content.decode()
    assert "从这里拆开" in page and "分离这个片段" in page
    response = split(admin_client, run, river, head, 1)
    assert "在第2段前拆成两篇" in response.content.decode()
    river.refresh_from_db()
    assert river.get_absolute_url() == url and river.pages == [1] and river.body.startswith("6月1日,市领导调研")
    assert "调研组要求" not in river.body
    rest = Article.objects.get(body__startswith="调研组要求")
    assert rest.pages == [1, 3] and rest.body.endswith("造福人民。") and rest.headline == ""
    run(call_command, "reassemble", "--all")
    assert Article.objects.get(pk=rest.pk).pages == [1, 3] and "调研组要求" not in Article.objects.get(pk=river.pk).body


def test_detaching_a_continuation_makes_it_an_article_of_its_own(issue, admin_client, run):
    """The page-3 part of the workers' article stands alone (续文) and is never linked again."""
    workers = Article.objects.get(headline=WORKERS)
    tail = workers.fragments.get(position=1)
    split(admin_client, run, workers, tail, 0)
    workers.refresh_from_db()
    assert workers.pages == [1] and workers.continuation_status == "dangling"
    run(call_command, "reassemble", "--all")
    alone = Fragment.objects.get(pk=tail.pk).article
    assert alone.kind == "fragment" and alone.pages == [3] and alone.pk != workers.pk


def test_merging_two_articles_joins_them_in_reading_order(issue, admin_client, run):
    """Unity (page 3) and river (pages 1, 3) merged: river first, unity's text after it."""
    river, unity = Article.objects.get(headline=RIVER), Article.objects.get(headline=UNITY)
    response = run(admin_client.post, "/admin/archive/article/",
                   {"action": "merge", "_selected_action": [unity.pk, river.pk]}, follow=True)
    assert "合成一篇" in response.content.decode()
    assert not Article.objects.filter(pk=unity.pk).exists()
    river.refresh_from_db()
    assert river.body.endswith("作表率。(尹 哲)") and river.pages == [1, 3]
    run(call_command, "reassemble", "--all")
    assert Article.objects.get(pk=river.pk).body.endswith("作表率。(尹 哲)")
    one = run(admin_client.post, "/admin/archive/article/", {"action": "merge", "_selected_action": [river.pk]},
              follow=True)
    assert "正好选两篇" in one.content.decode()
