"""News name patterns (`newstext.entities.patterns`) and the curated lists, through
find_mentions: each rule with a case it changes and a case it must leave alone. The
sentences are made up for these tests."""

import pytest

from newstext.entities import Kind, find_mentions, seed_matcher
from newstext.entities.world import place_candidates

ORG, LOC, PER = Kind.ORGANISATION, Kind.PLACE, Kind.PERSON


def names(text: str) -> list[tuple[str, str]]:
    return [(m.surface, str(m.kind)) for m in find_mentions(text, matcher=seed_matcher())]


def unmarked(marked: str) -> tuple[str, str]:
    """A case's sentence without the brackets that mark its name, and that name."""
    name = marked[marked.index("[") + 1 : marked.index("]")]
    return marked.replace("[", "").replace("]", ""), name


@pytest.mark.parametrize(
    ("marked", "kind"),
    [
        # An agency credit with its regional service: one organisation.
        ("Kassel ([dpa/lhe]) - Der Bus kam zu spät.", ORG),
        ("Paris ([AFP/dpa]) - Die Wahl ist entschieden.", ORG),
        # An institution word and the place it serves.
        ("Das [Landgericht Kassel] hat den Mann verurteilt.", ORG),
        ("Ermittelt hat das [Polizeipräsidium Mittelhessen].", ORG),
        ("Die [Stadtwerke Bochum] erhöhen die Preise.", ORG),
        ("An der [Gesamtschule Am Stadtpark] fällt Unterricht aus.", ORG),
        # A public body named by its task, with the state it serves.
        ("Gewarnt hat das [Bundesamt für Strahlenschutz] am Montag.", ORG),
        ("Das teilte das [Landesamt für Statistik Niedersachsen] mit.", ORG),
        ("Zuständig ist das [Bayerische Staatsministerium für Unterricht und Kultus].", ORG),
        # A club by its prefix, with its founding year.
        ("Am Samstag gewann der [SV Darmstadt 98] klar.", ORG),
        ("Der [1. FC Nürnberg] verlor.", ORG),
        # A building named after a person, or a bridge after a place.
        ("Gespielt wird im [Fritz-Walter-Stadion] vor vollen Rängen.", LOC),
        ("Sie lag im [Sankt-Josef-Hospital] auf der Station.", ORG),
        ("Gesperrt ist die [Rügen-Brücke] seit Montag.", LOC),
        # A square or port by a place adjective.
        ("Sie trafen sich auf dem [Kasseler Platz] zum Protest.", LOC),
        # A company by its legal form or head word.
        ("Investiert hat die [Sonnenwind Capital] aus Köln.", ORG),
        # Curated lists: a declined adjective, parties, broadcasters, regions.
        ("Es schneit in der [Fränkischen Schweiz].", LOC),
        ("Der Antrag des [Technischen Hilfswerks] kam spät.", ORG),
        ("Das berichtete der [Westdeutsche Rundfunk] am Abend.", ORG),
        ("Dafür stimmten auch die [Freien Wähler] im Landtag.", ORG),
        # Names found before the patterns, found the same with them.
        ("Bürgermeisterin [Anna Schulte] lobte den Plan.", PER),
        ("Danach spielte [Fortuna Köln] unentschieden.", ORG),
        ("Der Antrag ging an die [Europäischen Union] zurück.", ORG),
        ("Das Beben traf die Provinz [Hakkari] schwer.", LOC),
    ],
)
def test_news_patterns_find_the_whole_name(marked: str, kind: Kind) -> None:
    text, name = unmarked(marked)
    assert (name, str(kind)) in names(text)


@pytest.mark.parametrize(
    "marked",
    [
        # A generic institution with no name after it, or a preposition between.
        "Das [Landgericht] hat den Mann verurteilt.",
        "Das [Regierungspräsidium in Kassel] prüft den Antrag.",
        "Die [Staatsanwaltschaft Anklage] erhoben.",
        "Die [Grundschule Am Montag] fiel aus.",
        # One of a kind, not a named body.
        "Sie gründeten ein [Institut für Meeresforschung].",
        # A club prefix before a common noun; a number that is not a year.
        "Der [SV Trainer] blieb ruhig.",
        "Die [Eintracht Frankfurt 2]:1 besiegt.",
        # A hyphenated common noun before a head.
        "Gesperrt ist die [Auto-Brücke] seit Montag.",
        # A place adjective opening a sentence, not a square.
        "[Berliner Platz] sparen war das Ziel.",
        # A legal form after a function word.
        "[Die AG] tagte am Montag.",
    ],
)
def test_news_patterns_leave_other_phrases_alone(marked: str) -> None:
    text, absent = unmarked(marked)
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
