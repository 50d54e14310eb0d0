"""Names as printed: padding removed, lists split, non-names refused."""
import pytest

from archive.text.names import normalise_name, split_names


@pytest.mark.parametrize("printed, name", [
    ("梁 琛", "梁琛"), ("丁 洁", "丁洁"), ("梁\u3000琛", "梁琛"), (" 尹哲 ", "尹哲"), ("李俊华", "李俊华"),
])
def test_normalise_name_removes_padding(printed, name):
    """Spaces typeset inside two-character names are not part of the name."""
    assert normalise_name(printed) == name


@pytest.mark.parametrize("printed, names", [
    ("殷雪鸢 梁涛 胡引平", ["殷雪鸢", "梁涛", "胡引平"]),
    ("殷雪莹、梁涛", ["殷雪莹", "梁涛"]),
    ("丁 洁、王春宇", ["丁洁", "王春宇"]),
    ("梁 琛", ["梁琛"]),
    ("梁 琛 王 丹", ["梁琛", "王丹"]),
    ("李俊华、李俊华", ["李俊华"]),
    ("市、区", []),
    ("一", []),
    ("2023年", []),
    ("这是一个很长的句子不是名字", []),
])
def test_split_names(printed, names):
    """Lists split on spaces and 、; padded names rejoined; a non-name spoils the list."""
    assert split_names(printed) == names
