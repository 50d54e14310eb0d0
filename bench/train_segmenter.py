"""Train the page segmenter on generated pages of the training month, and report its line accuracy.

    .venv/bin/python bench/train_segmenter.py [--issues 250] [--seed 1] [--month 2019-02]

Writes ``archive/text/page/segmenter.crfsuite`` (the committed model: this command reproduces
it byte for byte from the same corpus, issues and seed), then labels pages of other issues of
the training month and of the evaluation month (2019-10, never trained or tuned on) and prints
per-label precision and recall of the line labels.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.text.normalise import match_view  # noqa: E402
from archive.text.page.features import features, page_lines  # noqa: E402
from archive.text.page.segmenter import MODEL, Segmenter, train  # noqa: E402
from bench.issuegen import labelled_pages  # noqa: E402

EVAL_MONTH = "2019-10"


def examples(issues: int, seed: int, month: str):
    """(features, labels) of every generated page."""
    for text, truths in labelled_pages(issues, seed, month):
        lines = page_lines(match_view(text))
        spans = [(line.start, line.end) for line in lines]
        if spans != [(truth.start, truth.end) for truth in truths]:
            raise SystemExit(f"line spans disagree with the generator's on a page of {month}")
        yield features(lines), [truth.label for truth in truths]


def report(model: Path, issues: int, seed: int, month: str) -> None:
    tagger = Segmenter(model)
    confusion: Counter = Counter()
    lines = 0
    started = time.perf_counter()
    for feats, labels in examples(issues, seed, month):
        predicted = [label for label, _ in tagger.label(feats)]
        confusion.update(zip(labels, predicted))
        lines += len(labels)
    seconds = time.perf_counter() - started
    right = sum(count for (truth, guess), count in confusion.items() if truth == guess)
    print(f"\n{month}, {issues} issues (seed {seed}): {lines} lines, {right / lines:.2%} labelled right "
          f"({seconds:.1f} s incl. generation and features)")
    print(f"{'label':14} {'lines':>7} {'recall':>8} {'precision':>9}  most often taken for")
    for label in sorted({truth for truth, _ in confusion}):
        total = sum(count for (truth, _), count in confusion.items() if truth == label)
        guessed = sum(count for (_, guess), count in confusion.items() if guess == label)
        hit = confusion[(label, label)]
        wrong = Counter({guess: count for (truth, guess), count in confusion.items() if truth == label and guess != label})
        worst = ", ".join(f"{guess} {count}" for guess, count in wrong.most_common(3))
        print(f"{label:14} {total:7d} {hit / total:8.2%} {hit / guessed if guessed else 0:9.2%}  {worst}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--month", default="2019-02")
    parser.add_argument("--check", type=int, default=40, help="issues to label after training, per month")
    parser.add_argument("--no-train", action="store_true", help="only report on the committed model")
    args = parser.parse_args()
    if not args.no_train:
        started = time.perf_counter()
        train(examples(args.issues, args.seed, args.month), MODEL)
        print(f"trained on {args.issues} issues of {args.month} in {time.perf_counter() - started:.0f} s: "
              f"{MODEL} ({MODEL.stat().st_size / 1024:.0f} KiB)")
    report(MODEL, args.check, args.seed + 1000, args.month)
    report(MODEL, args.check, args.seed + 2000, EVAL_MONTH)


if __name__ == "__main__":
    main()
