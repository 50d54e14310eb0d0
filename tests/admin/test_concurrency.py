"""An editor saving an article while reassembly of its issue runs: neither loses the other's change."""
import threading
import time

import pytest
from django.db import connection, transaction

from archive.models import Article, Issue
from archive.services import editing
from archive.services.reassemble import reassemble_issue

pytestmark = pytest.mark.django_db(transaction=True)

RIVER = "太原推进汾河生态修复治理工程"


def test_an_edit_waits_for_reassembly_and_keeps_its_work(jump_issue, ingest_command):
    """Reassembly restores a stale body while holding the issue's lock; the editor's headline,
    saved meanwhile, waits for it and then writes only the headline: both changes stand."""
    ingest_command(jump_issue)
    river = Article.objects.get(headline=RIVER)
    assembled = river.body
    Article.objects.filter(pk=river.pk).update(body="陈旧的正文")  # what reassembly will put right
    stale = Article.objects.get(pk=river.pk)                         # the editor's form was loaded now
    locked, done = threading.Event(), threading.Event()

    def reassemble():
        try:
            with transaction.atomic():
                reassemble_issue(Issue.objects.get().pk)
                locked.set()
                time.sleep(0.5)  # still inside the transaction: the issue's row stays locked
            done.set()
        finally:
            connection.close()

    worker = threading.Thread(target=reassemble)
    worker.start()
    assert locked.wait(10)
    editing.article_edit(article=stale, changes={"headline": "汾河治理四期", "body": "陈旧的正文"},
                         seen_version=editing.article_version(stale))
    assert done.is_set(), "the edit did not wait for reassembly's transaction"
    worker.join()
    river.refresh_from_db()
    assert river.headline == "汾河治理四期" and river.locked_fields == ["headline"]
    assert river.body == assembled  # the form's stale body was not written back


def test_the_same_field_changed_by_both_is_refused_with_a_message(jump_issue, ingest_command):
    """Reassembly rewrote the body the editor was also changing: nothing is written, and the
    message names the field."""
    ingest_command(jump_issue)
    river = Article.objects.get(headline=RIVER)
    Article.objects.filter(pk=river.pk).update(body="陈旧的正文")
    stale = Article.objects.get(pk=river.pk)
    reassemble_issue(Issue.objects.get().pk)
    with pytest.raises(editing.EditConflict, match="正文已被修改"):
        editing.article_edit(article=stale, changes={"body": "编辑改写的正文"},
                             seen_version=editing.article_version(stale))
    river.refresh_from_db()
    assert river.body != "编辑改写的正文" and river.locked_fields == []
