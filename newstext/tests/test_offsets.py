import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newstext.offsets import (
    CodePointRange,
    SelectionError,
    code_point_to_utf16,
    utf16_starts,
    utf16_to_code_point,
    verify_selection,
)
from newstext.tests.strategies import TRICKY_TEXT

TEXT = "Putin 🚀 sagte: «38 Menschen» 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 starben."


def test_offsets_after_an_emoji_shift_by_one():
    start = TEXT.index("sagte")
    start16 = code_point_to_utf16(TEXT, start)
    assert start16 == start + 1
    assert utf16_to_code_point(TEXT, start16) == start


def test_selection_after_astral_characters_is_converted_and_verified():
    quote = "starben"
    start = TEXT.index(quote)
    start16 = code_point_to_utf16(TEXT, start)
    span = verify_selection(TEXT, start16, start16 + len(quote), quote)
    assert TEXT[span.start : span.end] == quote


def test_code_point_offsets_sent_as_utf16_are_caught():
    quote = "starben"
    start = TEXT.index(quote)  # a code-point index, wrong for the browser protocol
    with pytest.raises(SelectionError, match=r"does not match|splits a character"):
        verify_selection(TEXT, start, start + len(quote), quote)


@pytest.mark.parametrize(
    ("start16", "end16", "exact", "reason"),
    [
        (5, 5, "", "empty"),
        (10, 5, "x", "empty"),
        (0, 999, "x", "outside the text"),
        (-1, 3, "x", "outside the text"),
        (7, 9, "x", "splits a character"),
        (0, 1, " ", "does not match"),
    ],
)
def test_bad_selections_are_refused_with_a_reason(start16, end16, exact, reason):
    with pytest.raises(SelectionError, match=reason):
        verify_selection(TEXT, start16, end16, exact)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 5), (-1, 3)])
def test_a_range_is_never_empty_or_negative(start, end):
    with pytest.raises(SelectionError, match="not a non-empty range"):
        CodePointRange(start, end)


def test_whitespace_only_selection_is_refused():
    with pytest.raises(SelectionError, match="white space"):
        verify_selection("a   b", 1, 3, "  ")


@given(st.text(), st.data())
def test_utf16_round_trip(text, data):
    index = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert utf16_to_code_point(text, code_point_to_utf16(text, index)) == index


@given(st.text())
def test_utf16_starts_matches_one_by_one_conversion(text):
    starts = sorted({0, len(text) // 3, len(text) // 2, len(text)})
    assert utf16_starts(text, starts) == [code_point_to_utf16(text, i) for i in starts]


# Properties (hypothesis) ------------------------------------------------------


@st.composite
def text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(TRICKY_TEXT.filter(bool))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


# Selector verification ------------------------------------------------------------------


@given(text_and_range())
def test_a_real_selection_verifies_to_its_code_point_range(case):
    text, start, end = case
    assume(text[start:end].strip())
    start16, end16 = code_point_to_utf16(text, start), code_point_to_utf16(text, end)
    assert verify_selection(text, start16, end16, text[start:end]) == CodePointRange(start, end)


@given(TRICKY_TEXT, st.integers(-5, 200), st.integers(-5, 200), TRICKY_TEXT)
def test_any_selection_verifies_to_its_quote_or_is_refused(text, start16, end16, exact):
    refusal = ""
    try:
        span = verify_selection(text, start16, end16, exact)
    except SelectionError as error:
        refusal = str(error) or "(no message)"
    if refusal:
        assert refusal != "(no message)"
    else:
        assert text[span.start : span.end] == exact
        assert exact.strip()


@given(TRICKY_TEXT)
def test_utf16_offsets_round_trip(text):
    indexes = list(range(len(text) + 1))
    offsets = [code_point_to_utf16(text, i) for i in indexes]
    assert [utf16_to_code_point(text, o) for o in offsets] == indexes
    assert utf16_starts(text, indexes) == offsets
