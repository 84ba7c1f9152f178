"""Name keys: spellings a reader takes for one name share a key; different names do not."""

import pytest

from newstext.names import name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("İstanbul Post", "İSTANBUL POST"),  # Python's and PostgreSQL's lower() differ here
        ("dpa", "DPA"),
        ("Straße Zeitung", "STRASSE ZEITUNG"),
        ("Süddeutsche  Zeitung ", "süddeutsche zeitung"),
        ("ＤＰＡ", "dpa"),  # full-width letters pasted from a PDF
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("dpa", "dapd"), ("Die Welt", "Die Zeit"), ("Müller", "Muller"), ("AFP", "A F P")],
)
def test_different_names_have_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)
