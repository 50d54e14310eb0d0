"""Fixtures for the fault tests: generated issues on disk, the test database's URL for
subprocesses, and the archive state as a subprocess sees it."""
import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.reliability.servers import base_env, manage


@pytest.fixture(scope="session")
def generated_pages(tmp_path_factory):
    """85 pages in the ingest layout: the five seed pages as pages 1-5 of 17 issues (articles
    jumping to other pages among them). Made from the seeds, which every checkout has, so the
    fault tests run wherever the suite does."""
    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    root = tmp_path_factory.mktemp("generated")
    for day in range(17):
        folder = root / "taiyuan-daily" / (datetime.date(2001, 1, 1) + datetime.timedelta(days=day)).isoformat()
        folder.mkdir(parents=True)
        for number, seed in enumerate(seeds, start=1):
            (folder / f"{number:02d}.txt").write_bytes(seed.read_bytes())
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
