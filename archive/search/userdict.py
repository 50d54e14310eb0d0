"""The project user dictionary: the word file plus contributor names, loaded once per process."""
import re
import threading
from pathlib import Path

from archive.search import segment

USERDICT_PATH = Path(__file__).with_name("userdict.txt")
_lock = threading.Lock()
_loaded = False

# The names in a byline: 本报讯(记者 殷雪莹、梁涛) / （记者杜一菲） / 梁琛摄
_BYLINE_NAMES = re.compile(r"(?:记者|通讯员|摄影)[:：\s]*([^()（）\d]{2,40})")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def ensure_loaded() -> None:
    """Teach jieba the word file and every contributor's name (first call in a process)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        from archive.models import Contributor

        segment.load_userdict_lines(USERDICT_PATH.read_text(encoding="utf-8").splitlines())
        segment.add_words(Contributor.objects.values_list("name", flat=True).iterator())
        _loaded = True


def names_in_byline(byline: str) -> list[str]:
    """Person names listed in a byline, in order."""
    names = []
    for group in _BYLINE_NAMES.findall(byline or ""):
        for part in re.split(r"[、,，;；\s]+", group):
            if _NAME.match(part) and part not in names:
                names.append(part)
    return names


def grow_userdict(path: Path = USERDICT_PATH) -> list[str]:
    """Append contributor names and byline names not yet in the word file; returns them."""
    from archive.models import Article, Contributor

    lines = path.read_text(encoding="utf-8").splitlines()
    known = {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}
    found = list(Contributor.objects.values_list("name", flat=True))
    for byline in Article.objects.exclude(byline="").values_list("byline", flat=True).iterator():
        found.extend(names_in_byline(byline))
    new = [name for name in dict.fromkeys(found) if _NAME.match(name) and name not in known]
    if new:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("".join(f"{name}\n" for name in new))
    segment.add_words(new)
    return new
