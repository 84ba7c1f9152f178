import codecs

import pytest

from newstext.decoding import RejectedInput, decode_article_bytes, normalise_text

LIMIT = 1_000_000
GERMAN = "Präsident Aliyev dankte Putin für die Aufklärung des Absturzes. «Selbstverständlich»"


def test_utf8_is_read_as_is():
    decoded = decode_article_bytes(GERMAN.encode("utf-8"), max_bytes=LIMIT)
    assert decoded.text == GERMAN
    assert decoded.encoding == "utf-8"


def test_utf8_byte_order_mark_is_dropped():
    decoded = decode_article_bytes(codecs.BOM_UTF8 + GERMAN.encode("utf-8"), max_bytes=LIMIT)
    assert decoded.text == GERMAN


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_newsroom_legacy_encodings_are_detected(encoding):
    text = "Die Präsidentin äußerte sich über die Größe der Schäden: «Übermäßig»." * 3
    decoded = decode_article_bytes(text.encode(encoding), max_bytes=LIMIT)
    assert decoded.text == text


def test_cp1252_typographic_quotes_survive():
    text = "„Am 20. September geriet ein Auto unter Beschuss“, hieß es – laut Ministerium. " * 2
    decoded = decode_article_bytes(text.encode("cp1252"), max_bytes=LIMIT)
    assert decoded.text == text


def test_utf16_with_byte_order_mark():
    decoded = decode_article_bytes(GERMAN.encode("utf-16"), max_bytes=LIMIT)
    assert decoded.text == GERMAN


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n\n\t ", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary (contains NUL bytes)"),
        (bytes(range(1, 32)) * 20, "binary (control characters)"),
    ],
)
def test_refused_input_names_the_reason(data, reason):
    with pytest.raises(RejectedInput, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_article_bytes(data, max_bytes=LIMIT)


def test_oversized_input_is_refused_with_both_sizes():
    with pytest.raises(RejectedInput, match="2,000 bytes, over the limit of 1,000 bytes"):
        decode_article_bytes(b"a" * 2000, max_bytes=1000)


def test_normalise_makes_nfc_and_unix_line_ends():
    decomposed = "Pra\u0308sident\r\nBaku\rKiew\u2028Ende\ufeff"
    assert normalise_text(decomposed) == "Präsident\nBaku\nKiew\nEnde"
