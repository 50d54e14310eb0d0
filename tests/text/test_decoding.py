"""Decoding page files: UTF-8 with or without BOM, GB18030, and clear refusals."""
import pytest

from archive.text.decoding import DecodeError, decode_page

PAGE = "本报讯(记者 殷雪鸢)4月24日,纪念活动举行。\n\n会议还研究了其他事项。\n"


def test_utf8_is_kept_verbatim():
    """CRLF line ends and everything else survive decoding unchanged."""
    text = PAGE.replace("\n", "\r\n")
    assert decode_page(text.encode("utf-8")) == (text, "utf-8")


def test_bom_stays_in_the_text():
    """The BOM is reported and kept: the stored raw text is exactly what arrived."""
    text, encoding = decode_page(b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
    assert encoding == "utf-8-sig"
    assert text == "\ufeff" + PAGE


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb_text_is_detected_and_converted(codec):
    """GB18030/GBK files are read, not rejected."""
    assert decode_page(PAGE.encode(codec)) == (PAGE, "gb18030")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\r\n ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (PAGE.encode("utf-8")[:-2], "truncated"),
        (bytes(range(128, 256)) * 40, "not UTF-8"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, reason):
    """Empty, binary, truncated and undecodable input each get a message saying which."""
    with pytest.raises(DecodeError, match=reason):
        decode_page(data)


def test_truncation_inside_the_text_is_not_taken_for_gb18030():
    """A UTF-8 file cut inside its last character is called truncated, not re-read as GB."""
    data = "汾酒集团".encode("utf-8")[:-1]
    with pytest.raises(DecodeError, match="truncated.*byte 9 of 11"):
        decode_page(data)
