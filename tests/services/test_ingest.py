"""Ingest against the real PostgreSQL: verbatim raw text, idempotence, bad input in a batch."""
import hashlib
import json
import shutil

import pytest

from archive.models import Article, Block, Fragment, Issue, Page
from tests.pages import PAGE_1

pytestmark = pytest.mark.django_db


def table_state():
    return [
        sorted(model.objects.values_list("pk", flat=True))
        for model in (Issue, Page, Block, Fragment, Article)
    ] + [Article.history.count()]


def test_seeds_are_ingested_verbatim(seeds_dir, ingest_command):
    """Each page keeps the decoded file exactly, with the sha256 of its bytes."""
    status, out, _ = ingest_command(seeds_dir)
    assert status == 0 and out.strip() == "pages: 5 new, 0 unchanged, 0 updated, 0 rejected"
    for path in sorted(seeds_dir.glob("*.txt")):
        data = path.read_bytes()
        page = Page.objects.get(source_name=path.name)
        assert page.raw_text == data.decode("utf-8")
        assert page.sha256 == hashlib.sha256(data).hexdigest()


def test_blocks_join_back_into_the_raw_text(seeds_dir, ingest_command):
    """Every character of every page lies in exactly one stored block."""
    ingest_command(seeds_dir)
    for page in Page.objects.all():
        spans = list(page.blocks.order_by("order").values_list("start", "end"))
        assert spans[0][0] == 0 and spans[-1][1] == len(page.raw_text)
        assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))
        assert "".join(page.raw_text[s:e] for s, e in spans) == page.raw_text


def test_seed_metadata_comes_from_the_manifest(seeds_dir, ingest_command):
    """The manifest's dates and pages are used; the page without a number is flagged."""
    ingest_command(seeds_dir)
    pages = {p.source_name[:3]: p for p in Page.objects.select_related("issue")}
    assert str(pages["000"].issue.date) == "2023-04-25" and pages["000"].number == 1
    assert pages["002"].number is None and pages["002"].needs_review
    assert any("page number" in reason for reason in pages["002"].review_reasons)


def test_second_run_reports_unchanged_and_writes_nothing(seeds_dir, ingest_command):
    """Re-ingesting the same files changes no row."""
    ingest_command(seeds_dir)
    before = table_state()
    status, out, _ = ingest_command(seeds_dir)
    assert status == 0 and out.strip() == "pages: 0 new, 5 unchanged, 0 updated, 0 rejected"
    assert table_state() == before


def test_changed_bytes_update_the_page_in_place(tmp_path, ingest_command):
    """A new version of a page (same paper, date, number) replaces its text, keeps its row."""
    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE_1, encoding="utf-8")
    ingest_command(tmp_path)
    page_pk = Page.objects.get().pk
    (folder / "01.txt").write_text(PAGE_1.replace("汾河生态", "汾河生态环境"), encoding="utf-8")
    status, out, _ = ingest_command(tmp_path)
    assert out.strip() == "pages: 0 new, 0 unchanged, 1 updated, 0 rejected"
    assert Page.objects.get().pk == page_pk and "汾河生态环境" in Page.objects.get().raw_text


def test_bad_files_are_rejected_and_the_batch_goes_on(tmp_path, seeds_dir, settings, ingest_command):
    """Empty, binary, truncated and huge files get a reason each, leave no rows, stop nothing."""
    settings.INGEST_MAX_BYTES = 5 * 1024 * 1024
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(seeds_dir / "000_2e3c658b7349781a.txt", batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    (batch / "truncated.txt").write_bytes("本报讯 会议召开。".encode("utf-8")[:-1])
    with (batch / "huge.txt").open("wb") as handle:  # 50 MB
        handle.write(("汾河" * 1000 + "\n").encode("utf-8") * (50 * 1024 * 1024 // 6001))
    status, out, err = ingest_command(batch)
    assert status == 1
    assert out.strip() == "pages: 1 new, 0 unchanged, 0 updated, 4 rejected"
    reasons = dict(line.split(": ", 1) for line in err.strip().splitlines())
    assert {key.rsplit("/", 1)[-1]: value.split(" ")[0] for key, value in reasons.items()} == {
        "empty.txt": "empty", "binary.txt": "binary", "truncated.txt": "truncated", "huge.txt": "too"}
    assert list(Page.objects.values_list("source_name", flat=True)) == ["good.txt"]


def test_gbk_page_is_converted(tmp_path, ingest_command):
    """A GBK-encoded page is decoded and stored as text, its sha256 still of the original bytes."""
    data = PAGE_1.encode("gbk")
    (tmp_path / "gbk.txt").write_bytes(data)
    status, _, _ = ingest_command(tmp_path, paper="taiyuan-daily")
    page = Page.objects.get()
    assert status == 0 and page.encoding == "gb18030"
    assert page.raw_text == PAGE_1 and page.sha256 == hashlib.sha256(data).hexdigest()


def test_loose_page_is_flagged_not_rejected(tmp_path, ingest_command):
    """A loose page with no readable article or metadata is kept and flagged for review."""
    (tmp_path / "notes.txt").write_text("某某某\n\n一二三四五六七八九十\n", encoding="utf-8")
    status, out, _ = ingest_command(tmp_path)
    page = Page.objects.get()
    assert status == 0 and page.needs_review and page.issue.needs_review
    assert any("date unknown" in reason for reason in page.review_reasons)


def test_jump_line_without_page_number_flags_the_page(tmp_path, ingest_command):
    """`(下转第版)` is read as a jump with no page: the page is flagged, the article dangling."""
    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE_1.replace("(下转第3版)", "(下转第版)", 1), encoding="utf-8")
    status, _, _ = ingest_command(tmp_path)
    page = Page.objects.get()
    assert status == 0 and page.needs_review
    record = json.dumps(page.review_reasons, ensure_ascii=False)
    assert "版" in record or "jump" in record


def test_identical_pages_of_two_issues_are_both_kept(tmp_path, ingest_command):
    """Two days may print the same page: with the layout naming them, both are ingested."""
    for day in ("2022-06-03", "2022-06-04"):
        folder = tmp_path / "taiyuan-daily" / day
        folder.mkdir(parents=True)
        (folder / "01.txt").write_text(PAGE_1, encoding="utf-8")
    status, out, _ = ingest_command(tmp_path)
    assert out.strip() == "pages: 2 new, 0 unchanged, 0 updated, 0 rejected"
    assert sorted(str(d) for d in Page.objects.values_list("issue__date", flat=True)) == ["2022-06-03", "2022-06-04"]
    status, out, _ = ingest_command(tmp_path)
    assert out.strip() == "pages: 0 new, 2 unchanged, 0 updated, 0 rejected"


def test_a_large_batch_refreshes_the_planner_statistics(seeds_dir, ingest_command, monkeypatch):
    """After a batch of many pages the planner knows how many fragments there are, before the
    reassembly it queued reads them by issue."""
    from django.db import connection

    from archive.services import ingest

    monkeypatch.setattr(ingest, "ANALYZE_AFTER", 5)
    ingest_command(seeds_dir)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Fragment._meta.db_table])
        assert cursor.fetchone()[0] == Fragment.objects.count() > 0


