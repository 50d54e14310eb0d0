"""How long parse_page takes on hostile pages of a given size (default 5 MB, INGEST_MAX_BYTES).

    .venv/bin/python bench/hostile.py [--mb 5] [--limit 900] [--cases short-lines one-char ...]

Cases: short lines of news text; one character repeated on one line; 。 repeated on one line;
two-byte lines ("a\\n"), the most lines a file of that size can hold; and both kinds of line at
the line limit of ingest (archive.text.decoding.MAX_LINES), whatever ``--mb``. Each case runs
in its own process (so memory is its own) and is stopped after ``--limit`` seconds. Prints a
table: bytes, lines, whether ingest refuses the file before parsing, parse seconds, MB/s,
microseconds per line, peak memory.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = {
    "short-lines": ("本报讯 会议召开。\n", "short lines of news text"),
    "one-char": ("a", "one character, one line"),
    "full-stops": ("。", "。 repeated, one line"),
    "two-byte-lines": ("a\n", "a\\n repeated: the most lines"),
    "limit-short": ("本报讯 会议召开。\n", "short lines, at the line limit"),
    "limit-two-byte": ("a\n", "a\\n, at the line limit"),
}


def page(case: str, size: int) -> str:
    from archive.text.decoding import MAX_LINES

    unit = CASES[case][0]
    if case.startswith("limit-"):
        return unit * MAX_LINES
    return unit * (size // len(unit.encode("utf-8")))


def child(case: str, size: int) -> None:
    from tests.fuzz.properties import warm_up

    from archive.text import parse_page
    from archive.text.decoding import DecodeError, decode_page

    warm_up()
    raw = page(case, size)
    try:
        decode_page(raw.encode("utf-8"))
        refused = False
    except DecodeError:
        refused = True
    started = time.perf_counter()
    parsed = parse_page(raw)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "bytes": len(raw.encode("utf-8")), "lines": raw.count("\n") + 1, "refused": refused, "seconds": seconds,
        "blocks": len(parsed.blocks), "lossless": "".join(raw[b.start:b.end] for b in parsed.blocks) == raw,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--limit", type=int, default=900, help="seconds a case may take")
    parser.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES))
    args = parser.parse_args()
    size = int(args.mb * 1024 * 1024)
    print(f"{'case':<16}{'what':<32}{'bytes':>10}{'lines':>10}{'ingest':>9}{'seconds':>9}{'MB/s':>7}{'µs/line':>9}"
          f"{'blocks':>9}{'lossless':>9}{'peak MB':>9}")
    for case in args.cases:
        try:
            done = subprocess.run([sys.executable, __file__, "--child", case, str(size)], capture_output=True,
                                  text=True, timeout=args.limit, check=True)
        except subprocess.TimeoutExpired:
            print(f"{case:<16}{CASES[case][1]:<32}{size:>10}{page(case, size).count(chr(10)) + 1:>10}{'':>9}"
                  f"{'>' + str(args.limit):>9}   (stopped)")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{case:<16}{CASES[case][1]:<32}{r['bytes']:>10}{r['lines']:>10}"
              f"{'refused' if r['refused'] else 'parsed':>9}{r['seconds']:>9.1f}"
              f"{r['bytes'] / 1048576 / r['seconds']:>7.2f}{r['seconds'] * 1e6 / r['lines']:>9.0f}"
              f"{r['blocks']:>9}{str(r['lossless']):>9}{r['peak_mb']:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
