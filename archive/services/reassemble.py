"""Reassembly: join the fragments of an issue into articles across pages.

For one issue: collect jump-outs (下转) and jump-ins (上接), let the pure matcher
(archive.assembly) pair them one to one, keep what editors confirmed or rejected, then build
or update one Article per chain of fragments. Re-running on unchanged data writes nothing, and a
field an editor edited (``Article.locked_fields``) is never overwritten. The issue's row lock
makes two reassemblies of one issue (or a reassembly and an ingest into it) take turns.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from archive import assembly
from archive.models import Article, Continuation, Contributor, Credit, Fragment, Issue
from archive.services import pending

# The Article fields reassembly derives from fragments (see _apply).
DERIVED_FIELDS = (
    "first_page_number", "kicker", "headline", "subheadline", "byline", "kind", "body", "section_heads",
    "captions", "pages", "continuation_status", "confidence", "needs_review", "review_reason",
)
# The Continuation fields the matcher sets on its links.
LINK_FIELDS = ("score", "confidence", "needs_review", "evidence")
# A fragment whose boundaries the page segmenter was less sure of than this is never joined by
# a confident link: the link is capped at the fragment's confidence and left for an editor,
# however well the texts match (a wrong boundary makes a wrong link look right).
SEGMENT_MIN_CONFIDENCE = 0.9
REVIEW_REASON_LENGTH = 300  # Article.review_reason's max_length


@dataclass
class ReassembleReport:
    issue_id: int
    links: int = 0
    needs_review: int = 0
    dangling: int = 0
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


def issue_lock(issue_id: int) -> Issue | None:
    """Take the issue's row lock for the rest of the caller's transaction (None if the issue is
    gone): reassembly takes it, and so does every editor's change to the issue's articles,
    fragments or links, so the two take turns. The issue's row only (not its paper's, which
    Issue's default ordering would join in): work on other issues of the paper goes on meanwhile."""
    return Issue.objects.select_for_update(of=("self",)).filter(pk=issue_id).first()


@transaction.atomic
def reassemble_issue(issue_id: int, *, features=assembly.FEATURES) -> ReassembleReport | None:
    """Rebuild the articles of one issue from its fragments; None if the issue is gone."""
    issue = issue_lock(issue_id)
    if issue is None:
        return None
    report = ReassembleReport(issue_id=issue_id)
    fragments = list(
        Fragment.objects.filter(page__issue=issue).select_related("page")
        # Only the page's number is read: its raw text would come along once per fragment.
        .defer("page__raw_text", "page__guesses", "page__review_reasons")
        .order_by("page__number", "order")
    )
    by_id = {fragment.pk: fragment for fragment in fragments}
    links = _link(fragments, features, by_id)
    next_of = {link.from_fragment_id: link for link in links}
    prev_of = {link.to_fragment_id: link for link in links}
    report.links = len(links)
    report.needs_review = sum(link.needs_review for link in links)

    existing = {
        (article.first_page_id, article.number): article
        for article in Article.objects.filter(issue=issue).prefetch_related("credits__contributor")
    }
    chains = list(_chains(fragments, by_id, next_of, prev_of))
    names = _contributor_ids({name for _, chain in chains for _, name in _contributors(chain)})
    built, created, changed = [], [], []
    for number_key, chain in chains:
        article = existing.get(number_key)
        if article is None:
            article = Article(issue=issue, first_page_id=number_key[0], number=number_key[1])
            created.append(article)
        chain_links = [next_of[f.pk] for f in chain[:-1]]
        if _apply(article, chain, chain_links) and article.pk:
            article.updated_at = timezone.now()
            changed.append(article)
        built.append((article, chain))
    # In bulk, history included: a first assembly writes some forty articles an issue.
    bulk_create_with_history(created, Article)
    bulk_update_with_history(changed, Article, fields=[*DERIVED_FIELDS, "updated_at"])
    report.created = [article.pk for article in created]
    report.updated = [article.pk for article in changed]

    created_ids = set(report.created)
    credits, moved = [], []
    for article, chain in built:
        is_new = article.pk in created_ids
        wanted = _credits_wanted(article, chain, names, is_new)
        if wanted is not None:
            credits.extend(wanted)
            if not is_new and article.pk not in report.updated:
                report.updated.append(article.pk)
        moved.extend(_moved(chain, article))
        report.dangling += article.continuation_status == Article.ContinuationStatus.DANGLING
    Credit.objects.bulk_create(credits)
    _move_fragments(moved)
    kept = {article.pk for article, _ in built}

    for article in existing.values():
        if article.pk in kept:
            continue
        if article.locked_fields:
            # An editor worked on it: keep it, and ask for a look instead of deleting.
            if not article.needs_review:
                article.needs_review = True
                article.review_reason = "its fragments now belong to another article"
                article.save()
                report.updated.append(article.pk)
            continue
        report.deleted.append(article.pk)
        article.delete()
    # Done, in the same transaction as the work: the issue is no longer owed a reassembly,
    # and the search entries of what changed are owed an update.
    Issue.objects.filter(pk=issue_id).update(reassembly_due=None, reassembly_sent=None)
    pending.indexing_owed(report.created + report.updated + report.deleted)
    return report


