"""Search for the views and the API: parse, run on the index, fetch display rows from PostgreSQL."""
import datetime
import logging
from dataclasses import dataclass, field

import xapian
from xapian_backend import InvalidIndexError

from archive.models import Article
from archive.search.backend import FACETS, Filters, StaleIndexError, archive_backend, compile_query, run_query
from archive.search.query import parse_query
from archive.search.segment import query_words
from archive.search.snippets import make_snippet
from archive.search.userdict import ensure_loaded

logger = logging.getLogger(__name__)

PER_PAGE = 20
MAX_RESULTS = 1000  # deeper pages are not useful to a reader and cost the engine


@dataclass
class Hit:
    id: int
    url: str
    headline: str
    date: datetime.date | None
    pages: list[int]
    snippet: str
    contributors: list[str]
    paper: str


@dataclass
class SearchPage:
    count: int = 0
    count_exact: bool = True
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    error: str = ""
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.count, MAX_RESULTS) // self.per_page))


def search_articles(*, q: str, filters: Filters, sort: str = "relevance", page: int = 1,
                    per_page: int = PER_PAGE) -> SearchPage:
    """One page of articles for a reader's query and filters, with facets; engine errors
    become a message, never an exception."""
    ensure_loaded()
    parsed = parse_query(q)
    result = SearchPage(notices=list(parsed.notices), page=page, per_page=per_page)
    compiled = compile_query(parsed)
    if compiled is None and filters.query() is None:
        if q.strip():
            result.notices.append("查询中没有可检索的词语。")
        return result
    offset = (page - 1) * per_page
    if offset >= MAX_RESULTS:
        result.notices.append(f"只显示前 {MAX_RESULTS} 条结果。")
        return result
    backend = archive_backend()
    if backend is None:
        logger.error("HAYSTACK_CONNECTIONS['default'] must use archive.search.backend.ArchiveXapianEngine")
        result.error = "搜索配置有误，请联系管理员。"
        return result
    try:
        matches = run_query(
            backend.open(), compiled, filters,
            sort=sort, offset=offset, limit=per_page, facets=FACETS,
        )
    except StaleIndexError as exc:
        logger.error("%s", exc)
        result.error = "搜索索引正在更新，请稍后再试。"
        return result
    except InvalidIndexError:
        logger.warning("search index missing")
        result.error = "搜索索引尚未建立，请稍后再试。"
        return result
    except xapian.Error as exc:
        logger.exception("search failed for %r", q)
        result.error = "搜索暂时不可用，请稍后再试。"  # the log names the error
        return result
    result.count = matches.count
    result.count_exact = matches.exact
    result.facets = matches.facets
    needles = _needles(parsed)
    result.hits = _hits(matches.ids, needles)
    return result


def _needles(parsed) -> list[str]:
    needles = []
    for term in parsed.positive_terms():
        needles.append(term.text)
        if not term.phrase:
            needles.extend(query_words(term.text))
    return needles


def _hits(ids: list[int], needles: list[str]) -> list[Hit]:
    articles = (
        Article.objects.filter(pk__in=ids)
        .select_related("issue__newspaper")
        .prefetch_related("credits__contributor")
    )
    by_id = {article.pk: article for article in articles}
    hits = []
    # An id the index still has but PostgreSQL no longer does is skipped; the next
    # index_articles call removes it.
    for pk in ids:
        article = by_id.get(pk)
        if article is None:
            continue
        text = article.body or " ".join(c.get("text", "") for c in article.captions if isinstance(c, dict))
        hits.append(
            Hit(
                id=pk,
                url=article.get_absolute_url(),
                headline=article.headline,
                date=article.issue.date,
                pages=list(article.pages),
                snippet=make_snippet(text, needles),
                # In printed order (Credit.order), whatever the roles.
                contributors=list(dict.fromkeys(
                    c.contributor.name for c in sorted(article.credits.all(), key=lambda c: (c.order, c.pk))
                )),
                paper=article.issue.newspaper.name,
            )
        )
    return hits
