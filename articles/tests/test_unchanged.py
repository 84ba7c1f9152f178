"""Which parts of an article a revision left alone, and where they are now."""

from articles.unchanged import UnchangedText

OLD = "Kestrelhafen (ndx) – Die Fähre fuhr ab.\n\nDer Hafen bleibt offen.\n\nMehr am Abend.\n"


def where(old: str, new: str, words: str, occurrence: int = 0) -> tuple[int, int] | None:
    start = -1
    for _ in range(occurrence + 1):
        start = old.index(words, start + 1)
    return UnchangedText(old, new).moved(start, start + len(words))


def test_words_in_untouched_lines_move_by_what_came_before_them() -> None:
    new = OLD.replace("Die Fähre fuhr ab.", "Die Fähre fuhr um acht Uhr ab.")
    assert where(OLD, new, "Hafen bleibt") == (
        new.index("Hafen bleibt"),
        new.index("Hafen bleibt") + len("Hafen bleibt"),
    )
    assert where(OLD, new, "Mehr am Abend") == (new.index("Mehr"), new.index("Mehr") + 13)
    assert where(OLD, new, "Kestrelhafen") == (0, len("Kestrelhafen"))  # before the change


def test_words_in_a_changed_line_or_across_one_are_left_to_be_looked_up() -> None:
    new = OLD.replace("Der Hafen bleibt offen.", "Der Hafen bleibt bis Mai offen.")
    assert where(OLD, new, "bleibt offen") is None
    assert where(OLD, new, "Der Hafen") == (41, 50)  # before the change, in its line
    assert where(OLD, new, "Mehr am Abend") is not None


def test_a_text_of_one_line_keeps_what_lies_before_and_after_its_change() -> None:
    old = "Eins zwei drei. Vier fünf sechs. Sieben acht neun."
    new = old.replace("fünf", "FÜNF")
    assert where(old, new, "zwei") == (5, 9)
    assert where(old, new, "acht") == (new.index("acht"), new.index("acht") + 4)
    assert where(old, new, "Vier fünf") is None


def test_scattered_changes_leave_the_lines_between_them_in_place() -> None:
    old = "".join(f"Meldung {n}: Der Nordhafen bleibt offen.\n" for n in range(300))
    new = old.replace("Meldung 10:", "Meldung zehn:").replace("Meldung 250:", "Meldung 250 (neu):")
    for occurrence in (0, 100, 299):
        found = where(old, new, "Nordhafen", occurrence)
        assert found is not None
        assert new[found[0] : found[1]] == "Nordhafen"
        assert new[: found[0]].count("\n") == occurrence  # in its own line
    assert where(old, new, "Meldung 10:") is None


def test_repeated_lines_map_to_their_own_place() -> None:
    old = "Titel\n" + "Der Nordhafen bleibt offen.\n" * 300
    new = "Neuer Titel\n" + "Der Nordhafen bleibt offen.\n" * 300
    line = len("Der Nordhafen bleibt offen.\n")
    for occurrence in (0, 150, 299):
        start = new.index("Nordhafen") + occurrence * line
        assert where(old, new, "Nordhafen", occurrence) == (start, start + 9)