def _link(fragments, features, by_id) -> list[Continuation]:
    """Continuations for the issue: the editors' stand; the matcher decides the rest."""
    ids = [fragment.pk for fragment in fragments]
    stored = list(Continuation.objects.filter(from_fragment_id__in=ids))
    fixed = [c for c in stored if c.method == Continuation.Method.EDITOR or c.status != Continuation.Status.PROPOSED]
    accepted = [c for c in fixed if c.status != Continuation.Status.REJECTED]
    rejected = {(c.from_fragment_id, c.to_fragment_id) for c in fixed if c.status == Continuation.Status.REJECTED}
    taken_out = {c.from_fragment_id for c in accepted}
    taken_in = {c.to_fragment_id for c in accepted}

    outs = [
        as_jump_out(f) for f in fragments
        if f.jump_out_line and f.pk not in taken_out
    ]
    ins = [
        as_jump_in(f) for f in fragments
        if f.jump_in_line and f.pk not in taken_in
    ]
    proposals = [
        link for link in assembly.match_jumps(outs, ins, features=features)
        if (link.out_key, link.in_key) not in rejected
    ]
    auto = {(c.from_fragment_id, c.to_fragment_id): c for c in stored if c not in fixed}
    result, new, changed = list(accepted), [], []
    for link in proposals:
        values = {
            "score": round(float(link.score), 6),
            "confidence": round(float(link.confidence), 6),
            "needs_review": bool(link.needs_review),
            "evidence": link.evidence,
        }
        _cap_by_segmentation(values, by_id[link.out_key], by_id[link.in_key])
        continuation = auto.pop((link.out_key, link.in_key), None)
        if continuation is None:
            continuation = Continuation(from_fragment_id=link.out_key, to_fragment_id=link.in_key, **values)
            new.append(continuation)
        elif any(getattr(continuation, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(continuation, key, value)
            changed.append(continuation)
        result.append(continuation)
    bulk_create_with_history(new, Continuation)
    bulk_update_with_history(changed, Continuation, fields=LINK_FIELDS)
    stale = [c.pk for c in auto.values()]
    if stale:
        Continuation.objects.filter(pk__in=stale).delete()
    return result


def _cap_by_segmentation(values: dict, *fragments: Fragment) -> None:
    """Cap a proposed link's confidence at its least surely segmented fragment's, and flag
    the link when that is below SEGMENT_MIN_CONFIDENCE."""
    least = min(fragment.confidence for fragment in fragments)
    if least < SEGMENT_MIN_CONFIDENCE:
        values["confidence"] = round(min(values["confidence"], least), 6)
        values["needs_review"] = True


def as_jump_out(fragment: Fragment) -> assembly.JumpOut:
    return assembly.JumpOut(target_page=fragment.jump_to_page, **_jump_fields(fragment))


def as_jump_in(fragment: Fragment) -> assembly.JumpIn:
    return assembly.JumpIn(source_page=fragment.jump_from_page, **_jump_fields(fragment))


def _jump_fields(fragment: Fragment) -> dict:
    return {
        "key": fragment.pk,
        "page": fragment.page.number,
        "order": fragment.order,
        "headline": fragment.headline or None,
        "paragraphs": tuple(_paragraphs(fragment)),
    }


def _paragraphs(fragment: Fragment) -> list[str]:
    return [p for p in fragment.text.split("\n\n") if p]


def _paragraphs_and_heads(fragment: Fragment) -> tuple[list[str], list[int]]:
    """The fragment's paragraphs and its section heads' indexes among them."""
    kept = {}
    for index, paragraph in enumerate(fragment.text.split("\n\n")):
        if paragraph:
            kept[index] = len(kept)
    heads = sorted({kept[i] for i in fragment.section_heads if isinstance(i, int) and i in kept})
    return _paragraphs(fragment), heads


def chain_text(chain: list[Fragment]) -> tuple[list[str], list[int], list[str]]:
    """The paragraphs of a chain of fragments joined across their jumps, the indexes of the
    section heads among them, and why a join is in doubt (a reason per doubtful seam).

    A paragraph cut by the jump is joined (``assembly.join_across``), so the heads of a
    later fragment move by the paragraphs before it, less one when the cut joined two. A
    section head is a paragraph of its own: a cut next to one joins nothing.
    """
    paragraphs: list[str] = []
    heads: list[int] = []
    doubts: list[str] = []
    for fragment in chain:
        own, own_heads = _paragraphs_and_heads(fragment)
        before = len(paragraphs)
        if before and (before - 1 in heads or 0 in own_heads):
            joined = paragraphs + own
        else:
            joined, doubt = assembly.join_across(paragraphs, own)
            if doubt is not None:
                doubts.append(f"a jump cut after a full stop: one paragraph or two? (p={doubt:.2f})")
        shift = before - (before + len(own) - len(joined))
        heads += [shift + index for index in own_heads]
        paragraphs = joined
    return paragraphs, heads, doubts


def _chains(fragments, by_id, next_of, prev_of):
    """Yield ``((first_page_id, number), [fragments in reading order])`` for every article.

    Numbers are stable under linking: fragments that open an article by their own layout (no
    jump-in line) are numbered first on their page; continuations whose start is not found
    come after them, so linking a continuation never renumbers the page's other articles.
    """
    starts = [f for f in fragments if f.pk not in prev_of]
    by_page: dict[int, list[Fragment]] = {}
    for fragment in starts:
        by_page.setdefault(fragment.page_id, []).append(fragment)
    for page_id, page_starts in by_page.items():
        ordered = [f for f in page_starts if not f.jump_in_line] + [f for f in page_starts if f.jump_in_line]
        for number, first in enumerate(ordered, start=1):
            chain, seen = [first], {first.pk}
            while chain[-1].pk in next_of:
                following = by_id.get(next_of[chain[-1].pk].to_fragment_id)
                if following is None or following.pk in seen:
                    break
                chain.append(following)
                seen.add(following.pk)
            yield (page_id, number), chain


def _apply(article: Article, chain: list[Fragment], links: list[Continuation]) -> bool:
    """Set the article's derived fields from its chain; True if anything changed."""
    first = chain[0]
    paragraphs, section_heads, doubts = chain_text(chain)
    captions = [caption for fragment in chain for caption in fragment.captions]
    pages = []
    for fragment in chain:
        if fragment.page.number is not None and fragment.page.number not in pages:
            pages.append(fragment.page.number)
    open_out = bool(chain[-1].jump_out_line)
    open_in = bool(first.jump_in_line)
    if open_out or open_in:
        status = Article.ContinuationStatus.DANGLING
    elif links:
        status = Article.ContinuationStatus.LINKED
    else:
        status = Article.ContinuationStatus.NONE
    kind = first.kind
    if open_in and not first.headline:
        kind = Article.Kind.FRAGMENT
    elif kind == Article.Kind.FRAGMENT:
        # A 续文 record is only a part that opens with a jump-in line (DESIGN.md, export record).
        kind = Article.Kind.NEWS
    review = [c for c in links if c.needs_review and c.status != Continuation.Status.CONFIRMED]
    reasons = ["uncertain continuation link"] if review else []
    reasons += [f"uncertain segmentation: {f.review}" for f in chain if f.review]
    reasons += doubts
    values = {
        "first_page_number": first.page.number,
        "kicker": first.kicker,
        "headline": first.headline,
        "subheadline": first.subheadline,
        "byline": first.byline,
        "kind": kind if kind in Article.Kind.values else Article.Kind.NEWS,
        "body": "\n\n".join(paragraphs),
        "section_heads": section_heads,
        "captions": captions,
        "pages": pages,
        "continuation_status": status,
        "confidence": round(min(c.confidence for c in links), 6) if links else None,
        "needs_review": bool(reasons),
        "review_reason": _review_reason(reasons),
    }
    changed = False
    for name in DERIVED_FIELDS:
        value = values[name]
        if name in article.locked_fields:
            continue
        if name == "section_heads" and "body" in article.locked_fields:
            continue  # indexes into the fragments' text, not into the body an editor rewrote
        if getattr(article, name) != value:
            setattr(article, name, value)
            changed = True
    return changed


def _review_reason(reasons: list[str]) -> str:
    reason = "; ".join(reasons)
    if len(reason) > REVIEW_REASON_LENGTH:
        reason = reason[: REVIEW_REASON_LENGTH - 1] + "…"
    return reason


def _contributors(chain: list[Fragment]) -> list[tuple[str, str]]:
    """``(role, name)`` pairs in printed order (fragment by fragment, each fragment's credits
    before its captions' photographers), without repeats."""
    seen, result = set(), []
    for fragment in chain:
        pairs = [(credit.get("role"), credit.get("name")) for credit in fragment.contributors]
        pairs += [
            (Credit.Role.PHOTOGRAPHER.value, name)
            for caption in fragment.captions
            for name in caption.get("photographers", [])
        ]
        for role, name in pairs:
            if name and role in Credit.Role.values and (role, name) not in seen:
                seen.add((role, name))
                result.append((role, name))
    return result


def _contributor_ids(names: set[str]) -> dict[str, int]:
    """Contributor ids by name, creating the missing ones in one statement."""
    Contributor.objects.bulk_create([Contributor(name=name) for name in sorted(names)], ignore_conflicts=True)
    return dict(Contributor.objects.filter(name__in=names).values_list("name", "pk"))


def _credits_wanted(article: Article, chain: list[Fragment], names: dict[str, int], created: bool):
    """The credits to write for the article, or None when they already match its fragments
    (or an editor locked them). Stale credits are deleted here."""
    if "contributors" in article.locked_fields:
        return None
    wanted = _contributors(chain)
    if not created:
        current = [
            (credit.role, credit.contributor.name)
            for credit in sorted(article.credits.all(), key=lambda c: (c.order, c.pk))
        ]
        if current == wanted:
            return None
        article.credits.all().delete()
    elif not wanted:
        return None
    # ``order`` is the credit's place among all the article's credits, as printed.
    return [
        Credit(article=article, contributor_id=names[name], role=role, order=order)
        for order, (role, name) in enumerate(wanted)
    ]


def _move_fragments(fragments: list[Fragment]) -> None:
    """Write the fragments' new article and position in one statement (bulk_update's CASE
    expressions cost some 40 ms an issue)."""
    if not fragments:
        return
    rows = ", ".join(["(%s, %s, %s)"] * len(fragments))
    params = [value for f in fragments for value in (f.pk, f.article_id, f.position)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Fragment._meta.db_table} AS f SET article_id = v.article_id, position = v.position "
            f"FROM (VALUES {rows}) AS v(id, article_id, position) WHERE f.id = v.id",
            params,
        )


def _moved(chain: list[Fragment], article: Article) -> list[Fragment]:
    """Fragments of the chain whose article or position must change."""
    moved = []
    for position, fragment in enumerate(chain):
        if fragment.article_id != article.pk or fragment.position != position:
            fragment.article, fragment.position = article, position
            moved.append(fragment)
    return moved
