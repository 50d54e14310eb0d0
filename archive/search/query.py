"""Parse what a reader types into words, phrases, OR groups and exclusions; never raises (pure)."""
import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_TERMS = 24

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
# Characters with a meaning in other engines' syntaxes; here they only separate words.
_SYNTAX = re.compile(r'[*?()\[\]{}:^~\\/|&!+<>=]')


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """Every clause must match; a clause matches if any of its terms does."""

    clauses: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    notices: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.excluded

    def positive_terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]


def parse_query(raw: str) -> ParsedQuery:
    """``韦韬 "高质量发展" -疫情 汾酒 OR 杏花村``: AND by default, quotes for phrases,
    ``-``/``NOT`` to exclude, ``OR`` between alternatives."""
    notices = []
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in raw or "")
    text = text.replace("＂", '"')
    if '"' not in text:
        # Chinese quotation marks quote only when there are no ASCII ones: "“一带一路”倡议"
        # is the string with its marks.
        text = text.replace("“", '"').replace("”", '"')
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(f"查询过长，只用了前 {MAX_QUERY_CHARS} 个字符。")
    if text.count('"') % 2:
        # An unbalanced quote: read the query as plain words.
        text = text.replace('"', " ")
        notices.append("引号不成对，已按普通词语查询。")

    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = negate_next = False
    for match in _TOKEN.finditer(text):
        minus, quoted, bare = match.groups()
        if bare is not None:
            if bare in ("OR", "||", "或"):
                join_next = bool(clauses)
                continue
            if bare in ("AND", "&&"):
                continue
            if bare == "NOT":
                negate_next = True
                continue
            minus = "-" if bare.startswith("-") else ""
            words = _SYNTAX.sub(" ", bare.lstrip("-")).split()
            terms = [Term(word) for word in words]
        else:
            # A quoted string is taken literally (punctuation too), spaces aside.
            phrase = quoted.strip()
            terms = [Term(phrase, phrase=True)] if phrase else []
        if not terms:
            continue
        if minus or negate_next:
            excluded.extend(terms)
        elif join_next:
            clauses[-1].extend(terms[:1])
            clauses.extend([term] for term in terms[1:])
        else:
            clauses.extend([term] for term in terms)
        join_next = negate_next = False

    if sum(map(len, clauses)) + len(excluded) > MAX_TERMS:
        notices.append(f"词语过多，只用了前 {MAX_TERMS} 个。")
        clauses = clauses[:MAX_TERMS]
        excluded = excluded[: max(0, MAX_TERMS - len(clauses))]
    return ParsedQuery(
        clauses=tuple(tuple(clause) for clause in clauses),
        excluded=tuple(excluded),
        notices=tuple(notices),
    )
