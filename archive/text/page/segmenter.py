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

from ..types import LINE_BODY, LINE_LABEL, LINE_SECTION_HEAD

MODEL = Path(__file__).with_name("segmenter.crfsuite")
# L1 and L2 penalties and iterations of the training, chosen on the dev days of the training
# month (bench/train_segmenter.py --split): c1 0.05 → 0.2 kept accuracy (97.40% → 97.41% of
# lines) with a smaller model; a stronger c2 or 500 issues did not help.
TRAINING = {"c1": 0.2, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


_OWN_PARAGRAPH = (LINE_BODY, LINE_SECTION_HEAD, LINE_LABEL)
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
