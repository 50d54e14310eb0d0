"""Every word a reader sees on the public site is Chinese: notices, labels, facets, messages."""
import html as htmllib
import re

import pytest

from archive.models import Issue
from archive.search.indexing import index_articles
from archive.views.site import REVIEW_NOTICES

pytestmark = pytest.mark.django_db

ISSUE = "/taiyuan-daily/2021-03-03/"
# Latin words a reader may meet on purpose: the feed format and the search syntax's OR.
ALLOWED = {"Atom", "OR"}
# Reasons reassembly and the segmenter write for editors (archive/services/reassemble.py).
ENGLISH_REASONS = [
    "uncertain continuation link",
    "uncertain segmentation: headline or body line",
    "its fragments now belong to another article",
    "byline unclear",
]


def latin_words(page: str) -> set[str]:
    """Latin words in the text a reader sees: the body without tags, scripts, URLs and the
    citation block (its link and the standard's name GB/T 7714 are not prose)."""
    body = page.split("<body>", 1)[1]
    body = re.sub(r'<footer class="cite">.*?</footer>', " ", body, flags=re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
    return set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED


@pytest.fixture
def indexed(front_page):
    """The front page's articles, indexed."""
    index_articles([article.pk for article in front_page.values() if hasattr(article, "headline")])
    return front_page


@pytest.mark.parametrize("reason", ENGLISH_REASONS)
def test_a_flagged_article_tells_readers_in_chinese(client, front_page, reason):
    """Whatever the editors' English reason, the article page's notice is Chinese."""
    second = front_page["second"]
    second.needs_review, second.review_reason = True, reason
    second.save()
    page = client.get(f"{ISSUE}1/2/").content.decode()
    notice = re.search(r'<p class="notice review" role="note">(.*?)</p>', page).group(1)
    assert not latin_words("<body>" + notice), notice
    assert not latin_words(page)


def test_each_known_reason_has_its_own_notice(client, front_page):
    second = front_page["second"]
    for key, notice in REVIEW_NOTICES:
        second.review_reason = f"{key} (page 3)"
        second.save()
        assert notice in client.get(f"{ISSUE}1/2/").content.decode()


def test_a_flagged_issue_does_not_show_its_english_reason(client, front_page):
    Issue.objects.filter(pk=front_page["issue"].pk).update(needs_review=True, review_reason="date 2021-03-03 guessed")
    page = client.get(ISSUE).content.decode()
    assert "本期信息待编辑核对" in page and not latin_words(page)


@pytest.mark.parametrize("url, echoed", [
    ("/", ()), ("/taiyuan-daily/", ()), ("/taiyuan-daily/2021/", ()), (ISSUE, ()), (f"{ISSUE}1/", ()),
    (f"{ISSUE}1/1/", ()), (f"{ISSUE}1/2/", ()), (f"{ISSUE}4/1/", ()), ("/people/梁涛/", ()),
    ("/taiyuan-daily/1999/", ()), (f"{ISSUE}9/", ()), ("/search/", ()), ("/search/?q=会议", ()),
    ("/search/?q=会议&kind=news&page=1&from=2021-03-01&to=2021-03-31", ()),
    ("/search/?q=会议&kind=fragment", ()), ("/search/?q=没有这样的文章", ()), ("/search/?q=会议&from=2021-13-01", ()),
    # The reader's own input, shown back to them: the address and the value not accepted.
    ("/nowhere-daily/", {"nowhere", "daily"}), ("/search/?q=会议&kind=poem", {"poem"}),
])
def test_public_pages_have_no_english(client, indexed, url, echoed):
    """Pages, 404s, search results, facets, chips and form errors: no Latin word but Atom, OR and
    what the reader typed."""
    page = client.get(url).content.decode()
    assert latin_words(page) == set(echoed), url
