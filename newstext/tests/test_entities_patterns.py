"""News name patterns (`newstext.entities.patterns`) and the curated lists, through
find_mentions: each rule with a case it changes and a case it must leave alone. The
sentences are made up for these tests."""

from pathlib import Path

import pytest

from newstext.entities import FoundMention, Kind, Method, find_mentions, seed_matcher
from newstext.entities.evaluation import read_germeval
from newstext.entities.patterns import _PASSES, pattern_mentions
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
        # The wire services the text import knows (`newstext.datelines`).
        ("Frankfurt ([dpa-AFX/dpa]) - Die Aktie stieg.", ORG),
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
        # An institution in the genitive, a clinic, a diocese; a trade and its owner; the
        # police by the place it serves.
        ("Das Urteil des [Landgerichts Bremen] ist rechtskräftig.", ORG),
        ("Das Ensemble des [Staatstheaters Kassel] probt.", ORG),
        ("Sie wurde in die [Uniklinik Münster] geflogen.", ORG),
        ("Das [Bistum Limburg] legt einen Bericht vor.", ORG),
        ("Ein Lastwagen der [Spedition Brinkmann] kippte um.", ORG),
        ("Nach Angaben der [Polizei Bielefeld] gab es keine Verletzten.", ORG),
        # A place adjective and a main station or an orchestra.
        ("Am [Kölner Hauptbahnhof] fielen Züge aus.", LOC),
        ("Die [Münchner Philharmoniker] spielen Mahler.", ORG),
        # A foreign legal form; a museum named before its head word.
        ("Geliefert hat die [Novák Strojírny s.r.o.] aus Brünn.", ORG),
        # Forms the finder knows from `newstext.legal_forms`.
        ("Zum Fest laden die [Wanderfreunde Lindenau e.V.] am Sonntag ein.", ORG),
        ("Den Zuschlag erhielt die [Brinkmann Logistik OHG] aus Kassel.", ORG),
        ("Den Auftrag bekam die [Voltaro Robotics UG (haftungsbeschränkt)] aus Kassel.", ORG),
        ("Im [Folkwang Museum] hängt das Bild.", ORG),
        # A school named after one person.
        ("Am [Goethe-Gymnasium] fällt Unterricht aus.", ORG),
        # A motorway junction, districts.
        ("Ein Stau reicht bis zum [Kreuz Dortmund-West].", LOC),
        ("Im [Lindbergkreis] fehlen Ärzte.", LOC),
        ("Der [Ems-Vechte-Kreis] spart.", LOC),
        # Words shaped like place names after a preposition or joined to a place.
        ("Die Familie zog nach [Eschenweiler] um.", LOC),
        ("Es brannte in Bielefeld und [Grunzenmühlen].", LOC),
        # A club by its first word alone.
        ("Gestern siegte die [Borussia] klar.", ORG),
        # Quoted names typed by the noun before them; a party in quotes stays a party.
        ("Die Bürgerinitiative „[Grünes Tal]“ sammelt Unterschriften.", ORG),
        ("Im Gewerbegebiet „[Auf der Heide]“ entstehen Hallen.", LOC),
        ("Die Fraktion „[Die Linke]“ stimmte dagegen.", ORG),
        # Curated lists: international bodies, declined adjectives, parties abroad.
        ("Die [Weltgesundheitsorganisation] warnt vor Masern.", ORG),
        ("Das [Internationale Olympische Komitee] tagt in Lausanne.", ORG),
        ("In Österreich regieren ÖVP und [Neos].", ORG),
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
        # A cape is no agency ("KAP", Kathpress).
        "Die Fähre pendelt zwischen [Kap/Hafen] und Stadt.",
        # A unit after a number is no legal form.
        "Der Beschleuniger erreicht 13 [Billionen eV] Energie.",
        # The police before a person, not a place; a cross after a capitalised word.
        "Gestern hat die [Polizei Schmidt] festgenommen.",
        "Das Rote [Kreuz Bayern] hilft.",
        # "-kreis" and "-straße" after a common noun.
        "Das ist ein [Teufelskreis].",
        "Die [Umgehungsstraße] ist fertig.",
        # A club's first word as a common noun.
        "Sie lebten in [Eintracht] miteinander.",
        # Names inside a quoted title; an event.
        "Das Bild mit dem Titel „Morgen an der [Elbe]“ wurde verkauft.",
        "Die [Olympischen Sommerspiele] beginnen im Juli.",
        # The article of "die Grünen" at a sentence start; a compound holding a name.
        "[Die Grünen] und die SPD stimmten zu.",
        "Die [EU-Kommission] prüft den Fall.",
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


