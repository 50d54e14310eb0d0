"""The export of the seed pages: the contract's records, checked against a reviewed golden file."""
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.services.export import article_record, articles_for_export
from tests.factories import ArticleFactory, ContributorFactory, CreditFactory

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "export" / "seeds.jsonl"
KEYS = ["id", "url", "paper", "date", "pages", "kind", "kicker", "headline", "subheadline", "byline",
        "reporters", "photographers", "contributors", "captions", "text", "section_heads", "continuation",
        "source", "needs_review"]


@pytest.fixture
def records(seeds_dir, ingest_command):
    ingest_command(seeds_dir)
    out = io.StringIO()
    call_command("export_articles", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def by_headline(records, headline):
    (record,) = [r for r in records if r["headline"] == headline]
    return record


def test_records_follow_the_contract(records):
    """Every line is one record with exactly the contract's keys, in export order."""
    assert records and all(list(r) == KEYS for r in records)
    order = [(r["date"], r["pages"][:1], r["source"][0]["start"]) for r in records]
    assert order == sorted(order, key=lambda o: (o[0], o[1] or [0], o[2]))


def test_the_anniversary_article(records):
    """Seed 000's lead: headline, subheadline, byline, reporters, and the column break repaired."""
    record = by_headline(records, "我市举行纪念太原解放74周年活动")
    assert record["url"] == "/taiyuan-daily/2023-04-25/1/1/"
    assert (record["subheadline"], record["byline"]) == ("韦韬等出席", "本报讯(记者 殷雪鸢 梁涛 胡引平)")
    assert record["reporters"] == ["殷雪鸢", "梁涛", "胡引平"]
    assert record["text"].startswith("4月24日,纪念太原解放74周年活动")
    assert "赤诚为民的崇高品质" in record["text"] and "#" not in record["headline"]
    assert record["continuation"] == {"status": "none", "confidence": None}


def test_the_continuation_on_seed_000_is_a_fragment(records):
    """`(上接03版)…` has no start in the archive: its own record, kind fragment, no headline."""
    (record,) = [r for r in records if r["kind"] == "fragment"]
    assert record["headline"] is None and record["date"] == "2023-04-25"
    assert record["text"].startswith("深入开展服务业提质增效十大行动")
    assert record["continuation"]["status"] == "dangling"
    assert "强化部门协同联动" in record["text"]  # column break repaired


def test_jump_outs_of_seed_001_are_dangling(records):
    """The six front-page articles of seed 001 that jump to pages 3 and 4 stay dangling."""
    day = [r for r in records if r["date"] == "2022-06-03"]
    assert len(day) == 8
    assert sum(r["continuation"]["status"] == "dangling" for r in day) == 6
    assert all("下转" not in r["text"] for r in day)


def test_captions_belong_to_their_articles(records):
    """Captions are attached with their photographers, and never left in the body text."""
    lead = by_headline(records, "太原忻州两市人大常委会太忻经济一体化发展协作工作座谈会举行")
    assert lead["captions"] == [{"text": "工作座谈会现场。", "photographers": ["梁琛"]}]
    assert lead["kicker"] == "共抓发展机遇 共创美好未来" and lead["photographers"] == ["梁琛"]
    delegation = by_headline(records, "太原市党政代表团赴晋中市学习考察")
    assert delegation["captions"][0]["photographers"] == ["梁琛"]
    assert "让两市人民有更多获得感" in delegation["text"] and "展示馆。梁琛" not in delegation["text"]


def test_section_heads_stay_inside_their_article_text(records):
    """The 工作综述 report keeps its **…** section heads as paragraphs of its text (without the
    marks), listed in section_heads; they start no articles."""
    report = by_headline(records, "履职尽责不负重托 砥砺奋进勇于担当")
    assert report["subheadline"] == "——市人大常委会2024年工作综述"
    assert not [r for r in records if r["headline"] == "高水平立法护航法治太原建设"]
    paragraphs = report["text"].split("\n\n")
    heads = [paragraphs[i] for i in report["section_heads"]]
    assert heads[:2] == ["高水平立法护航法治太原建设", "高效能监督助推经济社会发展"]
    assert "**" not in report["text"]
    assert report["continuation"]["status"] == "dangling"


def test_record_lists_every_credit_with_its_role(db):
    """contributors names every credit with its role in printed order; reporters and photographers
    stay; section_heads index the text's paragraphs."""
    article = ArticleFactory(
        byline="本报讯（记者 殷雪莹、梁涛）", body="会议召开。\n\n一、坚持高质量发展\n\n（本报记者 王迪 整理）",
        section_heads=[1],
    )
    credited = [("殷雪莹", "reporter"), ("梁涛", "reporter"), ("梁琛", "photographer"), ("王迪", "compiler"),
                ("蔡华伟", "designer"), ("张三", "translator"), ("李四", "graphics"), ("王五", "editor")]
    for order, (name, role) in reversed(list(enumerate(credited))):
        CreditFactory(article=article, contributor=ContributorFactory(name=name), role=role, order=order)
    (record,) = [article_record(a) for a in articles_for_export()]
    assert record["contributors"] == [{"name": name, "role": role} for name, role in credited]
    assert record["reporters"] == ["殷雪莹", "梁涛"] and record["photographers"] == ["梁琛"]
    assert record["byline"] == "本报讯（记者 殷雪莹、梁涛）"
    assert record["section_heads"] == [1] and record["text"].split("\n\n")[1] == "一、坚持高质量发展"
    assert list(record) == KEYS


def test_export_matches_the_reviewed_golden_file(records):
    """The whole export of the seeds, as reviewed by hand (ids aside, and the id in the address of
    a page not numbered yet, /u<id>/)."""
    got = [{k: v for k, v in r.items() if k != "id"} for r in records]
    for record in got:
        record["url"] = record["url"] and re.sub(r"/u\d+/", "/u<page>/", record["url"])
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert got == expected
