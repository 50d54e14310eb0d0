"""The segmenter's features: the shortcuts that make them fast count what the plain code counted."""
import sys

import pytest

from archive.text.page.features import _CONTENT, _bigrams


@pytest.mark.parametrize("text", ["", "国", "国务院", "国务院扶贫办召开会议", "的的的", "2019年10月，记者李昌禹报道：“扶贫”。",
                                  "一二三四五六七八九", "丁丁丁丁"])
def test_bigrams_are_the_pairs_of_content_characters(text):
    """One int per distinct pair of neighbouring content characters, function characters left out."""
    han = "".join(_CONTENT.findall(text))
    pairs = {han[k:k + 2] for k in range(len(han) - 1)}
    assert _bigrams(text) == {int.from_bytes(pair.encode("utf-16-le"), sys.byteorder) for pair in pairs}

