"""Hostile and broken batches against the real PostgreSQL: each bad file refused with its
reason, the rest of the batch ingested, nothing from outside the ingest folder stored."""
import os

import pytest

from archive.models import Page
from tests.pages import PAGE_1, PAGE_3

pytestmark = pytest.mark.django_db

MANIFEST_HEADER = "file,paper,date,page,section\n"


def reasons(err):
    """{file name: reason} from the command's ``rejected PATH: REASON`` lines."""
    lines = [line.removeprefix("rejected ") for line in err.strip().splitlines()]
    return {path.rsplit("/", 1)[-1]: reason for path, reason in (line.split(": ", 1) for line in lines)}


def stored_texts():
    return sorted(Page.objects.values_list("raw_text", flat=True))


@pytest.fixture
def outside(tmp_path):
    """A secret file beside, not inside, the folder that will be ingested."""
    secret = tmp_path / "secret" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return secret


@pytest.fixture
def bundle(tmp_path):
    folder = tmp_path / "bundle" / "inner"
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(PAGE_1, encoding="utf-8")
    return folder


def test_manifest_paths_leading_out_of_the_folder_are_refused(bundle, outside, ingest_command):
    """`../../secret/passwd.txt` and an absolute path in manifest.csv are refused one by one;
    the good row of the same manifest is ingested."""
    (bundle / "manifest.csv").write_text(
        MANIFEST_HEADER
        + "good.txt,taiyuan-daily,2022-06-03,1,\n"
        + "../../secret/passwd.txt,taiyuan-daily,2022-06-03,2,\n"
        + f"{outside},taiyuan-daily,2022-06-03,3,\n"
        + "/etc/hostname,taiyuan-daily,2022-06-03,4,\n",
        encoding="utf-8",
    )
    status, out, err = ingest_command(bundle)
    assert status == 1
    assert out.strip() == "pages: 1 new, 0 unchanged, 0 updated, 3 rejected"
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "manifest.csv line 3: leads outside the folder given to ingest" in lines[0]
    assert str(outside) in lines[0]
    assert "manifest.csv line 4: absolute path" in lines[1] and "refused" in lines[1]
    assert "manifest.csv line 5: absolute path '/etc/hostname'" in lines[2]
    assert stored_texts() == [PAGE_1]


def test_symlinks_leading_out_of_the_folder_are_refused(bundle, outside, ingest_command):
    """A symlinked page and a symlinked manifest pointing outside are refused; a symlink that
    stays inside the folder is an ordinary file."""
    os.symlink(outside, bundle / "link.txt")
    os.symlink("/etc/os-release", bundle / "os.txt")
    os.symlink(bundle / "good.txt", bundle / "same.txt")
    status, out, err = ingest_command(bundle)
    assert status == 1
    refused = reasons(err)
    assert set(refused) == {"link.txt", "os.txt"}
    assert all(reason.startswith("leads outside the folder given to ingest") for reason in refused.values())
    assert out.strip() == "pages: 1 new, 0 unchanged, 0 updated, 2 rejected"
    assert stored_texts() == [PAGE_1]

    manifest = outside.parent / "manifest.csv"
    manifest.write_text(MANIFEST_HEADER + "passwd.txt,taiyuan-daily,2022-06-03,2,\n", encoding="utf-8")
    (bundle / "link.txt").unlink()
    (bundle / "os.txt").unlink()
    os.symlink(manifest, bundle / "manifest.csv")
    status, out, err = ingest_command(bundle)
    assert status == 1 and list(reasons(err)) == ["manifest.csv"]
    assert "leads outside the folder" in err
    assert stored_texts() == [PAGE_1]


def test_a_file_named_on_the_command_line_may_not_be_a_link_elsewhere(bundle, outside, ingest_command):
    os.symlink(outside, bundle / "link.txt")
    status, out, err = ingest_command(bundle / "link.txt", bundle / "good.txt")
    assert status == 1 and list(reasons(err)) == ["link.txt"]
    assert stored_texts() == [PAGE_1]


