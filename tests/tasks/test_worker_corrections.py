"""With a broker, an editor's correction carries through on a real worker, as ingest does:
the page's date moves, the worker reassembles both issues and updates search."""
import datetime

import pytest

from archive.models import Article, Issue
from archive.search.backend import Filters
from archive.search.selectors import search_articles
from tests.tasks.test_worker import manage, start_worker, stop, wait_until, worker_env  # noqa: F401

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

RIVER = "太原推进汾河生态修复治理工程"
UNITY = "全市统战部长会议召开"
NEXT_DAY = datetime.date(2022, 6, 4)
MOVE_PAGE_3 = (
    "import datetime; from archive.models import Page; from archive.services.corrections import page_correct; "
    "page_correct(page=Page.objects.get(number=3), date=datetime.date(2022, 6, 4))"
)


def found_on_next_day(q):
    return {hit.headline for hit in search_articles(q=q, filters=Filters(date_from=NEXT_DAY, date_to=NEXT_DAY)).hits}


def test_a_page_moved_to_another_date_is_reassembled_by_the_worker(jump_issue, worker_env):
    """The correction returns at once; the worker unlinks the front page's jumps and indexes the move."""
    worker = start_worker(worker_env)
    try:
        assert manage(worker_env, "ingest", str(jump_issue), "--sync").returncode == 0
        assert Article.objects.get(headline=RIVER).pages == [1, 3]
        moved = manage(worker_env, "shell", "-c", MOVE_PAGE_3)
        assert moved.returncode == 0, moved.stderr
        assert Article.objects.get(headline=UNITY).issue == Issue.objects.get(date=NEXT_DAY)
        assert wait_until(lambda: Article.objects.get(headline=RIVER).pages == [1]), "reassembly never ran"
        assert wait_until(lambda: UNITY in found_on_next_day("统战")), "search was not updated"
    finally:
        stop(worker)
