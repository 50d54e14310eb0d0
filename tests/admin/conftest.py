"""Fixtures of the admin's tests: the two-page jump issue ingested, and the public site's
factory-built issue and seeds."""
import datetime

import pytest

from archive.models import Issue

from tests.web.conftest import front_page, paper, seeded  # noqa: F401  (fixtures)

RIVER = "太原推进汾河生态修复治理工程"
WORKERS = "我市召开产业工人队伍建设改革会议"
UNITY = "全市统战部长会议召开"


@pytest.fixture
def issue(jump_issue, ingest_command):
    """tests.pages' issue of 2022-06-03, ingested and reassembled: RIVER and WORKERS jump to page 3."""
    ingest_command(jump_issue)
    return Issue.objects.get(date=datetime.date(2022, 6, 3))