def test_missing_files_of_a_manifest_are_named(bundle, ingest_command):
    (bundle / "manifest.csv").write_text(
        MANIFEST_HEADER + "good.txt,taiyuan-daily,2022-06-03,1,\ngone.txt,taiyuan-daily,2022-06-03,2,\n",
        encoding="utf-8",
    )
    status, out, err = ingest_command(bundle)
    assert status == 1
    assert reasons(err) == {"gone.txt": "manifest.csv line 3: listed in the manifest but not found"}
    assert out.strip() == "pages: 1 new, 0 unchanged, 0 updated, 1 rejected"


def test_impossible_dates_are_refused(tmp_path, ingest_command):
    """2023-02-30 as a layout folder or in a manifest refuses the file, not guesses its date."""
    layout = tmp_path / "taiyuan-daily" / "2023-02-30"
    layout.mkdir(parents=True)
    (layout / "01.txt").write_text(PAGE_1, encoding="utf-8")
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "a.txt").write_text(PAGE_3, encoding="utf-8")
    (loose / "b.txt").write_text(PAGE_1 + "\n", encoding="utf-8")
    (loose / "manifest.csv").write_text(
        MANIFEST_HEADER + "a.txt,taiyuan-daily,2023-02-30,3,\nb.txt,taiyuan-daily,2023-02-28,x,\n", encoding="utf-8"
    )
    status, out, err = ingest_command(tmp_path)
    assert status == 1
    assert reasons(err) == {
        "01.txt": "folder '2023-02-30' is not a real date (YYYY-MM-DD)",
        "a.txt": "manifest.csv line 2: date '2023-02-30' is not a real date (YYYY-MM-DD)",
        "b.txt": "manifest.csv line 3: page 'x' is not a page number (1-999)",
    }
    assert Page.objects.count() == 0


def test_two_files_claiming_one_page_are_both_refused(tmp_path, ingest_command):
    """01.txt and 01-要闻.txt of one day, or two manifest rows with one page: neither is
    stored (the second would silently replace the first); the other pages go on."""
    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE_1, encoding="utf-8")
    (folder / "01-要闻.txt").write_text(PAGE_1 + "\n", encoding="utf-8")
    (folder / "03.txt").write_text(PAGE_3, encoding="utf-8")
    status, out, err = ingest_command(tmp_path)
    assert status == 1
    refused = reasons(err)
    assert set(refused) == {"01.txt", "01-要闻.txt"}
    assert refused["01.txt"].startswith("page 1 of taiyuan-daily 2022-06-03 is also claimed by ")
    assert refused["01.txt"].endswith("01-要闻.txt in this batch; keep one file per page")
    assert list(Page.objects.values_list("number", flat=True)) == [3]


def test_a_file_of_more_lines_than_a_page_is_refused_before_parsing(tmp_path, ingest_command):
    """5 MB of two-byte lines took parse_page 9.5 minutes and 5 GB (bench/hostile.py); past
    MAX_LINES non-blank lines a file is refused with the count, and the batch goes on."""
    from archive.text.decoding import MAX_LINES

    folder = tmp_path / "taiyuan-daily" / "2022-06-03"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text("a\n" * (MAX_LINES + 1), encoding="utf-8")
    (folder / "02.txt").write_text("\n" * (MAX_LINES * 3) + PAGE_3, encoding="utf-8")  # blank lines cost nothing
    (folder / "03.txt").write_text(PAGE_1, encoding="utf-8")
    status, out, err = ingest_command(tmp_path)
    assert status == 1
    assert reasons(err) == {
        "01.txt": f"{MAX_LINES + 1:,} lines of text: not one page (a page has a few hundred; "
                  f"the limit is {MAX_LINES:,}); split it into one file per page"}
    assert sorted(Page.objects.values_list("number", flat=True)) == [2, 3]
