"""Personal names as printed in bylines, sign-offs and photo credits: normalise and split."""
from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u3000\ufeff]+")
_LIST_SEPARATORS = re.compile(r"[、，,;；/]+")
_HAN = re.compile(r"^[\u3400-\u9fff·]+$")
# Chinese personal names run two to four characters (five for some minority and compound
# names); anything longer in a name slot is prose.
MIN_NAME, MAX_NAME = 2, 5


def normalise_name(name: str) -> str:
    """``"梁 琛"`` → ``"梁琛"``: typesetters pad two-character names to the width of three."""
    return _SPACE.sub("", name).strip("()（）")


def is_name(name: str) -> bool:
    """True when ``name`` (normalised) has the shape of a Chinese personal name."""
    return MIN_NAME <= len(name) <= MAX_NAME and bool(_HAN.match(name))


def split_names(text: str) -> list[str]:
    """Names in a list such as ``"殷雪鸢 梁涛 胡引平"``, ``"丁 洁、王春宇"`` or ``"梁 琛"``.

    Items are separated by 、 or commas; inside an item, spaces separate names unless a
    one-character token shows they pad a single name (``"梁 琛"``). Returns [] when any item
    is not a name, so callers can use it as a grammar test.
    """
    names: list[str] = []
    for item in _LIST_SEPARATORS.split(text.strip()):
        tokens = _SPACE.split(item.strip())
        tokens = [token for token in tokens if token]
        if not tokens:
            continue
        if any(len(token) == 1 for token in tokens):
            # A padded name: "梁 琛", "丁 洁". Pair single characters with what follows.
            merged: list[str] = []
            pending = ""
            for token in tokens:
                pending += token
                if len(pending) >= MIN_NAME:
                    merged.append(pending)
                    pending = ""
            if pending:
                return []
            tokens = merged
        for token in tokens:
            name = normalise_name(token)
            if not is_name(name):
                return []
            if name not in names:
                names.append(name)
    return names


def merge_names(existing: list[str], new: list[str]) -> None:
    """Append the names in ``new`` that ``existing`` lacks, keeping order."""
    existing.extend(name for name in new if name not in existing)
