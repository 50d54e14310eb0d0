"""The segmenter's features: what they tell the model, and the shortcuts that make them fast
count what the plain code counted."""
import sys

import pytest

from archive.text.normalise import match_view
from archive.text.page.features import _CONTENT, _bigrams, features, page_lines


@pytest.mark.parametrize("text", ["", "国", "国务院", "国务院扶贫办召开会议", "的的的", "2019年10月，记者李昌禹报道：“扶贫”。",
                                  "一二三四五六七八九", "丁丁丁丁"])
def test_bigrams_are_the_pairs_of_content_characters(text):
    """One int per distinct pair of neighbouring content characters, function characters left out."""
    han = "".join(_CONTENT.findall(text))
    pairs = {han[k:k + 2] for k in range(len(han) - 1)}
    assert _bigrams(text) == {int.from_bytes(pair.encode("utf-16-le"), sys.byteorder) for pair in pairs}



def _siblings_of(page: str) -> dict[str, str | None]:
    lines = page_lines(match_view(page))
    found = {}
    for line, feats in zip(lines, features(lines)):
        values = [f.split("=", 1)[1] for f in feats if f.startswith("siblings=")]
        found[line.text] = values[0] if values else None
    return found


def test_section_heads_of_one_shape_are_siblings_and_a_lone_headline_is_not():
    """Seed 003's two heads (12 characters, plain) see each other; the headline above them, of
    another length, has none; prose lines are not counted at all."""
    page = (
        "全市人大工作综述\n\n"
        "一年来，市人大常委会依法履职，各项工作取得新进展。\n\n"
        "高水平立法护航法治太原建设\n\n"
        "常委会坚持立法和改革决策相衔接，制定修改地方性法规。\n\n"
        "高效能监督助推经济社会发展\n\n"
        "常委会聚焦中心工作开展监督，推动解决一批问题。\n"
    )
    siblings = _siblings_of(page)
    assert siblings["高水平立法护航法治太原建设"] == "1"
    assert siblings["高效能监督助推经济社会发展"] == "1"
    assert siblings["全市人大工作综述"] == "0"
    assert siblings["一年来,市人大常委会依法履职,各项工作取得新进展。"] is None
