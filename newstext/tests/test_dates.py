"""Month names as German and English news write them, whole or cut short."""

import pytest

from newstext.dates import month_number


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("Januar", 1),
        ("Jänner", 1),
        ("Jan.", 1),
        ("Februar", 2),
        ("März", 3),
        ("Maerz", 3),
        ("Mrz", 3),
        ("March", 3),
        ("Mai", 5),
        ("May", 5),
        ("Juni", 6),
        ("Jul", 7),
        ("Sept", 9),
        ("Sep.", 9),
        ("Okt", 10),
        ("October", 10),
        ("DEZEMBER", 12),
        ("Dez.", 12),
        ("Dec", 12),
    ],
)
def test_a_month_name_or_its_abbreviation_gives_its_number(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["Märchen", "Junge", "Abend", "Ma", "Ju", "", "Dezembers"])
def test_other_words_are_no_month(word):
    assert month_number(word) is None
