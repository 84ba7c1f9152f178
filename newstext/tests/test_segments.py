from hypothesis import given
from hypothesis import strategies as st

from newstext.segments import Highlight, segment, segment_blocks

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
