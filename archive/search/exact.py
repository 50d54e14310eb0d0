"""Exact strings: the folded lines a quoted string must lie within, and their character
bigram terms (pure: no Django).

A quoted string matches an article when, folded, it is a substring of one folded line of one
of the article's fields. Folding is character by character — traditional → simplified (OpenCC's
single-character table), full-width → half-width (NFKC), lower case — and drops whitespace, so
it is the same for a string wherever it is cut from: a string folds to a substring of what the
text around it folds to. Punctuation stays (a string without the comma never matches across
it) and a line break ends a line (a string never runs from one paragraph or field into the next).

The index holds, per article, every bigram of every folded line and each line's last character
alone (``BIGRAM_PREFIX`` + the characters, no positions), and the folded lines themselves. One
character is the prefix of its terms (a wildcard), two characters one term, three or more the
AND of their bigrams, which may hold the bigrams apart: ``contains`` settles those on the
stored lines.
"""
from archive.search.segment import normalise_char

BIGRAM_PREFIX = "XB"


class _FoldTable(dict):
    """str.translate table, filled on first sight: each character as segment.normalise_char
    folds it (simplified, NFKC, lower case, where that is one character); whitespace to nothing."""

    def __missing__(self, code: int) -> str | None:
        folded = normalise_char(chr(code))
        result = None if folded.isspace() else folded
        self[code] = result
        return result


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """``text`` folded for exact matching, whitespace (line breaks too) removed."""
    return text.translate(_FOLD)


def folded_lines(*fields: str) -> list[str]:
    """The folded, non-empty lines of these fields, in order."""
    return [line for field in fields for line in map(fold, (field or "").splitlines()) if line]


def line_terms(line: str) -> list[str]:
    """The index terms of one folded line: each bigram (once per occurrence) and the last
    character alone, so that every character starts at least one term."""
    terms = [BIGRAM_PREFIX + line[i : i + 2] for i in range(len(line) - 1)]
    if line:
        terms.append(BIGRAM_PREFIX + line[-1])
    return terms


def string_terms(folded: str) -> list[str]:
    """The terms every article containing ``folded`` (two characters or more) has."""
    return list(dict.fromkeys(BIGRAM_PREFIX + folded[i : i + 2] for i in range(len(folded) - 1)))


def needs_check(folded: str) -> bool:
    """True when the terms of ``folded`` can match an article without the string: three
    characters or more, whose bigrams may stand apart."""
    return len(folded) > 2


def contains(lines: str, folded: str) -> bool:
    """True when ``folded`` lies within one of the newline-separated folded ``lines``."""
    return bool(folded) and folded in lines
