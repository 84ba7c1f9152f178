"""News name patterns (`newstext.entities.patterns`) and the curated lists, through
find_mentions: each rule with a case it changes and a case it must leave alone. The
sentences are made up for these tests."""

import pytest

from newstext.entities import Kind, find_mentions, seed_matcher
from newstext.entities.world import place_candidates


def names(text: str) -> list[tuple[str, str]]:
    return [(m.surface, str(m.kind)) for m in find_mentions(text, matcher=seed_matcher())]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # An agency credit with its regional service: one organisation.
        ("Kassel (dpa/lhe) - Der Bus kam zu spät.", "dpa/lhe", Kind.ORGANISATION),
        ("Paris (AFP/dpa) - Die Wahl ist entschieden.", "AFP/dpa", Kind.ORGANISATION),
        # An institution word and the place it serves.
        (
            "Das Landgericht Kassel hat den Mann verurteilt.",
            "Landgericht Kassel",
            Kind.ORGANISATION,
        ),
        (
            "Ermittelt hat das Polizeipräsidium Mittelhessen.",
            "Polizeipräsidium Mittelhessen",
            Kind.ORGANISATION,
        ),
        ("Die Stadtwerke Bochum erhöhen die Preise.", "Stadtwerke Bochum", Kind.ORGANISATION),
        (
            "An der Gesamtschule Am Stadtpark fällt Unterricht aus.",
            "Gesamtschule Am Stadtpark",
            Kind.ORGANISATION,
        ),
        # A public body named by its task, with the state it serves.
        (
            "Gewarnt hat das Bundesamt für Strahlenschutz am Montag.",
            "Bundesamt für Strahlenschutz",
            Kind.ORGANISATION,
        ),
        (
            "Das teilte das Landesamt für Statistik Niedersachsen mit.",
            "Landesamt für Statistik Niedersachsen",
            Kind.ORGANISATION,
        ),
        (
            "Zuständig ist das Bayerische Staatsministerium für Unterricht und Kultus.",
            "Bayerische Staatsministerium für Unterricht und Kultus",
            Kind.ORGANISATION,
        ),
        # A club by its prefix, with its founding year.
        ("Am Samstag gewann der SV Darmstadt 98 klar.", "SV Darmstadt 98", Kind.ORGANISATION),
        ("Der 1. FC Nürnberg verlor.", "1. FC Nürnberg", Kind.ORGANISATION),
        # A building named after a person, or a bridge after a place.
        (
            "Gespielt wird im Fritz-Walter-Stadion vor vollen Rängen.",
            "Fritz-Walter-Stadion",
            Kind.PLACE,
        ),
        (
            "Sie lag im Sankt-Josef-Hospital auf der Station.",
            "Sankt-Josef-Hospital",
            Kind.ORGANISATION,
        ),
        ("Gesperrt ist die Rügen-Brücke seit Montag.", "Rügen-Brücke", Kind.PLACE),
        # A square or port by a place adjective.
        ("Sie trafen sich auf dem Kasseler Platz zum Protest.", "Kasseler Platz", Kind.PLACE),
        # A company by its legal form or head word.
        (
            "Investiert hat die Sonnenwind Capital aus Köln.",
            "Sonnenwind Capital",
            Kind.ORGANISATION,
        ),
        # Curated lists: a declined adjective, parties, broadcasters, regions.
        ("Es schneit in der Fränkischen Schweiz.", "Fränkischen Schweiz", Kind.PLACE),
        (
            "Der Antrag des Technischen Hilfswerks kam spät.",
            "Technischen Hilfswerks",
            Kind.ORGANISATION,
        ),
        (
            "Das berichtete der Westdeutsche Rundfunk am Abend.",
            "Westdeutsche Rundfunk",
            Kind.ORGANISATION,
        ),
        ("Dafür stimmten auch die Freien Wähler im Landtag.", "Freien Wähler", Kind.ORGANISATION),
    ],
)
def test_news_patterns_find_the_whole_name(text: str, name: str, kind: Kind) -> None:
    assert (name, str(kind)) in names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A generic institution with no name after it, or a preposition between.
        ("Das Landgericht hat den Mann verurteilt.", "Landgericht"),
        ("Das Regierungspräsidium in Kassel prüft den Antrag.", "Regierungspräsidium in Kassel"),
        ("Die Staatsanwaltschaft Anklage erhoben.", "Staatsanwaltschaft Anklage"),
        ("Die Grundschule Am Montag fiel aus.", "Grundschule Am Montag"),
        # One of a kind, not a named body.
        ("Sie gründeten ein Institut für Meeresforschung.", "Institut für Meeresforschung"),
        # A club prefix before a common noun; a number that is not a year.
        ("Der SV Trainer blieb ruhig.", "SV Trainer"),
        ("Die Eintracht Frankfurt 2:1 besiegt.", "Eintracht Frankfurt 2"),
        # A hyphenated common noun before a head.
        ("Gesperrt ist die Auto-Brücke seit Montag.", "Auto-Brücke"),
        # A place adjective opening a sentence, not a square.
        ("Berliner Platz sparen war das Ziel.", "Berliner Platz"),
        # A legal form after a function word.
        ("Die AG tagte am Montag.", "Die AG"),
    ],
)
def test_news_patterns_leave_other_phrases_alone(text: str, absent: str) -> None:
    assert absent not in [surface for surface, _ in names(text)]


def test_a_name_after_an_area_word_is_a_place() -> None:
    # The model alone takes this one for a person.
    assert ("Quảng Ninh", Kind.PLACE) in names("Am Stand der Provinz Quảng Ninh gab es Tee.")


def test_a_name_after_a_company_word_is_an_organisation_throughout_the_text() -> None:
    text = (
        "Das Kölner Start-up Brightwell hat Geld eingesammelt. "
        "Mit dem Geld will Brightwell neue Stellen schaffen."
    )
    assert [kind for surface, kind in names(text) if surface == "Brightwell"] == [
        Kind.ORGANISATION,
        Kind.ORGANISATION,
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Bürgermeisterin Anna Schulte lobte den Plan.", "Anna Schulte", Kind.PERSON),
        # Found before the patterns, and found the same with them.
        ("Danach spielte Fortuna Köln unentschieden.", "Fortuna Köln", Kind.ORGANISATION),
        (
            "Der Antrag ging an die Europäischen Union zurück.",
            "Europäischen Union",
            Kind.ORGANISATION,
        ),
        ("Das Beben traf die Provinz Hakkari schwer.", "Hakkari", Kind.PLACE),
    ],
)
def test_names_found_without_the_patterns_stay(text: str, name: str, kind: Kind) -> None:
    assert (name, str(kind)) in names(text)


def test_declined_forms_of_curated_names_keep_their_capitals() -> None:
    candidates = place_candidates({})
    assert candidates["schwäbischen alb"][0] == "Schwäbische Alb"
    assert candidates["europäischen union"][0] == "Europäische Union"
    # A name without an adjective is not declined, only put in the genitive.
    assert "frankfurt am mains" in candidates
    assert "frankfurt an main" not in candidates
    # Lower-case, it is an adjective and a noun, not the name.
    assert ("europäischen union", "ORG") not in [
        (s.lower(), k) for s, k in names("die europäischen union-freunde")
    ]
