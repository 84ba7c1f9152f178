from newstext.anchoring import locate, quote_context

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


def test_an_edit_inside_the_quote_is_followed():
    quote = "um 12,5 Milliarden Euro kürzen"
    new = OLD.replace("12,5 Milliarden", "12,8 Milliarden")
    found = anchor_in(new, quote)
    assert found is not None
    assert new[found[0] : found[1]] == "um 12,8 Milliarden Euro kürzen"


def test_a_reworded_quote_with_a_word_replaced_is_followed():
    quote = "Die Opposition kritisierte den Plan scharf."
    new = OLD.replace("kritisierte den Plan scharf", "kritisierte das Vorhaben scharf")
    found = anchor_in(new, quote)
    assert found is not None
    assert new[found[0] : found[1]] == "Die Opposition kritisierte das Vorhaben scharf."


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
