"""parse_page stays fast enough to ingest 64 pages a second on a shared machine."""
import time

from archive.text import parse_page


def test_parse_page_is_fast_on_the_largest_seed(seeds_dir):
    """A 20 KB page parses in well under 10 ms on average (measured: about 2 ms)."""
    raw = max((p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")), key=len)
    runs = 10
    batches = []
    for _ in range(3):   # best of three batches: the machine is shared
        started = time.perf_counter()
        for _ in range(runs):
            parse_page(raw)
        batches.append((time.perf_counter() - started) / runs)
    assert min(batches) < 0.010
