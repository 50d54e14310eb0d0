"""The fast segmentation (jieba-rs plus corrections) gives exactly jieba's tokens (pure)."""
import random
from pathlib import Path

import jieba
import pytest

from archive.search.segment import add_words, jieba_cut, load_userdict_lines, normalise
from archive.search.userdict import USERDICT_PATH, names_in_byline

CORPUS = Path("/work/shared/corpus/peoples-daily")

# Where jieba-rs alone differs from jieba: +#&._%- inside a block, ideographs outside
# U+4E00..U+9FD5, HMM ties (常在久), ASCII dictionary words next to single characters.
TRICKY = [
    "实现免费Wi-Fi、通信；本硕连读2014-2班学生，2017-2018学年",
    "网址http://www.haikou.gov.cn/ 邮箱hjdbzhk@163.com 电话0898-66255950",
    "展期2019.10.18—11.17，以色列L-E-V舞团；增长3.5%，C++与C#，A&B，snake_case",
    "国徽雕银坯……忠心常在久相随，笑看",
    "中㐀国，龚鿖，豈有此理，𠀀字",
    "3月5日，5G网络，T恤衫，ok的人，KTV里，cd机\r\n  下一行",
]
USER_TEXTS = [
    "本报太原电（记者殷雪鸢、韦韬）太忻一体化和太忻经济一体化稳步推进",
    "汾酒集团在杏花村，牛驼寨的烟火气；殷雪莹报道",
    "韋韜與汾酒集團ＡＢＣ１２３，殷雪鳶攝",
    "殷雪鸢殷雪鸢韦韬韦韬太忻太忻一体化",
]


def _unlike_jieba(texts):
    return [text for text in texts if jieba_cut(normalise(text)) != jieba.lcut(normalise(text))]


def test_tricky_texts_match_jieba():
    """Texts where jieba-rs alone differs from jieba still give jieba's tokens."""
    assert _unlike_jieba(TRICKY) == []


def test_user_words_match_jieba():
    """Texts holding project words give jieba's tokens, the words kept whole."""
    load_userdict_lines(USERDICT_PATH.read_text(encoding="utf-8").splitlines())
    assert _unlike_jieba(USER_TEXTS + TRICKY) == []
    assert "殷雪鸢" in jieba_cut("记者殷雪鸢报道")


def test_words_already_in_the_dictionary_match_jieba():
    """Re-adding dictionary words (jieba counts their frequency twice in its total) changes nothing."""
    add_words(["发展", "人民", "改革开放", "高质量发展", "一带一路"])
    assert _unlike_jieba(USER_TEXTS + TRICKY + ["推动高质量发展，坚持改革开放"]) == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus folder absent")
def test_corpus_sample_matches_jieba_token_for_token():
    """1,000 corpus articles, with the user words and their bylines' names loaded, give jieba's tokens."""
    files = sorted(CORPUS.glob("*/*/*.txt"))
    sample = random.Random(7).sample(files, min(1000, len(files)))
    texts = [path.read_text(encoding="utf-8") for path in sample]
    load_userdict_lines(USERDICT_PATH.read_text(encoding="utf-8").splitlines())
    add_words(name for text in texts for line in text.splitlines() for name in names_in_byline(line))
    assert len(texts) == 1000
    assert _unlike_jieba(texts) == []
