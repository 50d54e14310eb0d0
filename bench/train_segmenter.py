"""Train the page segmenter on generated pages of the training month, and report its line accuracy.

    .venv/bin/python bench/train_segmenter.py [--issues 250] [--seed 1] [--month 2019-02]

``--split --model /tmp/m.crfsuite`` trains on days 1–20 of the month and reports on days 21–28
only: that is how features and settings are chosen, never on the evaluation month.

Writes ``archive/text/page/fluency.ngrams.gz`` (the prose model the features read, counted on
the month's printed paragraphs and display lines) and ``archive/text/page/segmenter.crfsuite``
(the committed models: this command reproduces both byte for byte from the same corpus, issues
and seed; with ``--model`` the prose model goes beside it as ``<model>.ngrams.gz``), then labels
pages of other issues of the training month and of the evaluation month (2019-10, never trained or tuned on) and prints
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
from archive.text.page import fluency  # noqa: E402
from archive.text.page.features import features, page_lines  # noqa: E402
from archive.text.page.segmenter import JOIN_MIN, MODEL, TRAINING, Segmenter, train  # noqa: E402
from archive.text.page.reader import REVIEW_BELOW, Reader  # noqa: E402
from archive.text.types import LINE_CONTINUED  # noqa: E402
from bench.issuegen import generate_issues, labelled_pages, load_month  # noqa: E402
from bench.reassembly import _best_parsed  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
JOIN_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)

EVAL_MONTH = "2019-10"


def ngrams_path(model: Path) -> Path:
    """Where the prose model of a segmenter model file is kept."""
    return fluency.MODEL if model == MODEL else model.with_suffix(".ngrams.gz")


def load_pair(model: Path) -> tuple[Segmenter, fluency.NgramModel]:
    """A segmenter model and the prose model its features were trained with."""
    return Segmenter(model), fluency.load(ngrams_path(model))


def count_prose(month: str, part: str | None = None) -> Counter:
    """The prose model's counts: every display line and paragraph of the month's articles, as
    printed (match view, as the features read lines)."""
    return fluency.count(match_view(text) for sources in load_month(month, part=part).values() for src in sources
                         for text in (src.kicker, src.headline, src.subheadline, *src.paragraphs) if text)


def examples(issues: int, seed: int, month: str, part: str | None = None, ngrams: fluency.NgramModel | None = None):
    """(features, labels) of every generated page."""
    for text, truths in labelled_pages(issues, seed, month, part):
        lines = page_lines(match_view(text))
        spans = [(line.start, line.end) for line in lines]
        if spans != [(truth.start, truth.end) for truth in truths]:
            raise SystemExit(f"line spans disagree with the generator's on a page of {month}")
        yield features(lines, ngrams), [truth.label for truth in truths]


def report(model: Path, issues: int, seed: int, month: str, part: str | None = None) -> None:
    tagger, ngrams = load_pair(model)
    confusion: Counter = Counter()
    lines = 0
    started = time.perf_counter()
    for feats, labels in examples(issues, seed, month, part, ngrams):
        predicted = [label for label, _ in tagger.label(feats)]
        confusion.update(zip(labels, predicted))
        lines += len(labels)
    seconds = time.perf_counter() - started
    right = sum(count for (truth, guess), count in confusion.items() if truth == guess)
    print(f"\n{month}{f' ({part} days)' if part else ''}, {issues} issues (seed {seed}): {lines} lines, {right / lines:.2%} labelled right "
          f"({seconds:.1f} s incl. generation and features)")
    print(f"{'label':14} {'lines':>7} {'recall':>8} {'precision':>9}  most often taken for")
    for label in sorted({truth for truth, _ in confusion}):
        total = sum(count for (truth, _), count in confusion.items() if truth == label)
        guessed = sum(count for (_, guess), count in confusion.items() if guess == label)
        hit = confusion[(label, label)]
        wrong = Counter({guess: count for (truth, guess), count in confusion.items() if truth == label and guess != label})
        worst = ", ".join(f"{guess} {count}" for guess, count in wrong.most_common(3))
        print(f"{label:14} {total:7d} {hit / total:8.2%} {hit / guessed if guessed else 0:9.2%}  {worst}")


def join_tradeoff(model: Path, issues: int, seed: int, month: str, part: str | None = None) -> None:
    """Wrong and missed column-break joins if a line is taken as a cut piece only when the model
    gives it at least each threshold (``segmenter.JOIN_MIN`` is chosen from this table)."""
    segmenter, ngrams = load_pair(model)
    tagger = segmenter.tagger
    rows = []
    for feats, labels in examples(issues, seed, month, part, ngrams):
        tagger.set(feats)
        guessed = tagger.tag()
        rows += [(truth, guess == LINE_CONTINUED, tagger.marginal(LINE_CONTINUED, i))
                 for i, (truth, guess) in enumerate(zip(labels, guessed))]
    print(f"\ncolumn-break joins by threshold, {month}{f' ({part} days)' if part else ''} (JOIN_MIN = {JOIN_MIN})")
    print(f"{'min':>5} {'wrong joins':>12} {'missed joins':>13} {'sum':>6}")
    for threshold in JOIN_THRESHOLDS:
        wrong = sum(truth != LINE_CONTINUED and cut and p >= threshold for truth, cut, p in rows)
        missed = sum(truth == LINE_CONTINUED and not (cut and p >= threshold) for truth, cut, p in rows)
        print(f"{threshold:5.2f} {wrong:12d} {missed:13d} {wrong + missed:6d}")


def review_calibration(model: Path, issues: int, seed: int, month: str, part: str | None = None) -> None:
    """How well a fragment's confidence (its least sure line) tells a misread part from an exact
    one: at each threshold, the share of misread printed parts that would go to review and the
    share of exact ones that would go there all the same."""
    tagger, ngrams = load_pair(model)
    exact_conf, wrong_conf = [], []
    for issue in generate_issues(issues, seed=seed, month=month, part=part):
        by_page = {}
        for number, text in issue.pages.items():
            lines = page_lines(match_view(text))
            reader = Reader(text, lines, tagger.label(features(lines, ngrams)))
            reader.read()
            by_page[number] = reader.fragments(reader.blocks())
        for printed in issue.fragments:
            got = _best_parsed(printed, by_page[printed.page])
            if got is None:
                continue
            right = list(got.paragraphs) == printed.paragraphs and got.headline == printed.headline
            (exact_conf if right else wrong_conf).append(got.confidence)
    print(f"\nreview by segment confidence, {month}{f' ({part} days)' if part else ''}: "
          f"{len(wrong_conf)} misread parts, {len(exact_conf)} exact (REVIEW_BELOW = {REVIEW_BELOW})")
    print(f"{'below':>6} {'misread flagged':>16} {'exact flagged':>14}")
    for threshold in THRESHOLDS:
        flagged_wrong = sum(c < threshold for c in wrong_conf)
        flagged_exact = sum(c < threshold for c in exact_conf)
        print(f"{threshold:6.2f} {flagged_wrong / max(1, len(wrong_conf)):16.1%} {flagged_exact / max(1, len(exact_conf)):14.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--month", default="2019-02")
    parser.add_argument("--check", type=int, default=40, help="issues to label after training, per month")
    parser.add_argument("--no-train", action="store_true", help="only report on the committed model")
    parser.add_argument("--model", type=Path, default=MODEL, help="where to write the model (to try settings)")
    parser.add_argument("--split", action="store_true",
                        help="train on days 1-20 of the month and report on its other days (to choose settings)")
    parser.add_argument("--c1", type=float, default=TRAINING["c1"])
    parser.add_argument("--c2", type=float, default=TRAINING["c2"])
    parser.add_argument("--iterations", type=int, default=TRAINING["max_iterations"])
    args = parser.parse_args()
    if not args.no_train:
        started = time.perf_counter()
        params = {**TRAINING, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
        part = "train" if args.split else None
        fluency.save(count_prose(args.month, part), ngrams_path(args.model))
        # Read back: training sees exactly the counts the file keeps (pruned), as parsing will.
        ngrams = fluency.load(ngrams_path(args.model))
        train(examples(args.issues, args.seed, args.month, part, ngrams), args.model, params)
        print(f"trained on {args.issues} issues of {args.month} in {time.perf_counter() - started:.0f} s: "
              f"{args.model} ({args.model.stat().st_size / 1024:.0f} KiB)")
    if args.split:
        report(args.model, args.check, args.seed + 1000, args.month, "dev")
        join_tradeoff(args.model, args.check, args.seed + 1000, args.month, "dev")
        review_calibration(args.model, args.check, args.seed + 1000, args.month, "dev")
        return      # settings are chosen on the dev days; the evaluation month stays unseen
    report(args.model, args.check, args.seed + 1000, args.month)
    report(args.model, args.check, args.seed + 2000, EVAL_MONTH)
    join_tradeoff(args.model, args.check, args.seed + 2000, EVAL_MONTH)
    review_calibration(args.model, args.check, args.seed + 2000, EVAL_MONTH)


if __name__ == "__main__":
    main()
