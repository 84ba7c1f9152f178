"""Properties of selector verification, highlight segmentation and re-anchoring (hypothesis).

Example counts come from the profile in the root conftest.py.
"""

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newstext.anchoring import locate, quote_context
from newstext.offsets import (
    CodePointRange,
    SelectionError,
    code_point_to_utf16,
    utf16_starts,
    utf16_to_code_point,
    verify_selection,
)
from newstext.segments import Highlight, segment, segment_blocks

# Text with what trips offset code: umlauts, non-BMP emoji, combining marks, line ends.
CHARS = st.sampled_from([*list("abc äöüß  \n\t."), "😀", "𝔘", "́", "\xa0", "\u200b"])
TEXT = st.text(CHARS, max_size=80)
WORDS = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ")), min_size=1, max_size=300)


@st.composite
def text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(TEXT.filter(bool))
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


@given(TEXT, st.integers(-5, 200), st.integers(-5, 200), TEXT)
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


@given(TEXT)
def test_utf16_offsets_round_trip(text):
    indexes = list(range(len(text) + 1))
    offsets = [code_point_to_utf16(text, i) for i in indexes]
    assert [utf16_to_code_point(text, o) for o in offsets] == indexes
    assert utf16_starts(text, indexes) == offsets


# Highlight segmentation -----------------------------------------------------------------


@st.composite
def text_and_highlights(draw: st.DrawFn) -> tuple[str, list[Highlight]]:
    text = draw(TEXT)
    bound = st.integers(0, len(text))
    pairs = draw(st.lists(st.tuples(bound, bound), max_size=8))
    return text, [Highlight(key, lo, hi) for key, (lo, hi) in enumerate(pairs, start=1)]


@given(text_and_highlights())
def test_segments_cover_the_text_in_order(case):
    text, highlights = case
    segments = segment(text, highlights)
    assert "".join(s.text for s in segments) == text
    assert all(s.start < s.end and text[s.start : s.end] == s.text for s in segments)
    assert all(a.end == b.start for a, b in itertools.pairwise(segments))


@given(text_and_highlights())
def test_each_segment_knows_exactly_the_highlights_covering_it_innermost_first(case):
    text, highlights = case
    for seg in segment(text, highlights):
        covering = {h.key for h in highlights if h.start <= seg.start and seg.end <= h.end}
        assert set(seg.keys) == covering
        lengths = [next(h.end - h.start for h in highlights if h.key == k) for k in seg.keys]
        assert lengths == sorted(lengths)


@given(text_and_highlights(), st.data())
def test_block_segments_stay_inside_their_blocks(case, data):
    text, highlights = case
    edges = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    blocks = [("p", lo, hi) for lo, hi in zip(edges[::2], edges[1::2], strict=False)]
    for group, (_, lo, hi) in zip(segment_blocks(text, blocks, highlights), blocks, strict=True):
        assert "".join(s.text for s in group.segments) == text[lo:hi]


# Re-anchoring ---------------------------------------------------------------------------


@st.composite
def text_with_quote(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(WORDS.filter(lambda t: len(t) >= 3))
    start = draw(st.integers(0, len(text) - 3))
    end = draw(st.integers(start + 3, min(len(text), start + 60)))
    return text, start, end


def anchor(text: str, start: int, end: int, new_text: str) -> tuple[int, int] | None:
    prefix, suffix = quote_context(text, start, end)
    return locate(new_text, text[start:end], prefix, suffix, start)


@given(text_with_quote())
def test_an_unchanged_text_anchors_to_the_same_range(case):
    text, start, end = case
    assert anchor(text, start, end, text) == (start, end)


@given(text_with_quote(), st.text(st.sampled_from("0123456789-,"), min_size=1, max_size=500))
def test_text_inserted_before_moves_the_quote_by_its_length(case, inserted):
    text, start, end = case
    found = anchor(text, start, end, inserted + text)
    assert found is not None
    new = inserted + text
    assert new[found[0] : found[1]] == text[start:end]
    if text.count(text[start:end]) == 1:
        assert found == (start + len(inserted), end + len(inserted))


@given(text_with_quote(), st.text(st.sampled_from("0123456789-,"), min_size=1, max_size=500))
def test_text_inserted_after_leaves_the_quote_in_place(case, appended):
    text, start, end = case
    assert anchor(text, start, end, text + appended) == (start, end)


@given(WORDS, st.text(st.sampled_from("0123456789ÄÖÜ"), min_size=1, max_size=40))
def test_a_quote_sharing_no_character_with_the_text_never_anchors(text, quote):
    assert locate(text, quote, "", "", 0) is None
    assert locate(text, quote, text[:10], text[-10:], len(text) // 2) is None


@given(TEXT, TEXT, TEXT, TEXT, st.integers(-10, 100) | st.none())
def test_locate_returns_none_or_a_non_empty_range_inside_the_text(
    text, exact, prefix, suffix, hint
):
    found = locate(text, exact, prefix, suffix, hint)
    if found is not None:
        assert 0 <= found[0] < found[1] <= len(text)


@pytest.mark.parametrize("hint", [None, 0, 10**6])
def test_exact_quote_wins_whatever_the_hint(hint):
    assert locate("x abc y", "abc", "", "", hint) == (2, 5)
