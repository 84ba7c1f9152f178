import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstext.anchoring import locate, quote_context
from newstext.tests.strategies import TRICKY_TEXT, WORDS

TEXT = "Putin sagte A. Dann sagte Putin B. Später sagte Putin C."


def test_unique_quote_is_found():
    assert locate(TEXT, "Später", "", "", 0) == (35, 41)


def test_repeated_quote_is_told_apart_by_its_context():
    start = TEXT.index("sagte Putin C")
    found = locate(TEXT, "sagte", "Später ", " Putin C", 0)
    assert found == (start, start + 5)


def test_without_context_the_old_position_decides():
    second = TEXT.index("sagte", 10)
    assert locate(TEXT, "sagte", "", "", second + 3) == (second, second + 5)


def test_missing_quote_is_none():
    assert locate(TEXT, "Merz", "", "", 0) is None
    assert locate(TEXT, "", "", "", 0) is None


def test_quote_context_is_clipped_at_the_text_edges():
    assert quote_context("abc", 0, 1) == ("", "bc")


# Re-anchoring after a revision: the old text, where the annotation was, and the new text.
OLD = (
    "Berlin. Die Bundesregierung will den Haushalt 2027 um 12,5 Milliarden Euro kürzen. "
    "Finanzminister Lindner sagte, die Schuldenbremse gelte weiter.\n\n"
    "Die Opposition kritisierte den Plan scharf. Er treffe vor allem Familien.\n\n"
    "Eine Entscheidung wird im Dezember erwartet."
)


def anchor_in(new_text: str, quote: str, occurrence: int = 0) -> tuple[int, int] | None:
    """Re-anchor `quote` (its `occurrence`-th place in OLD) in `new_text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = OLD.index(quote, start + 1)
    prefix, suffix = quote_context(OLD, start, start + len(quote))
    return locate(new_text, quote, prefix, suffix, start)


def test_insertion_before_the_quote_moves_it_by_the_inserted_length():
    quote = "die Schuldenbremse gelte weiter"
    inserted = "Update, 14 Uhr: "
    found = anchor_in(inserted + OLD, quote)
    start = OLD.index(quote) + len(inserted)
    assert found == (start, start + len(quote))


@pytest.mark.parametrize(
    ("quote", "before", "after", "followed"),
    [
        pytest.param(
            "um 12,5 Milliarden Euro kürzen",
            "12,5 Milliarden",
            "12,8 Milliarden",
            "um 12,8 Milliarden Euro kürzen",
            id="an edit inside the quote",
        ),
        pytest.param(
            "Die Opposition kritisierte den Plan scharf.",
            "kritisierte den Plan scharf",
            "kritisierte das Vorhaben scharf",
            "Die Opposition kritisierte das Vorhaben scharf.",
            id="a word of the quote replaced",
        ),
    ],
)
def test_a_reworded_quote_is_followed(quote: str, before: str, after: str, followed: str):
    new = OLD.replace(before, after)
    found = anchor_in(new, quote)
    assert found is not None
    assert new[found[0] : found[1]] == followed


def test_a_quote_now_there_twice_goes_to_the_copy_nearest_its_old_place():
    quote = "Eine Entscheidung wird im Dezember erwartet."
    paragraph = "\n\n" + quote
    new = OLD.replace("Berlin. ", "Berlin. " + quote + " ", 1)  # a copy far before
    found = anchor_in(new, quote)
    assert found is not None
    assert found[0] == new.rindex(quote)
    assert new.endswith(paragraph)


def test_a_deleted_quote_is_orphaned_not_moved_to_similar_words():
    quote = "Er treffe vor allem Familien."
    new = OLD.replace(" Er treffe vor allem Familien.", "").replace(
        "Dezember", "Dezember, auch für Familien,"
    )
    assert anchor_in(new, quote) is None


def test_a_rewritten_sentence_is_orphaned():
    quote = "Finanzminister Lindner sagte, die Schuldenbremse gelte weiter."
    new = OLD.replace(quote, "Der Kanzler ließ offen, ob es dabei bleibt.")
    assert anchor_in(new, quote) is None


def test_a_whitespace_only_change_keeps_the_words():
    quote = "Finanzminister Lindner sagte"
    new = OLD.replace("Finanzminister Lindner", "Finanzminister\nLindner").replace(
        "Euro kürzen. ", "Euro kürzen.  "
    )
    found = anchor_in(new, quote)
    assert found is not None
    assert new[found[0] : found[1]] == "Finanzminister\nLindner sagte"


def test_a_moved_paragraph_takes_its_quote_along():
    paragraphs = OLD.split("\n\n")
    new = "\n\n".join([paragraphs[1], paragraphs[2], paragraphs[0]])
    quote = "den Haushalt 2027"
    found = anchor_in(new, quote)
    start = new.index(quote)
    assert found == (start, start + len(quote))


def test_an_unchanged_text_keeps_every_range():
    for quote in ("Berlin", "Familien", "scharf. Er", "im Dezember"):
        start = OLD.index(quote)
        assert anchor_in(OLD, quote) == (start, start + len(quote))


def test_a_short_quote_is_not_matched_loosely():
    assert locate(OLD, "Merz", "", "", 0) is None


# Properties (hypothesis) ------------------------------------------------------


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


@given(TRICKY_TEXT, TRICKY_TEXT, TRICKY_TEXT, TRICKY_TEXT, st.integers(-10, 100) | st.none())
def test_locate_returns_none_or_a_non_empty_range_inside_the_text(
    text, exact, prefix, suffix, hint
):
    found = locate(text, exact, prefix, suffix, hint)
    if found is not None:
        assert 0 <= found[0] < found[1] <= len(text)


@pytest.mark.parametrize("hint", [None, 0, 10**6])
def test_exact_quote_wins_whatever_the_hint(hint):
    assert locate("x abc y", "abc", "", "", hint) == (2, 5)
