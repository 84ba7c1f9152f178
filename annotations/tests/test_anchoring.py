from annotations.anchoring import locate, quote_context

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
