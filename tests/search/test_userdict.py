"""The project user dictionary: byline names, growing the word file."""
import io

from django.core.management import call_command

from archive.search.userdict import names_in_byline
from tests.factories import ArticleFactory, ContributorFactory


def test_names_in_byline():
    """Names after 记者 are listed in order, separators and brackets dropped."""
    assert names_in_byline("本报讯(记者 殷雪莹、梁涛、丁洁)") == ["殷雪莹", "梁涛", "丁洁"]
    assert names_in_byline("本报北京1月31日电 （记者杜一菲）") == ["杜一菲"]
    assert names_in_byline("新华社播发报道") == []


def test_build_userdict_appends_new_names(db, tmp_path):
    """The command appends names from contributors and bylines once, and only new ones."""
    words = tmp_path / "userdict.txt"
    words.write_text("# test\n韦韬\n", encoding="utf-8")
    ContributorFactory(name="袁清茂")
    ArticleFactory(byline="本报讯(记者 韦韬、闫珺祎)")
    call_command("build_userdict", file=words, stdout=io.StringIO())
    call_command("build_userdict", file=words, stdout=io.StringIO())
    lines = words.read_text(encoding="utf-8").splitlines()
    assert lines.count("袁清茂") == 1 and lines.count("闫珺祎") == 1 and lines.count("韦韬") == 1
