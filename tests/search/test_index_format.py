"""An index written in another document layout is refused, not read with wrong facets."""
import io
import shutil

import pytest
import xapian
from django.core.management import call_command

from archive.models import Article, PendingIndex
from archive.search.backend import _FORMAT_KEY, INDEX_FORMAT, Filters, StaleIndexError
from archive.search.indexing import compact_index, index_articles
from archive.search.selectors import search_articles
from tests.search.articles import build_archive


@pytest.fixture
def indexed(db, search_backend):
    articles = build_archive()
    index_articles([article.pk for article in articles.values()])
    return search_backend


def _mark(backend, value: str) -> None:
    database = xapian.WritableDatabase(backend.path, xapian.DB_OPEN)
    database.set_metadata(_FORMAT_KEY, value)
    database.commit()
    database.close()


def _status() -> str:
    out = io.StringIO()
    call_command("status", stdout=out)
    return out.getvalue()


def _search():
    return search_articles(q="韦韬", filters=Filters(), page=1, per_page=20)


def test_the_index_records_its_format_and_keeps_it_through_compaction(indexed):
    assert indexed.open().get_metadata(_FORMAT_KEY).decode() == INDEX_FORMAT
    compact_index()
    assert indexed.open().get_metadata(_FORMAT_KEY).decode() == INDEX_FORMAT
    assert _search().count == 3 and not _search().error


def test_an_index_of_an_older_layout_is_refused_until_rebuilt(indexed):
    _mark(indexed, "")            # an index built before the format was recorded
    with pytest.raises(StaleIndexError, match="rebuild_index"):
        indexed.open()
    result = _search()
    assert result.error == "搜索索引正在更新，请稍后再试。" and result.hits == []
    with pytest.raises(StaleIndexError):   # nor is it written to: new and old documents would mix
        index_articles(list(Article.objects.values_list("pk", flat=True)))
    assert "search index: search index format 1, this code reads 3: run manage.py rebuild_index" in _status()
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert f"search index: {Article.objects.count()} articles" in _status()
    assert not _search().error and _search().count == 3


def test_run_sh_rebuilds_a_stale_index_and_leaves_a_current_one(indexed):
    out = io.StringIO()
    _mark(indexed, "2")
    call_command("rebuild_stale_index", stdout=out)
    assert "rebuilding" in out.getvalue() and not _search().error and _search().count == 3
    database = xapian.WritableDatabase(indexed.path, xapian.DB_OPEN)
    database.set_metadata("probe", "kept")   # gone if the index were built again
    database.commit()
    database.close()
    call_command("rebuild_stale_index", stdout=out)
    assert "search index: nothing to rebuild" in out.getvalue()
    assert indexed.open().get_metadata("probe") == b"kept"


def test_run_sh_builds_a_missing_index_when_there_are_articles(indexed):
    """An index deleted (or never built beside a database that has articles) is built again."""
    shutil.rmtree(indexed.path)
    out = io.StringIO()
    call_command("rebuild_stale_index", stdout=out)
    assert "missing while the archive holds articles: rebuilding" in out.getvalue()
    assert not _search().error and _search().count == 3


def test_run_sh_rebuilds_an_index_begun_afresh_beside_a_kept_database(indexed):
    """An index deleted, then written again by ingest with only the articles it re-read (the
    scripts/run.sh of a clone after a parser upgrade), holds too few: it is built again. Articles
    still queued for indexing may be missing without that."""
    shutil.rmtree(indexed.path)
    (one, *others) = Article.objects.order_by("pk")
    index_articles([one.pk])
    assert _search().count == 1
    PendingIndex.objects.bulk_create([PendingIndex(article_id=article.pk) for article in others])
    out = io.StringIO()
    call_command("rebuild_stale_index", stdout=out)
    assert "search index: nothing to rebuild" in out.getvalue()
    PendingIndex.objects.filter(article_id=others[0].pk).delete()
    call_command("rebuild_stale_index", stdout=out)
    assert f"search index holds 1 of the archive's {len(others) + 1} articles: rebuilding" in out.getvalue()
    assert not _search().error and _search().count == 3
