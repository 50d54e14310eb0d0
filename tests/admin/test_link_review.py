"""The link review screen: the text either side of the cut, candidates with evidence in words,
and decisions (confirm, pick another, other half missing) that reassemble the issue."""
import pytest

from archive.models import Article, Continuation, Fragment
from archive.search.backend import Filters
from archive.search.selectors import search_articles
from archive.services import editing
from tests.admin.conftest import RIVER, WORKERS

pytestmark = pytest.mark.django_db

RIVER_TAIL = "管理,持续推进汾河生态保护修复"
WORKERS_TAIL = "人队伍,为全方位推动高质量发展"



def jump_of(headline):
    return Fragment.objects.get(headline=headline, jump_to_page=3)


def tail(text):
    return Fragment.objects.get(jump_from_page=1, text__startswith=text)


def url(fragment):
    return f"/admin/archive/continuation/jump/{fragment.pk}/"


def swap_links(run):
    """The wrong pairing, as an editor (or the matcher) might have made it."""
    run(editing.continuation_create, from_fragment=jump_of(RIVER), to_fragment=tail(WORKERS_TAIL))
    run(editing.continuation_create, from_fragment=jump_of(WORKERS), to_fragment=tail(RIVER_TAIL))


def test_the_screen_shows_both_sides_of_the_cut_and_the_evidence(issue, admin_client):
    """The last paragraph before the cut, each candidate's first paragraph, the chosen one first."""
    page = admin_client.get(url(jump_of(RIVER))).content.decode()
    assert "调研组要求,进一步加强河道" in page
    assert page.index("当前所接") < page.index(RIVER_TAIL) < page.index(WORKERS_TAIL)
    assert "断开处：“…" in page and "两半共有的词" in page and "得分" in page


def test_picking_the_right_candidate_fixes_a_wrong_link(issue, admin_client, run):
    """One click re-links the jump; the issue is reassembled and search follows."""
    swap_links(run)
    assert Article.objects.get(headline=RIVER).body.endswith("人才支撑。(李俊华)")
    page = admin_client.get(url(jump_of(RIVER))).content.decode()
    assert page.index("当前所接") < page.index(WORKERS_TAIL) < page.index(RIVER_TAIL)
    response = run(admin_client.post, url(jump_of(RIVER)),
                   {"decision": "pick", "candidate": tail(RIVER_TAIL).pk}, follow=True)
    assert "已改接" in response.content.decode()
    river = Article.objects.get(headline=RIVER)
    assert river.body.endswith("让汾河水清岸绿、造福人民。") and river.pages == [1, 3]
    hits = {hit.headline for hit in search_articles(q="汾河水清岸绿", filters=Filters()).hits}
    assert RIVER in hits


def test_confirming_the_chosen_link_makes_it_the_editors(issue, admin_client, run):
    """Confirm: the link is the editor's, confident, and out of the queue."""
    Continuation.objects.update(needs_review=True)
    run(admin_client.post, url(jump_of(RIVER)), {"decision": "confirm", "candidate": tail(RIVER_TAIL).pk})
    link = Continuation.objects.get(from_fragment=jump_of(RIVER), status="confirmed")
    assert (link.method, link.needs_review, link.to_fragment_id) == ("editor", False, tail(RIVER_TAIL).pk)


def test_marking_the_other_half_missing_leaves_the_jump_dangling(issue, admin_client, run):
    """No candidate is linked after reassembly; the article is reviewed, the tail stands alone."""
    response = run(admin_client.post, url(jump_of(RIVER)), {"decision": "missing"}, follow=True)
    assert "另一半未收录" in response.content.decode()
    river = Article.objects.get(headline=RIVER)
    assert river.pages == [1] and river.continuation_status == "dangling"
    assert "needs_review" in river.locked_fields
    assert Article.objects.filter(body__startswith=RIVER_TAIL, kind="fragment").exists()


def test_only_jump_ins_on_the_named_page_can_be_chosen(issue, admin_client, run):
    """A fragment elsewhere (page 1) is refused with a message; the links stay."""
    before = sorted(Continuation.objects.values_list("from_fragment", "to_fragment", "status"))
    response = run(admin_client.post, url(jump_of(RIVER)),
                   {"decision": "pick", "candidate": jump_of(WORKERS).pk}, follow=True)
    assert "不能接在这里" in response.content.decode()
    assert sorted(Continuation.objects.values_list("from_fragment", "to_fragment", "status")) == before


def test_the_fragment_look_up_filters_by_page_and_searches_text(issue, admin_client):
    """The pop-up used by the link form narrows by page number and finds body text."""
    page = admin_client.get("/admin/archive/fragment/", {"page__number": 3, "q": "造福人民"}).content.decode()
    assert page.count('class="action-select"') == 1 and "(上接第1版)" in page


def test_a_continuation_whose_head_is_missing_is_reviewed_from_its_side(issue, admin_client, run):
    """The river's tail, unlinked: its screen offers the jump-outs on page 1; picking the river
    joins them again."""
    run(editing.jump_mark_missing, fragment=jump_of(RIVER))
    Continuation.objects.filter(from_fragment=jump_of(RIVER)).delete()  # the editor's refusal undone
    orphan = Article.objects.get(body__startswith=RIVER_TAIL)
    queue = admin_client.get("/admin/archive/reviewitem/", {"reason": "dangling"}).content.decode()
    assert url(tail(RIVER_TAIL)) in queue
    page = admin_client.get(url(tail(RIVER_TAIL))).content.decode()
    assert "续文的第一段" in page and "第1版上转出的文章候选（2）" in page and "调研组要求,进一步加强河道" in page
    response = run(admin_client.post, url(tail(RIVER_TAIL)), {"decision": "pick", "candidate": jump_of(RIVER).pk},
                   follow=True)
    assert "已改接" in response.content.decode()
    assert Article.objects.get(headline=RIVER).body.endswith("造福人民。")
    assert not Article.objects.filter(pk=orphan.pk).exists()
