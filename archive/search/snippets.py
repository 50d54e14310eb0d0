"""Snippets of the original text around the first matches, matches wrapped in <mark> (pure)."""
import html
import re

from archive.search.segment import normalise

SNIPPET_CHARS = 120
LEAD_CHARS = 30


def make_snippet(text: str, needles: list[str], width: int = SNIPPET_CHARS) -> str:
    """HTML: an escaped window of ``text`` around the first needle found, every needle in
    the window wrapped in <mark>; needles match whatever the script (韋韜 marks 韦韬)."""
    text = re.sub(r"\s+", " ", text).strip()
    norm = normalise(text)
    needles = sorted({normalise(n) for n in needles if n.strip()}, key=len, reverse=True)
    spans = _spans(norm, needles)
    start = 0
    if spans:
        start = max(0, spans[0][0] - LEAD_CHARS)
    end = min(len(text), start + width)
    parts = ["…" if start else ""]
    cursor = start
    for left, right in spans:
        if left < cursor or left >= end:
            continue
        right = min(right, end)
        parts.append(html.escape(text[cursor:left]))
        parts.append(f"<mark>{html.escape(text[left:right])}</mark>")
        cursor = right
    parts.append(html.escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts)


def _spans(norm: str, needles: list[str]) -> list[tuple[int, int]]:
    # Longest needles first, so 汾酒集团 is marked whole rather than as 汾酒 + 集团.
    taken = [False] * len(norm)
    spans = []
    for needle in needles:
        for match in re.finditer(re.escape(needle), norm):
            left, right = match.span()
            if not any(taken[left:right]):
                spans.append((left, right))
                taken[left:right] = [True] * (right - left)
    return sorted(spans)
