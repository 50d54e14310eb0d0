"""Finding page files: the ingest layout, manifests and loose files."""
import datetime

from archive.sources import discover, from_layout


def write(path, text="本报讯 会议召开。\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_layout_gives_paper_date_page_and_section(tmp_path):
    """<paper>/<YYYY-MM-DD>/<NN>-<section>.txt carries all the metadata."""
    source = from_layout(write(tmp_path / "taiyuan-daily" / "2023-04-25" / "02-综合.txt"))
    assert (source.paper, source.date, source.page, source.section, source.origin) == (
        "taiyuan-daily", datetime.date(2023, 4, 25), 2, "综合", "layout")


def test_a_file_outside_the_layout_is_loose(tmp_path):
    """A bad date folder or a name that is not a number makes the file loose."""
    assert from_layout(write(tmp_path / "taiyuan-daily" / "2023-02-30" / "01.txt")).origin == "loose"
    assert from_layout(write(tmp_path / "taiyuan-daily" / "2023-02-01" / "front.txt")).origin == "loose"


def test_manifest_rows_describe_loose_files(tmp_path):
    """manifest.csv gives metadata relative to itself; empty cells stay unknown."""
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt")
    (tmp_path / "manifest.csv").write_text(
        "file,paper,date,page,section\na.txt,taiyuan-daily,2022-06-03,1,要闻\nb.txt,taiyuan-daily,2022-06-03,,\n",
        encoding="utf-8",
    )
    found = {source.path.name: source for source in discover([tmp_path]).files}
    assert (found["a.txt"].page, found["a.txt"].section, found["a.txt"].origin) == (1, "要闻", "manifest")
    assert found["b.txt"].page is None and found["b.txt"].date == datetime.date(2022, 6, 3)


def test_manifest_problems_refuse_their_row_not_the_manifest(tmp_path):
    """A bad date or page, or a missing file, refuses that row with its line; other rows go on."""
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt")
    (tmp_path / "manifest.csv").write_text(
        "file,paper,date,page,section\na.txt,taiyuan-daily,2022-13-03,x,\nmissing.txt,,,,\nb.txt,,2022-06-03,2,\n",
        encoding="utf-8",
    )
    discovery = discover([tmp_path])
    (source,) = discovery.files
    assert (source.path.name, source.page, source.origin) == ("b.txt", 2, "manifest")
    assert [(path.name, reason) for path, reason in discovery.errors] == [
        ("a.txt", "manifest.csv line 2: date '2022-13-03' is not a real date (YYYY-MM-DD)"),
        ("missing.txt", "manifest.csv line 3: listed in the manifest but not found"),
    ]


def test_nonexistent_path_is_an_error(tmp_path):
    discovery = discover([tmp_path / "nope"])
    assert discovery.files == [] and discovery.errors[0][1] == "no such file or folder"
