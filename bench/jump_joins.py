"""Fit and check the jump-join model: is a paragraph cut by a jump after a full stop one paragraph or two?

    .venv/bin/python bench/jump_joins.py [--issues 400] [--seed 5] [--eval-issues 200]

A jump cuts an article where its column ends. When the head's last line ends a sentence, the
cut may fall between two paragraphs or between two sentences of one paragraph, and OCR'd text
keeps no indent to tell which. ``archive.assembly.text.runs_on`` weighs three signs: the prose
model's ``break_gain`` across the cut, and the lengths of the two pieces (a paragraph cut in two
leaves two pieces shorter than whole paragraphs). This command fits its weights (logistic
regression, Newton's method) on generated jumps of the training month's dev days, with the prose
model counted on its other days only (so the gain is measured on text the model has not seen),
prints them for ``archive/assembly/text.py``, and prints how many head-ends-sentence joins each
rule gets right: on those dev days, and on the evaluation month (2019-10) with the committed
prose model and weights.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.assembly.text import JOIN_DOUBT, JOIN_WEIGHTS, join_signs, runs_on  # noqa: E402
from archive.text.normalise import ends_sentence  # noqa: E402
from archive.text.page import fluency  # noqa: E402
from bench.issuegen import generate_issues  # noqa: E402
from bench.train_segmenter import EVAL_MONTH, count_prose  # noqa: E402


DOUBT_BANDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)


def cut_after_sentence(issues: int, seed: int, month: str, part: str | None = None):
    """(head's last paragraph, tail's first paragraph, one paragraph in the truth) of every
    generated two-page jump whose head ends a sentence."""
    for issue in generate_issues(issues, seed=seed, month=month, part=part):
        for k, article in enumerate(issue.truth):
            if not article.jumped:
                continue
            head, tail = sorted((f for f in issue.fragments if f.article == k), key=lambda f: f.page)
            if head.paragraphs and tail.paragraphs and ends_sentence(head.paragraphs[-1]):
                one = len(head.paragraphs) + len(tail.paragraphs) - 1 == len(article.paragraphs)
                yield head.paragraphs[-1], tail.paragraphs[0], one


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, ...]:
    """Logistic regression weights (bias first) on the raw inputs."""
    mean, scale = x.mean(0), x.std(0)
    z = np.c_[np.ones(len(x)), (x - mean) / scale]
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        w -= np.linalg.solve((z.T * (p * (1 - p))) @ z + 1e-6 * np.eye(len(w)), z.T @ (p - y))
    raw = w[1:] / scale
    return (float(w[0] - raw @ mean), *map(float, raw))


def table(title: str, rows: list[tuple[str, str, bool]], probability) -> None:
    """How often never joining and joining at even odds are right, and what each doubt band
    (``JOIN_DOUBT`` among them) would send to an editor."""
    ones = sum(one for _, _, one in rows)
    odds = [(probability(before, after), one) for before, after, one in rows]
    right = [(p > 0.5) == one for p, one in odds]
    print(f"\n{title}: {len(rows)} jumps whose head ends a sentence, {ones} of them one paragraph")
    print(f"{'rule':34} {'right':>7} {'share':>7}")
    print(f"{'never join (before)':34} {len(rows) - ones:7d} {(len(rows) - ones) / len(rows):7.1%}")
    print(f"{'join when runs_on > 0.5':34} {sum(right):7d} {sum(right) / len(rows):7.1%}")
    print(f"{'to review: within':>18} {'joins':>6} {'wrong ones':>11} {'right ones':>11}")
    for band in DOUBT_BANDS:
        doubt = [abs(p - 0.5) < band for p, _ in odds]
        print(f"{band:18.2f} {sum(doubt):6d} {sum(d and not r for d, r in zip(doubt, right)):11d} "
              f"{sum(d and r for d, r in zip(doubt, right)):11d}{'   (JOIN_DOUBT)' if band == JOIN_DOUBT else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--month", default="2019-02")
    parser.add_argument("--eval-issues", type=int, default=200, help="issues of the evaluation month to report on (0: none)")
    args = parser.parse_args()
    unseen = fluency.NgramModel(dict(count_prose(args.month, "train")))
    rows = list(cut_after_sentence(args.issues, args.seed, args.month, "dev"))
    weights = fit(np.array([join_signs(b, a, unseen) for b, a, _ in rows]), np.array([one for _, _, one in rows], dtype=float))
    print(f"JOIN_WEIGHTS = ({', '.join(f'{w:.3f}' for w in weights)})   # fitted on {len(rows)} jumps")
    table(f"{args.month} dev days (prose model of the other days, weights just fitted)", rows,
          lambda before, after: runs_on(before, after, unseen, weights))
    if args.eval_issues:
        table(f"{EVAL_MONTH} (committed prose model and JOIN_WEIGHTS {JOIN_WEIGHTS})",
              list(cut_after_sentence(args.eval_issues, args.seed, EVAL_MONTH)), runs_on)


if __name__ == "__main__":
    main()
