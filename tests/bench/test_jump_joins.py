"""The jump-join weights in archive/assembly/text.py are the ones bench/jump_joins.py fits."""
import numpy as np
import pytest

from archive.assembly.text import JOIN_WEIGHTS
from tests.conftest import CORPUS


def test_the_committed_weights_are_what_the_command_fits():
    """Fitted again from the corpus with the command's defaults, the weights round to the committed ones."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    from archive.text.page import fluency
    from bench.jump_joins import cut_after_sentence, fit, signs
    from bench.train_segmenter import count_prose

    unseen = fluency.NgramModel(dict(count_prose("2019-02", "train")))
    rows = list(cut_after_sentence(400, 5, "2019-02", "dev"))
    weights = fit(np.array([signs(unseen, b, a) for b, a, _ in rows]), np.array([one for _, _, one in rows], dtype=float))
    assert tuple(round(w, 3) for w in weights) == JOIN_WEIGHTS
