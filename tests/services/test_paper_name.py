"""A paper's display name: from the layout's paper.json, from ingest --paper-name, from the names
of known slugs; an editor's name kept; readers never shown the slug when a name is known."""
import importlib
import json

import pytest
from django.apps import apps
from django.core.management.base import CommandError

from archive.models import Newspaper, Page
from tests.factories import NewspaperFactory
from tests.pages import PAGE_1, write_issue

pytestmark = pytest.mark.django_db


def paper_json(root, slug, data):
    folder = root / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paper.json").write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                                       encoding="utf-8")


def test_paper_json_names_a_new_paper_and_readers_see_the_name(tmp_path, ingest_command, client):
    """<slug>/paper.json gives name and place; the paper, issue and search pages show the name."""
    write_issue(tmp_path, {1: PAGE_1}, paper="xinhua-ribao")
    paper_json(tmp_path, "xinhua-ribao", {"name": "新华日报", "place": "南京"})
    status, _, _ = ingest_command(tmp_path)
    paper = Newspaper.objects.get(slug="xinhua-ribao")
    assert status == 0 and (paper.name, paper.place) == ("新华日报", "南京")
    for url in ("/", "/xinhua-ribao/", "/xinhua-ribao/2022-06-03/", "/xinhua-ribao/2022-06-03/1/"):
        html = client.get(url).content.decode()
        assert "新华日报" in html, url
        assert ">xinhua-ribao<" not in html and " xinhua-ribao " not in html, url


def test_paper_name_option_names_the_paper_of_loose_files(tmp_path, ingest_command):
    """``ingest --paper renmin-ribao --paper-name 人民日报（海外版）`` names it, known slug or not."""
    (tmp_path / "loose.txt").write_text(PAGE_1, encoding="utf-8")
    status, _, _ = ingest_command(tmp_path, paper="renmin-ribao", paper_name="人民日报（海外版）")
    assert status == 0
    assert Newspaper.objects.get(slug="renmin-ribao").name == "人民日报（海外版）"
    assert Page.objects.get().issue.newspaper.slug == "renmin-ribao"


def test_paper_name_needs_the_paper_it_names(tmp_path, ingest_command):
    (tmp_path / "loose.txt").write_text(PAGE_1, encoding="utf-8")
    with pytest.raises(CommandError, match="--paper"):
        ingest_command(tmp_path, paper_name="人民日报")
    assert not Page.objects.exists()


def test_a_known_slug_without_a_name_gets_its_chinese_name(tmp_path, ingest_command):
    """renmin-ribao with no paper.json and no --paper-name is 人民日报 (北京), not its slug."""
    write_issue(tmp_path, {1: PAGE_1}, paper="renmin-ribao")
    ingest_command(tmp_path)
    paper = Newspaper.objects.get(slug="renmin-ribao")
    assert (paper.name, paper.place) == ("人民日报", "北京")


def test_an_unknown_slug_names_its_paper_until_paper_json_does(tmp_path, ingest_command):
    """Ingested first without paper.json, the paper is named by its slug; a later paper.json names it
    and gives a place; the pages are unchanged."""
    write_issue(tmp_path, {1: PAGE_1}, paper="xinhua-ribao")
    ingest_command(tmp_path)
    assert Newspaper.objects.get(slug="xinhua-ribao").name == "xinhua-ribao"
    paper_json(tmp_path, "xinhua-ribao", {"name": "新华日报", "place": "南京"})
    status, out, _ = ingest_command(tmp_path)
    paper = Newspaper.objects.get(slug="xinhua-ribao")
    assert (paper.name, paper.place) == ("新华日报", "南京")
    assert out.strip() == "pages: 0 new, 1 unchanged, 0 updated, 0 rejected"


def test_an_editors_name_is_kept_and_the_ingest_says_so(tmp_path, ingest_command):
    """A name given in the admin outlives paper.json and --paper-name; the ingest prints a note."""
    NewspaperFactory(slug="xinhua-ribao", name="新华日报（江苏）", place="")
    write_issue(tmp_path, {1: PAGE_1}, paper="xinhua-ribao")
    paper_json(tmp_path, "xinhua-ribao", {"name": "新华日报", "place": "南京"})
    status, out, _ = ingest_command(tmp_path)
    paper = Newspaper.objects.get(slug="xinhua-ribao")
    assert status == 0 and (paper.name, paper.place) == ("新华日报（江苏）", "南京")
    assert "keeps its name '新华日报（江苏）'" in out and "admin" in out


@pytest.mark.parametrize("content, reason", [
    ("{not json", "cannot read paper.json"),
    ({"place": "南京"}, 'needs a "name"'),
    ({"name": "  "}, 'needs a "name"'),
    (["新华日报"], 'needs a "name"'),
    ({"name": "新华日报", "place": 3}, "at most 200 characters"),
    ({"name": "报" * 201}, "at most 200 characters"),
])
def test_a_bad_paper_json_is_reported_and_the_pages_still_go_in(tmp_path, ingest_command, content, reason):
    """A paper.json that is not JSON or has no usable name is a rejected file with its reason; the
    pages are ingested under the slug."""
    write_issue(tmp_path, {1: PAGE_1}, paper="xinhua-ribao")
    paper_json(tmp_path, "xinhua-ribao", content)
    status, out, err = ingest_command(tmp_path)
    assert status == 1 and "paper.json" in err and reason in err
    assert out.strip() == "pages: 1 new, 0 unchanged, 0 updated, 1 rejected"
    assert Newspaper.objects.get(slug="xinhua-ribao").name == "xinhua-ribao"


def test_migration_names_papers_still_named_by_a_known_slug():
    """0006: renmin-ribao named "renmin-ribao" becomes 人民日报; a name an editor gave stays."""
    migration = importlib.import_module("archive.migrations.0006_paper_name")
    NewspaperFactory(slug="renmin-ribao", name="renmin-ribao")
    NewspaperFactory(slug="guangming-ribao", name="光明日报（北京）")
    migration.name_known_slugs(apps, None)
    assert dict(Newspaper.objects.values_list("slug", "name")) == {
        "renmin-ribao": "人民日报", "guangming-ribao": "光明日报（北京）"}


def test_the_admin_edits_a_papers_name(admin_client):
    """The paper list edits names in place (list_editable) and the change form has the field."""
    paper = NewspaperFactory(slug="xinhua-ribao", name="xinhua-ribao", place="")
    assert 'name="name"' in admin_client.get(f"/admin/archive/newspaper/{paper.pk}/change/").content.decode()
    changelist = admin_client.get("/admin/archive/newspaper/").content.decode()
    assert 'name="form-0-name"' in changelist
    response = admin_client.post(f"/admin/archive/newspaper/{paper.pk}/change/",
                                 {"slug": "xinhua-ribao", "name": "新华日报", "place": "南京", "language": "zh-CN"})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert (paper.name, paper.place) == ("新华日报", "南京")
