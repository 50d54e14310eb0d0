"""Normalisation and jieba segmentation shared by indexing and querying (pure: no Django)."""
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jieba
import opencc
import rjieba

_t2s = opencc.OpenCC("t2s")
_lock = threading.Lock()
_loaded_words: set[str] = set()

# jieba's Rust port, 20x faster, taught the same words. A private instance: archive.assembly
# uses rjieba's default one and wants no project words in it.
_rust = rjieba.Jieba()
# Python jieba's add_word adds the new frequency to its total without taking off the word's
# old one (jieba-rs does): this word, never inside a jieba block, keeps the two totals equal.
_TOTAL_PAD_WORD = "\x00\x00"
_total_pad = 0


def normalise(text: str) -> str:
    """Simplified, half-width, lower-case text of the same length as ``text``.

    The length is kept so that offsets found in the normalised text point into the
    original one (snippets are cut from the original, never from the normalised text).
    """
    converted = _t2s.convert(text)
    if len(converted) != len(text):
        # OpenCC's phrase table can change the length; fall back to character by character.
        converted = "".join(map(_simplified, text))
    return converted.translate(_FOLD)


def normalise_char(ch: str) -> str:
    """One character as ``normalise`` folds it on its own (no phrase table): exact strings
    (archive.search.exact) fold this way, whatever surrounds them."""
    return _FOLD[ord(_simplified(ch))]


def _simplified(ch: str) -> str:
    converted = _t2s.convert(ch)
    return converted if len(converted) == 1 else ch


class _FoldTable(dict):
    """str.translate table: each character's NFKC lower-case form, where that is one character
    (filled on first sight)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch).lower()
        self[code] = folded = folded if len(folded) == 1 else ch
        return folded


_FOLD = _FoldTable()


@lru_cache(maxsize=65536)
def is_word(token: str) -> bool:
    """True for tokens worth indexing: any letter, digit or CJK ideograph (not punctuation)."""
    return any(ch.isalnum() for ch in token)


def add_words(words) -> int:
    """Teach jieba project words (names, places, terms); returns how many were new."""
    global _total_pad
    new = 0
    with _lock:
        for word in words:
            word = normalise(word.strip())
            if len(word) < 2 or word in _loaded_words or not is_word(word):
                continue
            # A high frequency makes jieba keep the word whole even where the general
            # dictionary prefers a split (殷雪鸢 → 殷雪/鸢 otherwise).
            old = jieba.get_FREQ(word) or 0
            freq = max(old, 20000)
            jieba.add_word(word, freq=freq)
            _rust.add_word(word, freq, None)
            _total_pad += old
            _loaded_words.add(word)
            new += 1
        if _total_pad:
            _rust.add_word(_TOTAL_PAD_WORD, _total_pad, None)
        if new:
            _run_words.cache_clear()  # a new word can make a run a dictionary word
    return new


def load_userdict_lines(lines) -> int:
    """Add words from userdict lines (``word [freq] [tag]``, ``#`` comments)."""
    words = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.split()[0])
    return add_words(words)


# Stands where punctuation or a line break separated two words (it is not indexed): jieba
# never joins words across one, so text can be segmented line by line.
BREAK = "|"


@dataclass(frozen=True)
class Segmented:
    """Words in reading order with BREAK markers."""

    words: list[str]


def segment(text: str) -> Segmented:
    """Normalise and segment into jieba's precise words. jieba never joins words across a
    line break, so segmenting line by line and joining with BREAK gives the same tokens."""
    words: list[str] = []
    for token in jieba_cut(normalise(text)):
        if is_word(token):
            words.append(token)
        elif words and words[-1] != BREAK and (token.strip() or "\n" in token):
            words.append(BREAK)
    if words and words[-1] == BREAK:
        words.pop()
    return Segmented(words=words)


# jieba (jieba.cut, HMM on) is pure Python and the indexing bottleneck; its Rust port
# jieba-rs finds the same dictionary route 20x faster, but differs in three places:
# jieba blocks (jieba.re_han_default) holding one of +#&._%- (jieba cuts wi-fi, 2019.10.18
# and 0898-66255950 in pieces, jieba-rs keeps them whole) and ideographs outside
# U+4E00..U+9FD5 (jieba-rs joins them into blocks, jieba yields them one by one) go to jieba;
# and the HMM over runs of single characters (jieba-rs breaks Viterbi ties its own way: 常在久
# → 常在/久, jieba 常/在/久), so jieba-rs gives the route only (hmm off) and the runs go
# through jieba's own HMM here, exactly as jieba.Tokenizer.__cut_DAG does.
# tests/search/test_segment_identity.py checks the result equals jieba.lcut.
_BLOCK = "\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-"
_JIEBA_ONLY = re.compile(
    f"(?<![{_BLOCK}])[{_BLOCK}]*[+#&._%\\-][{_BLOCK}]*"
    "|[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U000323af]+"
)
_BLOCK_CHAR = re.compile("[\u4e00-\u9fd5a-zA-Z0-9]")


def jieba_cut(text: str) -> list[str]:
    """jieba.lcut(text), with jieba-rs for the stretches where the two agree."""
    jieba.dt.check_initialized()  # _cut_block reads jieba's dictionary
    tokens: list[str] = []
    start = 0
    for match in _JIEBA_ONLY.finditer(text):
        # A match is one or more whole jieba blocks, so cutting around it changes nothing.
        _cut_route(text[start : match.start()], tokens)
        tokens += jieba.lcut(match.group())
        start = match.end()
    _cut_route(text[start:], tokens)
    return tokens


def _cut_route(text: str, tokens: list[str]) -> None:
    block: list[str] = []
    for token in _rust.cut(text, False):
        if _BLOCK_CHAR.match(token):
            block.append(token)
        else:
            if block:
                _cut_block(block, tokens)
                block = []
            tokens.append(token)
    if block:
        _cut_block(block, tokens)


def _cut_block(route: list[str], tokens: list[str]) -> None:
    # jieba's __cut_DAG over one block's route: runs of one-character words go through the
    # HMM. Without the HMM both join runs of one-character ASCII words (a, b, c → abc), so
    # an ASCII token that is also a dictionary word may be either: jieba decides those.
    freq = jieba.dt.FREQ
    out: list[str] = []
    run = ""
    for word in route:
        if len(word) == 1 or (word.isascii() and not freq.get(word)):
            run += word
            continue
        if word.isascii():
            tokens += jieba.lcut("".join(route))
            return
        if run:
            out += _run_words(run)
            run = ""
        out.append(word)
    if run:
        out += _run_words(run)
    tokens += out


@lru_cache(maxsize=65536)
def _run_words(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    if jieba.dt.FREQ.get(run):
        return tuple(run)
    return tuple(jieba.finalseg.cut(run))


def query_words(text: str) -> list[str]:
    """The words of a query fragment, segmented exactly as the indexed text is."""
    return [word for word in segment(text).words if word != BREAK]
