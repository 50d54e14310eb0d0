"""Fixtures for the fault tests: generated issues on disk, the test database's URL for
subprocesses, and the archive state as a subprocess sees it."""
import json

import pytest
from django.conf import settings
from django.db import connection

from tests.reliability.servers import base_env, manage


@pytest.fixture(scope="session")
def generated_pages(tmp_path_factory):
    """Six generated issues (84 pages, articles jumping across pages) in the ingest layout."""
    from bench.issuegen import generate_issues, write_issue

    root = tmp_path_factory.mktemp("generated")
    for issue in generate_issues(6, seed=3):
        write_issue(issue, root)
    return root


@pytest.fixture
def test_db_env():
    """Environment for a subprocess working on this test's database."""
    db = connection.settings_dict
    return base_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        SEARCH_INDEX_DIR=str(settings.SEARCH_INDEX_DIR),
    )


def state_of(env) -> dict:
    """``{"state": …, "pending": …}`` of the database ``env`` points at."""
    done = manage(env, "shell", "-c", "from tests.reliability.state import main; main()")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def page_files(root) -> int:
    return sum(1 for _ in root.rglob("*.txt"))