def test_fragments_keep_section_heads_credits_and_segment_confidence(tmp_path, ingest_command, monkeypatch):
    """What the parser says of a fragment is stored: section heads, every credit with its role
    (names only in the older lists too, once), and how sure the segmenter was."""
    from archive import text as textlayer
    from archive.text.types import Credit, Fragment as Parsed

    real_parse = textlayer.parse_page

    def parse(raw):
        parsed = real_parse(raw)
        parsed.fragments[0] = Parsed(
            order=0, start=parsed.fragments[0].start, end=parsed.fragments[0].end, headline="标题",
            paragraphs=["会议召开。", "一、坚持高质量发展", "版式设计：蔡华伟"], section_heads=[1],
            contributors=[Credit("殷雪鸢", "reporter"), Credit("蔡华伟", "designer")],
            reporters=["殷雪鸢", "梁涛"], confidence=0.62, review="kicker or headline",
        )
        return parsed

    monkeypatch.setattr(textlayer, "parse_page", parse)
    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE_1, encoding="utf-8")
    ingest_command(tmp_path)
    stored = Fragment.objects.get(order=0)
    assert stored.text == "会议召开。\n\n一、坚持高质量发展\n\n版式设计：蔡华伟" and stored.section_heads == [1]
    assert stored.contributors == [
        {"name": "殷雪鸢", "role": "reporter"}, {"name": "蔡华伟", "role": "designer"},
        {"name": "梁涛", "role": "reporter"}]
    assert (stored.confidence, stored.review) == (0.62, "kicker or headline")
    assert stored.article.needs_review and stored.article.review_reason.endswith("uncertain segmentation: kicker or headline")


def test_a_page_read_by_an_older_parser_is_read_again(tmp_path, ingest_command):
    """The same bytes read by an older parser version are re-parsed in place once, then unchanged."""
    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE_1, encoding="utf-8")
    ingest_command(tmp_path)
    page = Page.objects.get()
    Page.objects.filter(pk=page.pk).update(parser_version="0")
    old_fragments = set(Fragment.objects.values_list("pk", flat=True))
    _, out, _ = ingest_command(tmp_path)
    assert out.strip() == "pages: 0 new, 0 unchanged, 1 updated, 0 rejected"
    reread = Page.objects.get()
    assert reread.pk == page.pk and reread.parser_version != "0"
    assert not old_fragments & set(Fragment.objects.values_list("pk", flat=True))
    assert Article.objects.count() == 2
    _, out, _ = ingest_command(tmp_path)
    assert out.strip() == "pages: 0 new, 1 unchanged, 0 updated, 0 rejected"


def test_migration_turns_old_credit_dicts_into_lists():
    """Fragments stored by older parsers ({"reporters": […], …}) get the list of {"name", "role"}."""
    import importlib

    from django.apps import apps

    from tests.factories import PageFactory

    migration = importlib.import_module("archive.migrations.0005_text_as_printed")
    old = Fragment.objects.create(page=PageFactory(), order=0, start=0, end=1, text="正文。",
                                  contributors={"reporters": ["殷雪鸢"], "photographers": ["梁琛"], "authors": []})
    migration.contributors_to_list(apps, None)
    old.refresh_from_db()
    assert old.contributors == [{"name": "殷雪鸢", "role": "reporter"}, {"name": "梁琛", "role": "photographer"}]
