"""The prose model the segmenter reads at a break: loadable without Django, reproducible, and
telling a column break from a paragraph's end by the text."""
import sys

import pytest

from archive.text.page import fluency


def test_the_committed_model_loads_without_django():
    """The counts file beside the module is all the parser needs."""
    assert fluency.MODEL.is_file() and fluency.MODEL.stat().st_size < 2_000_000
    assert "django" not in sys.modules["archive.text.page.fluency"].__dict__
    model = fluency.model()
    assert model.total > 1_000_000 and len(model.counts) > 100_000


@pytest.mark.parametrize("before, after", [
    ("有专家指出：仅仅依靠农", "业发展，难以弥合城乡的差距。"),          # a word cut in two
    ("看着女婿带来的新年货，老人欣喜万分，感叹", "道：“现在日子真是越过越好哩。”"),
    ("坚持把深入学习贯彻习近平新时代中国特色社会主义", "思想和党的十九大精神作为首要政治任务"),
])
def test_a_sentence_cut_by_a_column_reads_on(before, after):
    assert fluency.model().break_gain(before, after) > 3


@pytest.mark.parametrize("before, after", [
    ("经济全球化进入调整期具有深刻复杂原因", "经济全球化进入调整期，是世界经济发展的必然。"),  # a section head
    ("锚定发展目标 做好引领示范", "加快建设国家区域中心城市"),
    ("核心阅读", "春节期间，各地文化活动丰富多彩。"),
])
def test_a_finished_line_before_a_new_paragraph_does_not(before, after):
    assert fluency.model().break_gain(before, after) < 1


def test_counts_are_saved_sorted_pruned_and_byte_for_byte_the_same(tmp_path):
    counts = fluency.count(["两市签署合作协议。", "两市签署协议。"])
    first, second = tmp_path / "a.gz", tmp_path / "b.gz"
    fluency.save(counts, first, min_count=2)
    fluency.save(fluency.count(["两市签署合作协议。", "两市签署协议。"]), second, min_count=2)
    assert first.read_bytes() == second.read_bytes()
    loaded = fluency.load(first).counts
    assert loaded["两市签署"] == 2 and loaded["合"] == 1     # single characters are always kept
    assert "合作协议" not in loaded                          # seen once: pruned
    assert loaded[fluency.START + "两"] == 2 and loaded["。" + fluency.END] == 2


def test_the_committed_model_is_what_its_command_counts(tmp_path):
    """bench/train_segmenter.py rebuilds the file from the training month, byte for byte."""
    from tests.conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    from bench.train_segmenter import count_prose

    rebuilt = tmp_path / "fluency.ngrams.gz"
    fluency.save(count_prose("2019-02"), rebuilt)
    assert rebuilt.read_bytes() == fluency.MODEL.read_bytes()
