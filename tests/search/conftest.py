"""Search fixtures: the real Xapian engine in the test settings' temp index dir (emptied for every
test by tests/conftest.py's search_backend)."""
import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db, search_backend, seeds_dir, django_capture_on_commit_callbacks):
    """The seed pages ingested; ingest queues reassembly, which queues indexing."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest", str(seeds_dir), verbosity=0)
    return search_backend
