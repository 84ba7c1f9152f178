"""Properties of decoding and normalising news text files (hypothesis).

Example counts come from the profile in the root conftest.py.
"""

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from newstext.decoding import DecodedText, RejectedInput, decode_article_bytes, normalise_text

LINE_BREAKS = ["\r\n", "\r", "\n", "\u2028", "\u2029", "\ufeff"]
# German text with what files really contain: decomposed umlauts, odd spaces, line ends.
PIECES = ["a", "ä", "a\u0308", "ß", " ", "\t", "\u00a0", "\u200b", "😀", *LINE_BREAKS]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
LIMIT = 100_000


@given(TEXT)
def test_normalising_twice_changes_nothing(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(TEXT)
@example("\r\ufeff\n")  # found by hypothesis in CI: the BOM's removal joined two line ends
def test_normalised_text_has_only_newline_ends_no_bom_and_is_nfc(text):
    result = normalise_text(text)
    assert not any(mark in result for mark in ["\r", "\u2028", "\u2029", "\ufeff"])
    assert unicodedata.is_normalized("NFC", result)
    assert result.count("\n") == len(re.findall("\r\n|[\r\n\u2028\u2029]", text))


@given(st.text(st.characters(exclude_characters="\r\u2028\u2029\ufeff")))
def test_text_already_normal_is_left_alone(text):
    text = unicodedata.normalize("NFC", text)
    assert normalise_text(text) == text


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_with_a_reason(data):
    refusal = ""
    try:
        decoded = decode_article_bytes(data, max_bytes=LIMIT)
    except RejectedInput as error:
        refusal = str(error) or "(no message)"
    if refusal:
        assert refusal != "(no message)"
    else:
        assert isinstance(decoded, DecodedText)
        assert decoded.text.strip()