def model_name(text: str, surface: str, kind: Kind) -> FoundMention:
    """A name as the sequence model proposes it."""
    start = text.index(surface)
    return FoundMention(
        start=start,
        end=start + len(surface),
        surface=surface,
        kind=kind,
        method=Method.DISCOVERY,
        confidence=0.9,
        candidate=surface,
        evidence="sequence model (0.90)",
    )


def typed(text: str, mentions: list[FoundMention]) -> list[tuple[str, Kind]]:
    """The names and types the patterns give, each once."""
    return sorted({(m.surface, m.kind) for m in pattern_mentions(text, mentions)})


def test_a_genitive_before_a_quoted_title_is_its_author() -> None:
    text = "Gespielt wird Kleists „Der zerbrochne Krug“ in neuer Fassung."
    assert ("Kleists", PER) in typed(text, [model_name(text, "Kleists", LOC)])
    # A place before a quotation stays a place.
    text = "Sie sagte in Vilnius „Wir bleiben“."
    assert typed(text, [model_name(text, "Vilnius", LOC)]) == []


def test_a_word_taken_for_a_person_before_a_full_name_is_not_proposed() -> None:
    text = "Bäcker Jens Albers verkauft Brot."
    found = [model_name(text, "Bäcker", PER), model_name(text, "Jens Albers", PER)]
    assert typed(text, found) == [("Bäcker", Kind.OTHER)]
    text = "Albers und Jens Ott verkaufen Brot."
    assert typed(text, [model_name(text, "Albers", PER), model_name(text, "Jens Ott", PER)]) == []


def test_an_event_the_model_takes_for_an_organisation_is_not_proposed() -> None:
    text = "Die Olympischen Sommerspiele beginnen im Juli."
    found = [model_name(text, "Olympischen Sommerspiele", ORG)]
    assert typed(text, found) == [("Olympischen Sommerspiele", Kind.OTHER)]
    text = "Die Wirtschaftswoche berichtet."
    assert typed(text, [model_name(text, "Wirtschaftswoche", ORG)]) == []


def test_a_street_is_named_by_its_head_word_unless_it_is_a_kind_of_street() -> None:
    assert typed("Die Kirchgartenstraße wird gesperrt.", []) == [("Kirchgartenstraße", LOC)]
    assert typed("Die Umgehungsstraße wird gesperrt.", []) == []


def test_the_curated_lists_hold_whole_classes() -> None:
    candidates = place_candidates({})
    for name in (
        "Wesel",  # towns of about 40,000 and more
        "Bozen",  # German names of towns abroad
        "Oberstdorf",  # winter sports venues
        "Niederrhein",  # regions
        "Kurfürstendamm",  # streets known by name alone
        "Allianz Arena",  # stadiums
        "Kultusministerkonferenz",  # conferences of the Länder
        "Deutsche Bischofskonferenz",  # churches
        "Fraunhofer-Gesellschaft",  # research
        "Bundesliga",  # leagues
        "Welthandelsorganisation",  # international bodies
    ):
        assert candidates[name.lower()][0] == name
    # Towns whose names are common words; a name that opens with its article; a compound.
    for key in ("hof", "weiden", "die grünen", "eu-kommission"):
        assert key not in candidates


def test_a_name_word_after_an_area_word_that_nothing_found_is_a_place() -> None:
    assert typed("Die Region Talvenna hofft auf Gäste.", []) == [("Talvenna", LOC)]
    assert typed("Die Region Mitte hofft auf Gäste.", []) == []


def test_a_name_proposed_again_is_not_proposed_after_an_article() -> None:
    text = "Das Essen kochte ein Koch aus Lyon, sagte Koch."
    assert [kind for surface, kind in names(text) if surface == "Koch"] == [PER]
    text = "Koch lobte das Team. Später sagte Koch, es sei gut."
    assert [kind for surface, kind in names(text) if surface == "Koch"] == [PER, PER]


def test_a_pass_is_left_out_only_where_it_would_find_nothing() -> None:
    """`pattern_mentions` runs a pass only on a text holding one of its words
    (`patterns._PASSES`): run on every sentence of the blind news sets, each pass finds
    names only in sentences holding one of its words."""
    news = Path(__file__).parent / "data" / "news_entities"
    for file in ("news-de.tsv", "news-de-r2.tsv"):
        for sentence in read_germeval(news / file):
            text = " ".join(sentence.tokens)
            for find, words in _PASSES:
                if words is not None and list(find(text, [])):
                    assert any(word in text for word in words), (find.__name__, text)
