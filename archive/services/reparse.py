"""An editor re-parses a page with the current parser, keeping the editor's work.

``services.ingest.page_reparse`` replaces the page's blocks and fragments and carries the
editor's link decisions over to the new ones; the page's place (number, section, date) is
untouched there, and the articles' locked fields stay (articles are found again by their
place, services.reassemble).
"""
from __future__ import annotations

from django.db import transaction

from archive import text as textlayer
from archive.models import Page
from archive.services.ingest import page_reparse
from archive.services.pending import reassembly_send_on_commit
from archive.services.reassemble import issue_lock


@transaction.atomic
def page_reparse_now(*, page: Page) -> int:
    """Parse the page's raw text again with the current parser; returns how many of the
    editor's link decisions were carried over to the new fragments."""
    issue_lock(page.issue_id)
    _, kept = page_reparse(page_id=page.pk, parsed=textlayer.parse_page(page.raw_text))   # marks the issue owed
    reassembly_send_on_commit([page.issue_id])
    return kept
