"""Who may do what: editors edit, other staff look, everyone else is kept out; CSRF holds."""
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import Client

from archive.editors import EDITORS_GROUP, editor_codenames
from archive.models import Article
from tests.admin.forms import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(front_page):
    return front_page["lead"]


def make_editor(username="bianji", password="s3cret-pass"):
    call_command("create_editor", username, password=password, stdout=io.StringIO())
    client = Client()
    assert client.login(request=HttpRequest(), username=username, password=password)
    return client


def test_the_editors_group_holds_exactly_the_editing_permissions():
    """Created by the migration: change articles, pages, issues and links; delete none of them."""
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = sorted(group.permissions.values_list("codename", flat=True))
    assert codenames == editor_codenames()
    assert "change_article" in codenames and "delete_article" not in codenames and "delete_page" not in codenames


def test_create_editor_makes_a_staff_account_in_editors(monkeypatch):
    """With --password, and asking for it (twice) when it is not given."""
    make_editor("zhang")
    answers = iter(["pw-123456", "pw-123456"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_editor", "li", stdout=io.StringIO())
    for name in ("zhang", "li"):
        user = get_user_model().objects.get(username=name)
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert get_user_model().objects.get(username="li").check_password("pw-123456")
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_editor", "li", password="x")


def test_an_editor_changes_an_article(article, run):
    """A member of editors saves a corrected headline."""
    client = make_editor()
    response = run(client.post, f"/admin/archive/article/{article.pk}/change/", article_form(article, headline="新标题"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "新标题"


def test_staff_outside_editors_can_look_but_not_change(article, run):
    """A staff account with no group sees the article and cannot save it."""
    get_user_model().objects.create_user("kan", password="pw", is_staff=True)
    client = Client()
    client.login(request=HttpRequest(), username="kan", password="pw")
    assert client.get("/admin/archive/article/").status_code == 200
    page = client.get(f"/admin/archive/article/{article.pk}/change/")
    assert page.status_code == 200 and article.headline in page.content.decode()
    response = run(client.post, f"/admin/archive/article/{article.pk}/change/", article_form(article, headline="新标题"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline != "新标题"


def test_a_non_staff_user_cannot_reach_the_admin(article):
    """A reader's account is sent to the admin's login page."""
    get_user_model().objects.create_user("reader", password="pw")
    client = Client()
    client.login(request=HttpRequest(), username="reader", password="pw")
    response = client.get(f"/admin/archive/article/{article.pk}/change/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_csrf_is_enforced(article, run):
    """A post without the CSRF token is refused and changes nothing; with it, it goes through."""
    client = Client(enforce_csrf_checks=True)
    call_command("create_editor", "bianji", password="pw-123456", stdout=io.StringIO())
    client.login(request=HttpRequest(), username="bianji", password="pw-123456")
    url = f"/admin/archive/article/{article.pk}/change/"
    assert run(client.post, url, article_form(article, headline="新标题")).status_code == 403
    article.refresh_from_db()
    assert article.headline != "新标题"
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = run(client.post, url, article_form(article, headline="新标题", csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "新标题"


def test_the_public_site_shows_no_admin_links_to_anonymous_visitors(article, client):
    """Readers never see a link into /admin/; a staff member sees 在编辑部修改此文 on an article."""
    paths = ["/", "/taiyuan-daily/", "/taiyuan-daily/2021/", "/taiyuan-daily/2021-03-03/",
             "/taiyuan-daily/2021-03-03/1/", article.get_absolute_url(), "/search/?q=汾河"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "/admin/" not in response.content.decode(), path
    editor = make_editor()
    assert "/admin/archive/article/" in editor.get(article.get_absolute_url()).content.decode()


def test_staff_outside_editors_see_the_editors_screens_but_cannot_decide(front_page, issue, run):
    """The queue, the link review screen and the page view open; a decision posted is refused."""
    from archive.models import Continuation, Fragment, Page

    get_user_model().objects.create_user("kan", password="pw", is_staff=True)
    client = Client()
    client.login(request=HttpRequest(), username="kan", password="pw")
    head = Fragment.objects.exclude(jump_out_line="").first()
    for url in ("/admin/", "/admin/archive/reviewitem/", f"/admin/archive/continuation/jump/{head.pk}/",
                f"/admin/archive/page/{Page.objects.first().pk}/blocks/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "另一半未收录" not in response.content.decode() and "重新解析（" not in response.content.decode()
    before = sorted(Continuation.objects.values_list("pk", "status", "method"))
    assert run(client.post, f"/admin/archive/continuation/jump/{head.pk}/", {"decision": "missing"}).status_code == 403
    assert sorted(Continuation.objects.values_list("pk", "status", "method")) == before
