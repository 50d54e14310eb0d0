"""Shared fixtures: paths to the seeds and to the shared corpus."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "peoples-daily"


@pytest.fixture(autouse=True)
def search_backend():
    """The search engine HAYSTACK_CONNECTIONS names, its index empty when every test starts and
    ends (point the settings at a cluster to test one).

    Each test's database work is rolled back (or flushed) when it ends, but the Xapian index
    in the test settings' SEARCH_INDEX_DIR is one directory for the whole run: documents that
    a test's ingest, reassembly or edits indexed (the ``run`` and ``ingest_command`` fixtures
    run the on-commit indexing) would outlive their articles. Later tests then searched an
    index full of articles PostgreSQL no longer has, which could fill a page of results with
    ids the search skips (tests/admin after tests/services found nothing for 汾河)."""
    from haystack import connections

    backend = connections["default"].get_backend()
    backend.clear()
    yield backend
    backend.clear()


@pytest.fixture
def seeds_dir():
    return SEEDS


@pytest.fixture
def corpus_dir():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a function (a command, a service) and then the on-commit hooks it queued.

    Tests run inside a transaction that never commits, so work queued with
    ``transaction.on_commit`` (reassembly, indexing) would otherwise never happen.
    """

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


@pytest.fixture
def ingest_command(run):
    """``manage.py ingest`` with its queued work done: returns (exit status, stdout, stderr)."""
    import io

    from django.core.management import call_command

    def ingest(*paths, **options):
        out, err = io.StringIO(), io.StringIO()
        try:
            run(call_command, "ingest", *map(str, paths), stdout=out, stderr=err, **options)
            status = 0
        except SystemExit as exc:
            status = exc.code
        return status, out.getvalue(), err.getvalue()

    return ingest


@pytest.fixture
def jump_issue(tmp_path):
    """A two-page issue in the ingest layout whose two front-page articles jump to page 3."""
    from tests.pages import PAGE_1, PAGE_3, write_issue

    return write_issue(tmp_path, {1: PAGE_1, 3: PAGE_3})
