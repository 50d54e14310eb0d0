"""The segmenter's features: the shortcuts that make them fast read what the plain code read."""
import sys

import pytest

from archive.text.normalise import match_view
from archive.text.page.features import _CONTENT, _OWN, _bigrams, _own, page_lines


@pytest.mark.parametrize("text", ["", "国", "国务院", "国务院扶贫办召开会议", "的的的", "2019年10月，记者李昌禹报道：“扶贫”。",
                                  "一二三四五六七八九", "丁丁丁丁"])
def test_bigrams_are_the_pairs_of_content_characters(text):
    """One int per distinct pair of neighbouring content characters, function characters left out."""
    han = "".join(_CONTENT.findall(text))
    pairs = {han[k:k + 2] for k in range(len(han) - 1)}
    assert _bigrams(text) == {int.from_bytes(pair.encode("utf-16-le"), sys.byteorder) for pair in pairs}


def test_own_features_come_in_the_order_of_their_keys():
    """The cached strings of a line are built from _own's values in _OWN's order."""
    page = "# 两市签署合作协议\n\n本报讯（记者 殷雪鸢）6月8日，两市签署合作协议。\n（李俊华）\n"
    for line in page_lines(match_view(page)):
        assert tuple(_own(line)) == _OWN
