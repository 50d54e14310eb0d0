"""Index updates the Celery tasks call: by article id, safe to re-run."""
import shutil
from pathlib import Path

import xapian
from haystack import connections

from archive.models import Article

BATCH = 500


def _index_and_backend(using="default"):
    index = connections[using].get_unified_index().get_index(Article)
    return index, connections[using].get_backend()


def index_articles(ids: list[int]) -> int:
    """Index or re-index these articles; ids whose Article is gone are removed. Returns
    how many were indexed."""
    index, backend = _index_and_backend()
    ids = list(dict.fromkeys(int(pk) for pk in ids))
    found = set()
    for start in range(0, len(ids), BATCH):
        batch = list(index.index_queryset().filter(pk__in=ids[start : start + BATCH]))
        backend.update(index, batch)
        found.update(article.pk for article in batch)
    gone = [pk for pk in ids if pk not in found]
    if gone:
        backend.remove_ids(gone)
    return len(found)


def remove_articles(ids: list[int]) -> int:
    """Remove these articles from the index (ids not in it are ignored); returns len(ids)."""
    _, backend = _index_and_backend()
    ids = [int(pk) for pk in ids]
    backend.remove_ids(ids)
    return len(ids)


def compact_index(using="default") -> None:
    """Rewrite the index compactly (smaller after many updates); holds the write lock."""
    backend = connections[using].get_backend()
    path = Path(backend.path)
    tmp = path.with_name(path.name + ".compact")
    with backend.filelock:
        database = xapian.Database(str(path))
        database.compact(str(tmp), xapian.DBCOMPACT_NO_RENUMBER)
        database.close()
        for entry in path.iterdir():
            if entry.name != "lockfile":
                entry.unlink()
        for entry in tmp.iterdir():
            shutil.move(str(entry), str(path / entry.name))
        tmp.rmdir()
