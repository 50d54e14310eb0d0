"""Search fixtures: the real Xapian engine in the test settings' temp index dir, cleared per test."""
import pytest
from django.core.management import call_command
from haystack import connections


@pytest.fixture
def search_backend():
    """An empty index on the engine HAYSTACK_CONNECTIONS names (point it at a cluster to test one)."""
    backend = connections["default"].get_backend()
    backend.clear()
    yield backend
    backend.clear()


@pytest.fixture
def seeded(db, search_backend, seeds_dir, django_capture_on_commit_callbacks):
    """The seed pages ingested; ingest queues reassembly, which queues indexing."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(seeds_dir), verbosity=0)
    return search_backend
