"""A fingerprint of what the page parser reads, to check that a speed-up changes nothing.

    .venv/bin/python bench/parser_fingerprint.py [--issues 20] [--save FILE | --check FILE]

Hashes (sha256 of a canonical repr) the segmenter's feature strings of every line
(``page.features``), the whole ``parse_page`` result (blocks, fragments, flags, line labels
with their probabilities) and ``words.join_gain`` across every line break, over the pages of
``--issues`` generated issues of 2019-02 and of 2019-10, the seeds, and the same pages
mangled (lines cut at random points, spaces, full-width marks and stray characters put in) so
that odd strings are tried too. Prints one digest per set and the total; ``--save`` writes the
per-page digests, ``--check`` compares with a saved file and names the first pages that differ
(exit status 1). The features must not change while the committed model is in use: the model
was trained on them.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.text import parse_page  # noqa: E402
from archive.text.lines import split_lines  # noqa: E402
from archive.text.normalise import match_view  # noqa: E402
from archive.text.page.features import features, page_lines  # noqa: E402
from archive.text.words import join_gain  # noqa: E402
from bench.issuegen import generate_issues  # noqa: E402

# Put into mangled pages: the marks and words the grammars look for, and characters of other scripts.
_STRAY = ["，", "。", "、", "（", "）", "(", ")", "——", "“", "”", " ", "　", "  ", "#", "**", "1", "２", "a",
          "Z", "本报讯", "记者", "摄", "下转第2版", "（上接第1版）", "：", "·", "\t", "é", "ㄅ", "😀", "\u3400"]


def mangle(text: str, rng: random.Random) -> str:
    """``text`` with some lines cut at random points and stray characters put in."""
    out = []
    for line in text.split("\n"):
        roll = rng.random()
        if roll < 0.15 and len(line) > 2:
            cut = rng.randrange(1, len(line))
            out += [line[:cut], line[cut:]]
        elif roll < 0.3:
            at = rng.randrange(len(line) + 1)
            out.append(line[:at] + rng.choice(_STRAY) + line[at:])
        elif roll < 0.35:
            out.append(line[:rng.randrange(len(line) + 1)])
        else:
            out.append(line)
    return "\n".join(out)


def page_digest(raw: str) -> str:
    """The sha256 of the features, the parse and the join gains of one page."""
    view = match_view(raw)
    lines = page_lines(view, split_lines(view))
    texts = [line.text for line in lines]
    record = (
        features(lines),
        dataclasses.asdict(parse_page(raw)),
        [join_gain(a, b) for a, b in zip(texts, texts[1:])],
    )
    return hashlib.sha256(repr(record).encode("utf-8")).hexdigest()


def page_sets(issues: int) -> dict[str, list[tuple[str, str]]]:
    """(name, raw text) of every page, by set."""
    sets = {}
    for month in ("2019-02", "2019-10"):
        sets[month] = [(f"{month}/{issue.date}/{number}", text)
                       for issue in generate_issues(issues, seed=1, month=month)
                       for number, text in issue.pages.items()]
    sets["seeds"] = [(path.name, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(9)
    sets["mangled"] = [(f"mangled/{name}", mangle(text, rng)) for name, text in sets["2019-02"] + sets["seeds"]]
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=20, help="generated issues of each month")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path, help="write the per-page digests here")
    group.add_argument("--check", type=Path, help="compare with the per-page digests saved here")
    args = parser.parse_args()
    start = time.perf_counter()
    digests: dict[str, str] = {}
    total = hashlib.sha256()
    for set_name, pages in page_sets(args.issues).items():
        digest = hashlib.sha256()
        for name, raw in pages:
            digests[name] = page_digest(raw)
            digest.update(digests[name].encode())
        total.update(digest.digest())
        print(f"{set_name:<10} {len(pages):>5} pages  {digest.hexdigest()}")
    print(f"{'all':<10} {len(digests):>5} pages  {total.hexdigest()}  ({time.perf_counter() - start:.0f} s)")
    if args.save:
        args.save.write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
    if args.check:
        saved = json.loads(args.check.read_text(encoding="utf-8"))
        differ = [name for name in saved.keys() | digests.keys() if saved.get(name) != digests.get(name)]
        if differ:
            print(f"DIFFERENT from {args.check}: {len(differ)} pages, e.g. {sorted(differ)[:5]}")
            sys.exit(1)
        print(f"identical to {args.check}")


if __name__ == "__main__":
    main()
