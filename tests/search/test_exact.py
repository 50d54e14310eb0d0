"""Exact strings against the real Xapian engine: quoted strings cut anywhere find every article
holding them and no other; unquoted words also find what jieba cut differently."""
import datetime

import pytest

from archive.search import backend
from archive.search.backend import Filters
from archive.search.exact import fold, folded_lines, line_terms
from archive.search.indexing import index_articles
from archive.search.query import parse_query
from archive.search.segment import segment
from archive.search.selectors import search_articles
from tests.search.articles import build_archive, make_article

DAY = datetime.date(2019, 2, 1)


@pytest.fixture
def archive(db, search_backend):
    articles = build_archive()
    articles.update(
        kiribati=make_article(
            headline="基里巴斯总统会见中国代表团",
            body="新华社塔拉瓦电 基里巴斯总统马茂会见了代表团。\n\n双方表示，将推动两国关系发展。",
            date=DAY, page=3,
        ),
        apart=make_article(
            # 量发 and 发展 stand apart: the bigrams of 量发展 without the string.
            headline="新型发动机试车",
            body="这台大功率、高质量发动机。发展前景广阔，价格投放工作于去年启动。",
            date=DAY, page=4,
        ),
        split_name=make_article(
            headline="乡亲们的春节",
            body="乡亲们在张海林家包饺子。",
            date=DAY, page=5,
        ),
        fields=make_article(
            headline="春风又绿江南岸",
            body="明月何时照我还。\n\n江南好\n\n风景旧曾谙",
            date=DAY, page=6, captions=["江南水乡一角"],
        ),
        echo=make_article(
            headline="人民期待回应",
            body="人民期待，回应。人民期待很多，回应了人民期待。",
            date=DAY, page=8,
        ),
        full_width=make_article(
            headline="ＡＢＣ公司发布２０１９年报",
            body="本报北京2月1日电 （记者 杜一菲） 公司营收增长（同比）１２．５％。",
            date=DAY, page=7,
        ),
    )
    index_articles([article.pk for article in articles.values()])
    return articles


def found(q, **filters):
    result = search_articles(q=q, filters=Filters(**filters), per_page=50)
    assert not result.error
    assert result.count == len(result.hits)
    return {hit.id for hit in result.hits}


def pks(archive, *names):
    return {archive[name].pk for name in names}


def test_strings_starting_and_ending_mid_word(archive):
    """"基里巴" finds 基里巴斯; a string cut across words (价投放工作于去年) finds its article."""
    assert found('"基里巴"') == pks(archive, "kiribati")
    assert found('"价格投放工作于去年"') == pks(archive, "apart")
    assert found('"格投放工作于去"') == pks(archive, "apart")
    assert found('"里巴斯总"') == pks(archive, "kiribati")


def test_single_characters(archive):
    """One character finds every article holding it, in either script (韬 in 韦韬 and 韋韜)."""
    assert found('"韬"') == pks(archive, "fenjiu", "liberation", "traditional")
    assert found('"韜"') == found('"韬"')
    assert found('"斯"') == pks(archive, "kiribati")


def test_names_whole_and_in_part(archive):
    """A reporter's name, part of it and a name inside a longer string are found."""
    assert found('"殷雪鸢"') == pks(archive, "liberation", "separate")
    assert found('"雪莹"') == pks(archive, "fenjiu")
    assert found('"记者殷雪莹"') == pks(archive, "fenjiu")
    assert found('"杜一菲"') == pks(archive, "full_width")


def test_traditional_and_simplified_match_each_other(archive):
    """A traditional query finds simplified text and the reverse."""
    assert found('"高質量發展"') == pks(archive, "fenjiu", "traditional", "commentary")
    assert found('"韦韬调研"') == pks(archive, "traditional")


def test_full_width_and_half_width_match_each_other(archive):
    """Full-width letters, digits and marks match their half-width forms both ways."""
    assert found('"abc公司"') == pks(archive, "full_width")
    assert found('"2019年报"') == pks(archive, "full_width")
    assert found('"(同比)12.5%"') == pks(archive, "full_width")
    assert found('"韦韬强调，要推动"') == pks(archive, "traditional")  # the text has a half-width comma


def test_whitespace_is_ignored(archive):
    """Spaces inside a line, in the text or in the query, do not matter."""
    assert found('"记者杜一菲"') == pks(archive, "full_width")
    assert found('"基里巴斯 总统"') == pks(archive, "kiribati")


def test_chinese_quotation_marks(archive):
    """“…” quote when there are no ASCII quotes; inside ASCII quotes they are part of the string."""
    assert found("“基里巴”") == pks(archive, "kiribati")
    assert found('"城市“烟火气”持续"') == pks(archive, "yanhuoqi")
    assert found('"烟火气持续"') == set()


def test_never_across_punctuation(archive):
    """A string without the comma or full stop never matches across it."""
    assert found('"稳住市场"') == set()
    assert found('"稳住,市场"') == pks(archive, "separate")
    assert found('"发动机发展"') == set()


def test_never_across_fields_or_paragraphs(archive):
    """Headline into body, paragraph into paragraph, body into caption: no match."""
    assert found('"江南岸明月"') == set()
    assert found('"江南好风景"') == set()
    assert found('"曾谙江南"') == set()
    assert found('"江南水乡"') == pks(archive, "fields")


