"""The line labeller: a linear-chain CRF (python-crfsuite) over a page's lines.

It answers, for every line at once, what the line is (``types.LINE_LABELS``): display type
of a new article, text of the open one (a paragraph, a column-cut piece, a section head, a
label), a caption, a jump line, a banner. Each decision comes with its marginal probability,
which the reader turns into a fragment's confidence.

The model file beside this module is trained on generated pages of one month of the corpus
(``bench/train_segmenter.py`` reproduces it); loading it needs no Django and no corpus.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pycrfsuite

from ..types import LINE_BODY, LINE_CONTINUED, LINE_LABEL, LINE_SECTION_HEAD

MODEL = Path(__file__).with_name("segmenter.crfsuite")
# L1 and L2 penalties and iterations of the training, chosen on the dev days of the training
# month (bench/train_segmenter.py --split): with the gap and word-class features, c1 0.2 → 1.0
# and c2 0.01 → 0.1 took the dev days from 97.36% to 97.81% of lines (c1 3.0: 97.77%; c2 0.5:
# 97.70%): stronger penalties remember fewer of the training month's own words.
TRAINING = {"c1": 1.0, "c2": 0.1, "max_iterations": 150, "feature.possible_transitions": True}


_OWN_PARAGRAPH = (LINE_BODY, LINE_SECTION_HEAD, LINE_LABEL)
# A column-cut piece joins two lines into one paragraph; a line the model is less sure of than
# this stays a paragraph of its own (and its article goes to review). Chosen on the dev days of
# the training month (bench/train_segmenter.py --split prints the line trade-off): at the model's
# own 0.5 a wrong join is twice as likely as a missed one; 0.5-0.8 left as many printed parts
# exact and 0.9 fewer, so 0.7 takes the fewest wrong joins that cost no exact part.
JOIN_MIN = 0.7
_READ_ALIKE = {label: _OWN_PARAGRAPH for label in _OWN_PARAGRAPH}


class Segmenter:
    """A loaded model; ``label`` is safe to call from one thread at a time."""

    def __init__(self, path: Path = MODEL):
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))

    def label(self, features: list[list[str]]) -> list[tuple[str, float]]:
        """(label, probability) for each line's features. The probability is the marginal of
        the labels that read the same way: a paragraph, a section head and a label are each one
        paragraph of the text, so doubt among them is no doubt about the article's text."""
        if not features:
            return []
        self.tagger.set(features)
        labels = self.tagger.tag()
        for i, label in enumerate(labels):
            if label == LINE_CONTINUED and self.tagger.marginal(label, i) < JOIN_MIN:
                labels[i] = max(_OWN_PARAGRAPH, key=lambda own: self.tagger.marginal(own, i))
        return [
            (label, sum(self.tagger.marginal(same, i) for same in _READ_ALIKE.get(label, (label,))))
            for i, label in enumerate(labels)
        ]


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    return Segmenter()


def train(pages: Iterable[tuple[list[list[str]], list[str]]], path: Path = MODEL, params: dict = TRAINING) -> None:
    """Train a model on (features per line, label per line) of whole pages and save it."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in pages:
        trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(path))
    segmenter.cache_clear()
