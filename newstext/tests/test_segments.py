import itertools

from hypothesis import given
from hypothesis import strategies as st

from newstext.segments import Highlight, segment, segment_blocks
from newstext.tests.strategies import TRICKY_TEXT

TEXT = "abcdefghij"


def runs(segments):
    return [(s.text, s.keys) for s in segments]


def test_no_highlights_is_one_plain_run():
    assert runs(segment(TEXT, [])) == [("abcdefghij", ())]


def test_overlapping_highlights_split_into_shared_and_own_parts():
    result = segment(TEXT, [Highlight("a", 1, 5), Highlight("b", 3, 8)])
    assert runs(result) == [
        ("a", ()),
        ("bc", ("a",)),
        ("de", ("a", "b")),
        ("fgh", ("b",)),
        ("ij", ()),
    ]


def test_nested_highlight_lists_the_innermost_first():
    result = segment(TEXT, [Highlight("outer", 0, 10), Highlight("inner", 4, 6)])
    assert runs(result) == [("abcd", ("outer",)), ("ef", ("inner", "outer")), ("ghij", ("outer",))]


def test_adjacent_highlights_do_not_merge():
    result = segment(TEXT, [Highlight("a", 0, 3), Highlight("b", 3, 6)])
    assert runs(result) == [("abc", ("a",)), ("def", ("b",)), ("ghij", ())]


def test_empty_and_out_of_range_highlights_are_ignored():
    result = segment(TEXT, [Highlight("empty", 4, 4), Highlight("outside", 20, 30)])
    assert runs(result) == [("abcdefghij", ())]


def test_whole_text_highlight():
    assert runs(segment(TEXT, [Highlight("all", 0, 10)])) == [("abcdefghij", ("all",))]


def test_identical_ranges_both_cover_the_run():
    result = segment(TEXT, [Highlight(1, 2, 4), Highlight(2, 2, 4)])
    assert result[1].text == "cd"
    assert set(result[1].keys) == {1, 2}


def test_blocks_cut_highlights_that_span_a_paragraph_break():
    text = "Erster.\n\nZweiter."
    blocks = [("paragraph", 0, 7), ("paragraph", 9, 17)]
    grouped = segment_blocks(text, blocks, [Highlight("x", 3, 12)])
    assert [runs(g.segments) for g in grouped] == [
        [("Ers", ()), ("ter.", ("x",))],
        [("Zwe", ("x",)), ("iter.", ())],
    ]


ranges = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=12)


@given(st.text(min_size=0, max_size=40), ranges)
def test_segments_reassemble_the_text_and_know_their_cover(text, pairs):
    highlights = [Highlight(i, min(a, b), max(a, b)) for i, (a, b) in enumerate(pairs)]
    result = segment(text, highlights)
    assert "".join(s.text for s in result) == text
    for s in result:
        assert s.start < s.end or text == ""
        covering = {
            h.key for h in highlights if h.start <= s.start and s.end <= h.end and h.start < h.end
        }
        assert set(s.keys) == covering


# Properties (hypothesis) ------------------------------------------------------


@st.composite
def text_and_highlights(draw: st.DrawFn) -> tuple[str, list[Highlight]]:
    text = draw(TRICKY_TEXT)
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
