"""Normalisation and jieba segmentation shared by indexing and querying (pure: no Django)."""
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jieba
import opencc

_t2s = opencc.OpenCC("t2s")
_lock = threading.Lock()
_loaded_words: set[str] = set()


def normalise(text: str) -> str:
    """Simplified, half-width, lower-case text of the same length as ``text``.

    The length is kept so that offsets found in the normalised text point into the
    original one (snippets are cut from the original, never from the normalised text).
    """
    converted = _t2s.convert(text)
    if len(converted) != len(text):
        # OpenCC's phrase table can change the length; fall back to character by character.
        converted = "".join(_t2s.convert(ch) if len(_t2s.convert(ch)) == 1 else ch for ch in text)
    return "".join(_fold(ch) for ch in converted)


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch


def is_word(token: str) -> bool:
    """True for tokens worth indexing: any letter, digit or CJK ideograph (not punctuation)."""
    return any(ch.isalnum() for ch in token)


def add_words(words) -> int:
    """Teach jieba project words (names, places, terms); returns how many were new."""
    new = 0
    with _lock:
        for word in words:
            word = normalise(word.strip())
            if len(word) < 2 or word in _loaded_words or not is_word(word):
                continue
            # A high frequency makes jieba keep the word whole even where the general
            # dictionary prefers a split (殷雪鸢 → 殷雪/鸢 otherwise).
            jieba.add_word(word, freq=max(jieba.get_FREQ(word) or 0, 20000))
            _loaded_words.add(word)
            new += 1
    return new


def load_userdict_lines(lines) -> int:
    """Add words from userdict lines (``word [freq] [tag]``, ``#`` comments)."""
    words = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.split()[0])
    return add_words(words)


# Stands where punctuation or a line break separated two words: it takes a position but is
# not indexed, so a phrase never matches across it (需要，法治 is not the phrase 需要法治).
BREAK = "|"


@dataclass(frozen=True)
class Segmented:
    """Words in reading order with BREAK markers (for positions and phrases), and extra
    search sub-words."""

    words: list[str]
    subwords: list[str]


def segment(text: str) -> Segmented:
    """Normalise and segment: jieba's precise words, plus the shorter dictionary words
    inside long words (汾酒集团 → 汾酒, 集团). jieba never joins words across a line break,
    so segmenting line by line and joining with BREAK gives the same tokens."""
    words: list[str] = []
    for token in jieba.cut(normalise(text)):
        if is_word(token):
            words.append(token)
        elif words and words[-1] != BREAK and (token.strip() or "\n" in token):
            words.append(BREAK)
    if words and words[-1] == BREAK:
        words.pop()
    subwords = [inner for word in words if len(word) > 2 for inner in _inner_words(word)]
    return Segmented(words=words, subwords=subwords)


def _inner_words(word: str):
    # jieba.cut_for_search's rule (dictionary 2- and 3-grams inside a longer word), and
    # 4-grams too, so 脱贫攻坚 is found inside 脱贫攻坚战.
    freq = jieba.dt.FREQ
    for n in (2, 3, 4):
        if len(word) > n:
            for i in range(len(word) - n + 1):
                gram = word[i : i + n]
                if freq.get(gram):
                    yield gram


def query_words(text: str) -> list[str]:
    """The words of a query fragment, segmented exactly as the indexed text is."""
    return [word for word in segment(text).words if word != BREAK]