def test_bigrams_apart_are_not_the_string(archive):
    """An article holding 量发 and 发展 apart is not returned for 量发展; one holding it is."""
    assert found('"量发展"') == pks(archive, "fenjiu", "traditional", "commentary")
    assert found('"高质量发动"') == pks(archive, "apart")


def test_excluding_a_string(archive):
    """-"量发展" removes the articles holding the string, not those with its bigrams apart."""
    everyone = found('"发"')
    assert archive["apart"].pk in everyone
    assert found('"发" -"量发展"') == everyone - pks(archive, "fenjiu", "traditional", "commentary")


def test_filters_and_counts_apply_to_strings(archive):
    """Counts and facets of a quoted string count the articles holding it."""
    result = search_articles(q='"韬"', filters=Filters(), per_page=50)
    assert result.count == 3
    assert dict(result.facets["year"]) == {"2022": 2, "2023": 1}
    assert found('"韬"', kind="brief") == pks(archive, "traditional")


def test_counts_and_facets_leave_out_candidates_that_fail_the_check(archive):
    """The article with 量发 and 发展 apart (2019, page 4) is a candidate for "量发展" but is
    counted nowhere: the count and every facet are those of the three holders, exact."""
    result = search_articles(q='"量发展"', filters=Filters(), per_page=50)
    assert (result.count, result.count_exact) == (3, True)
    assert "2019" not in dict(result.facets["year"])
    assert sum(n for _, n in result.facets["year"]) == sum(n for _, n in result.facets["month"]) == 3


def test_more_candidates_than_checked_give_an_honest_page_and_an_estimate(archive, search_backend, monkeypatch):
    """Beyond CHECK_LINES_AT_LEAST candidates only those needed for the page are checked: the
    page holds the string, the count is an estimate and says so; a page wanting every
    candidate checks them all and is exact again."""
    monkeypatch.setattr(backend, "CHECK_LINES_AT_LEAST", 1)
    compiled = backend.compile_query(parse_query('"量发展"'))
    holders = {archive[name].pk for name in ("fenjiu", "traditional", "commentary")}
    page = backend.run_query(search_backend.open(), compiled, Filters(), limit=1, facets=backend.FACETS)
    assert set(page.ids) <= holders and len(page.ids) == 1
    assert not page.exact
    everything = backend.run_query(search_backend.open(), compiled, Filters(), limit=50, facets=backend.FACETS)
    assert (set(everything.ids), everything.count, everything.exact) == (holders, 3, True)


def test_unquoted_name_cut_differently(archive):
    """张海林 typed alone is cut 张/海林, in 在张海林家 jieba cuts 张海/林家: still found."""
    assert "海林" in segment("张海林").words
    assert "海林" not in segment("乡亲们在张海林家包饺子。").words
    assert found("张海林") == pks(archive, "split_name")


def test_unquoted_word_inside_a_longer_word(archive):
    """汾酒 is found inside 汾酒集团 and 基里巴 inside 基里巴斯 without quotes."""
    assert pks(archive, "fenjiu") <= found("汾酒")
    assert found("基里巴") == pks(archive, "kiribati")


def test_words_typed_together_rank_first(archive):
    """An article holding 回应人民期待 as typed ranks above one with the words apart more often."""
    result = search_articles(q="回应人民期待", filters=Filters(), per_page=50)
    assert [hit.id for hit in result.hits] == [archive["commentary"].pk, archive["echo"].pk]


def test_words_typed_together_rank_by_density(archive, monkeypatch):
    """Among the first matches, the article whose lines hold the typed words most densely comes
    first (a short paragraph saying it), though BM25 ranks the one saying it three times higher."""
    filler = "会议听取了有关情况的汇报，研究部署了下一阶段的重点工作，要求各部门加强协调配合。"
    often = make_article(headline="城市生态建设综述", date=DAY, page=9,
                         body=f"汾河湿地{filler}汾河湿地{filler}汾河湿地。\n\n{filler}")
    short = make_article(headline="简讯", date=DAY, page=10, body=f"汾河湿地开放。\n\n{filler}{filler}")
    index_articles([often.pk, short.pk])

    def ranked():
        return [hit.id for hit in search_articles(q="汾河湿地", filters=Filters(), per_page=50).hits]

    monkeypatch.setattr(backend, "DENSEST_WITHIN", 0)
    assert ranked() == [often.pk, short.pk]
    monkeypatch.undo()
    assert ranked() == [short.pk, often.pk]


def test_fold_keeps_lines_and_drops_whitespace():
    """Folding is per character; whitespace goes, line breaks end lines, marks stay."""
    assert fold("韋韜 強調，ＡＢＣ１２３\u3000") == "韦韬强调,abc123"
    assert folded_lines("第一行 \n\n 第二行", "", "标题") == ["第一行", "第二行", "标题"]
    text = "台湾發展很好"
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            assert fold(text[start:end]) in fold(text)


def test_every_character_starts_a_term():
    """A line's terms are its bigrams and its last character alone."""
    assert line_terms("基里巴斯") == ["XB基里", "XB里巴", "XB巴斯", "XB斯"]
    assert line_terms("斯") == ["XB斯"]


def test_unquoted_punctuation_is_no_word(archive):
    """A comma typed between words changes nothing; typed alone it finds nothing."""
    assert found("韦韬 ，") == found("韦韬")
    assert found("，") == set()
