"""The committed segmenter model: loadable without Django, and reproducible by its command."""
import sys

import pytest

from archive.text.normalise import match_view
from archive.text.page.features import features, page_lines
from archive.text.page.segmenter import MODEL, Segmenter, train


def test_the_pure_layer_loads_the_model_without_django():
    """Parsing needs only the model file beside the module, not Django or the corpus."""
    assert MODEL.is_file() and MODEL.stat().st_size < 2_000_000
    assert "django" not in sys.modules["archive.text.page.segmenter"].__dict__
    page = "# 两市签署合作协议\n\n本报讯（记者 殷雪鸢）6月8日，两市签署合作协议，推动公共服务共建共享。\n"
    labels = Segmenter(MODEL).label(features(page_lines(match_view(page))))
    assert [label for label, _ in labels] == ["headline", "body"]
    assert all(0.0 < p <= 1.0 for _, p in labels)


def test_training_on_the_same_pages_gives_the_same_model_bytes(tmp_path):
    """bench/train_segmenter.py reproduces the committed model: training is deterministic."""
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    from bench.train_segmenter import examples

    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(examples(2, 5, "2019-02"), first)
    train(examples(2, 5, "2019-02"), second)
    assert first.read_bytes() == second.read_bytes()
