"""Search over the ingested seed pages: the targets readers care about."""
from archive.models import Article
from archive.search.backend import Filters
from archive.search.selectors import search_articles


def _headlines(q, **filters):
    return [hit.headline for hit in search_articles(q=q, filters=Filters(**filters), per_page=50).hits]


def test_seeds_are_indexed(seeded):
    """Every ingested article is in the index."""
    assert seeded.document_count() == Article.objects.count() > 0


def test_fenjiu_finds_the_fenjiu_group_article_first(seeded):
    """汾酒 ranks the article about 汾酒集团 first."""
    assert _headlines("汾酒")[0].startswith("韦韬与汾酒集团党委书记")


def test_yanhuoqi_finds_the_service_industry_article(seeded):
    """烟火气 finds 力促服务业复工复产."""
    assert any("力促服务业复工复产" in h for h in _headlines("烟火气"))


def test_taiyuan_liberation_finds_the_anniversary_article(seeded):
    """太原解放 finds the 74th anniversary article."""
    assert any("纪念太原解放74周年" in h for h in _headlines("太原解放"))


def test_traditional_query_finds_simplified_text(seeded):
    """韋韜 returns the same articles as 韦韬."""
    simplified = search_articles(q="韦韬", filters=Filters(), per_page=100)
    traditional = search_articles(q="韋韜", filters=Filters(), per_page=100)
    assert simplified.count > 0
    assert [h.id for h in traditional.hits] == [h.id for h in simplified.hits]


def test_reporter_facet_counts_her_articles(seeded):
    """The contributor facet lists 殷雪鸢 with the number of her articles."""
    theirs = Article.objects.filter(credits__contributor__name="殷雪鸢").distinct().count()
    facets = dict(search_articles(q="", filters=Filters(contributor="殷雪鸢")).facets["contributor"])
    assert theirs > 0
    assert facets["殷雪鸢"] == theirs


def test_compacting_keeps_every_document_and_shrinks_the_index(seeded):
    """`compact_index` rewrites the index smaller, with the same documents and answers."""
    from pathlib import Path

    from django.core.management import call_command

    def size():
        return sum(f.stat().st_size for f in Path(seeded.path).iterdir() if f.is_file())

    before_size, before_hits = size(), _headlines("汾酒")
    call_command("compact_index", verbosity=0)
    assert size() < before_size
    assert seeded.document_count() == Article.objects.count()
    assert _headlines("汾酒") == before_hits
