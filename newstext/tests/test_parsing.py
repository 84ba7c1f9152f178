import datetime
import json
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newstext.decoding import decode_article_bytes, normalise_text
from newstext.parsing import (
    BlockKind,
    DatePrecision,
    count_words,
    derive_title,
    is_heading,
    parse_article,
    shorten,
    split_glued_headings,
)
from newstext.tests.support import headings, paragraphs


def test_day_date_prefix_is_metadata_not_body():
    parsed = parse_article(" date 2025-10-10 Wladimir Putin hat gesprochen.")
    assert parsed.published_on == datetime.date(2025, 10, 10)
    assert parsed.date_precision is DatePrecision.DAY
    assert parsed.body == "Wladimir Putin hat gesprochen."


def test_month_date_prefix_keeps_month_precision():
    parsed = parse_article(" date 2023-09 Im Kriegsgebiet fielen Schüsse.")
    assert parsed.published_on == datetime.date(2023, 9, 1)
    assert parsed.date_precision is DatePrecision.MONTH


def test_impossible_date_is_left_in_the_text():
    parsed = parse_article(" date 2023-13-45 Text folgt.")
    assert parsed.published_on is None
    assert parsed.date_precision is DatePrecision.UNKNOWN
    assert parsed.body.startswith("date 2023-13-45")


@pytest.mark.parametrize(
    ("line", "place", "publisher", "cited"),
    [
        ("Duschanbe (dpa) – Putin reiste an.", "Duschanbe", "dpa", []),
        ("Berlin/Moskau (dpa/AFP) - Die Lage blieb ruhig.", "Berlin/Moskau", "dpa", ["AFP"]),
        ("Frankfurt am Main (Reuters) — Kurse fielen.", "Frankfurt am Main", "Reuters", []),
        ("(Reuters) - Der Konzern senkt die Prognose.", "", "Reuters", []),
        ("BERLIN (AFP) - Die Regierung plant.", "Berlin", "AFP", []),
        ("FRANKFURT AM MAIN (Reuters) - Kurse fielen.", "Frankfurt am Main", "Reuters", []),
        ("USA (AP) - Die Wahl beginnt.", "USA", "AP", []),
        # dpa's regional services are dpa; another agency after dpa is cited.
        ("Hamburg (dpa/lno) - Der Hafen wächst.", "Hamburg", "dpa", []),
        ("Stuttgart (dpa/lsw/AFP) - Es regnet.", "Stuttgart", "dpa", ["AFP"]),
        ("Bonn (dpa/epd) - Die Kirche tagt.", "Bonn", "dpa", ["epd"]),
        ("Paris (AFP/lno) - Unklar.", "Paris", "AFP", ["lno"]),
        # Church and other services close a dateline with a full stop or nothing.
        ("Erfurt (epd). Die Kirchen rufen auf.", "Erfurt", "epd", []),
        ("Bonn (KNA) Das Bistum legt vor.", "Bonn", "KNA", []),
        ("MAINZ (dpa/lrs). Der Landtag tagt.", "Mainz", "dpa", []),
    ],
)
def test_dateline_gives_place_and_agency(line, place, publisher, cited):
    parsed = parse_article(line)
    assert parsed.dateline_place == place
    assert parsed.publisher_name == publisher
    assert parsed.cited_source_names == cited
    assert "(" not in parsed.body


@pytest.mark.parametrize(
    "text",
    [
        "Der Präsident (links) sagte – wie erwartet – wenig.",
        # Without a dash only a wire agency closes a dateline, not a party or an acronym.
        "Olaf Muster (SPD) Der Abgeordnete sprach lange.",
        "Die Zentralbank (EZB). Die Zinsen bleiben.",
    ],
)
def test_parenthesis_that_names_no_agency_is_no_dateline(text):
    parsed = parse_article(text)
    assert parsed.dateline_place == ""
    assert parsed.publisher_name == ""
    assert parsed.body.startswith(text.split(" ", 1)[0])


def test_sources_trailer_is_removed_and_split():
    parsed = parse_article("Ein Absatz.\nQuellen: The Moscow Times, Digi24 und Euronews")
    assert parsed.cited_source_names == ["The Moscow Times", "Digi24", "Euronews"]
    assert "Quellen" not in parsed.body


def test_boilerplate_lines_are_dropped_and_listed():
    parsed = parse_article("Erster Absatz.\nGerade lesen andere\nZweiter Absatz.\nLESEN SIE AUCH:")
    assert parsed.body == "Erster Absatz.\n\nZweiter Absatz."
    assert parsed.dropped_lines == ["Gerade lesen andere", "LESEN SIE AUCH:"]


def test_boilerplate_line_with_a_long_tail_of_dots_is_dropped():
    # Longer than any boilerplate line as written, the same line once its dots are cut.
    line = "Weiterlesen " + "." * 80
    parsed = parse_article(f"Erster Absatz.\n{line}\nZweiter Absatz.")
    assert parsed.body == "Erster Absatz.\n\nZweiter Absatz."
    assert parsed.dropped_lines == [line]


def test_blank_line_runs_collapse_into_one_paragraph_break():
    parsed = parse_article("Erster Absatz.\n\n\n\n\nZweiter Absatz.")
    assert parsed.body == "Erster Absatz.\n\nZweiter Absatz."
    assert [b.kind for b in parsed.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wachsende Unruhe", True),
        ("Putin: Flugzeug nicht direkt von Raketen getroffen", True),
        ("Der Vorfall hat das Verhältnis stark belastet.", False),
        ("„So sagte er“", False),
        ("klein geschrieben ohne Punkt", False),
        # A fact box's label and figure is text; a heading may hold a figure.
        ("Zuschauer: 8412", False),
        ("Preis: 15 Euro", False),
        ("Gießen: 34-Jähriger festgenommen", True),
        ("Bilanz: 2026 war gut", True),
        (
            "Ein sehr langer Satz ohne Punkt am Ende der aber viel zu viele Wörter hat um eine Zwischenüberschrift zu sein",
            False,
        ),
    ],
)
def test_heading_shape(line, expected):
    assert is_heading(line) is expected


def test_glued_heading_is_split_out_of_its_paragraph():
    paragraph = (
        "Er sei überzeugt, dass die Menschen das positiv aufnehmen würden. "
        "Putin: Flugzeug nicht direkt von Raketen getroffen Die Ermittlungen seien abgeschlossen."
    )
    assert split_glued_headings(paragraph) == [
        (BlockKind.PARAGRAPH, "Er sei überzeugt, dass die Menschen das positiv aufnehmen würden."),
        (BlockKind.HEADING, "Putin: Flugzeug nicht direkt von Raketen getroffen"),
        (BlockKind.PARAGRAPH, "Die Ermittlungen seien abgeschlossen."),
    ]


def test_colon_inside_ordinary_sentences_is_not_split():
    paragraph = "Er nannte zwei Gründe: Zum einen sei eine Drohne in der Luft gewesen. Das stimmt."
    assert split_glued_headings(paragraph) == [(BlockKind.PARAGRAPH, paragraph)]


def test_blocks_are_ranges_of_the_body():
    parsed = parse_article("Erster Absatz.\nZwischentitel\nZweiter Absatz mit 38 Toten.")
    texts = [parsed.body[b.start : b.end] for b in parsed.blocks]
    assert texts == ["Erster Absatz.", "Zwischentitel", "Zweiter Absatz mit 38 Toten."]
    assert headings(parsed) == ["Zwischentitel"]


def test_heading_on_the_first_line_is_the_title():
    parsed = parse_article(
        "Kreml räumt Fehler ein\nPutin sprach mit Aliyev. Es ging um Entschädigung."
    )
    assert parsed.title == "Kreml räumt Fehler ein"
    assert parsed.title_derived is False
    assert parsed.body == "Putin sprach mit Aliyev. Es ging um Entschädigung."


def test_title_is_derived_from_the_first_sentence():
    parsed = parse_article("Am 20. September sprach Putin mit Aliyev. Danach nicht mehr.")
    assert parsed.title == "Am 20. September sprach Putin mit Aliyev"
    assert parsed.title_derived is True


def test_long_title_is_shortened_at_a_word_boundary():
    title = derive_title([(BlockKind.PARAGRAPH, "Wort " * 60 + "Ende.")])
    assert len(title) <= 120
    assert title.endswith("Wort…")


def test_shorten_keeps_short_text():
    assert shorten("Kurz", 10) == "Kurz"
    assert shorten("eins zwei drei vier", 12) == "eins zwei…"


def test_word_count_counts_hyphenated_words_once():
    assert parse_article("Die Kreml-Angaben nennen 38 Tote.").word_count == 5


# What a word is, as a regular expression: count_words must count exactly its matches.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Joiners single, doubled, at the ends; word characters ASCII and not, underscores,
# digits of other scripts, combining marks, non-breaking and other spaces, quotes,
# dashes, a lone surrogate (decoding keeps undecodable bytes so), NUL and controls.
WORD_EDGES = st.sampled_from(
    [*"ab_-'’ .,;/()\n\t\x00\x7f", *"äßé٣²„“«»–—…", "\xa0", "\u2009", "\u0301", "😀", "\ud800"]
)


@given(st.text(WORD_EDGES, max_size=40))
def test_word_count_is_the_number_of_words_the_pattern_finds(text):
    assert count_words(text) == len(WORD.findall(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("Kreml-Angaben: 38 Tote", 3),
        ("geht’s, geht's", 2),
        ("a--b -c d- e-f-g", 5),
        ("„Zitat“ – Straße…", 2),
        ("x\u0301y", 2),  # a combining mark is no word character
        ("snake_case 2024", 2),
    ],
)
def test_word_count_examples(text, words):
    assert count_words(text) == words


# Wire and CMS shapes (the cases in data/formats/text/ and the sides each rule must keep).


def test_head_of_date_line_title_and_byline_before_the_dateline():
    parsed = parse_article(
        "07.12.2026, 14:03 Uhr\n\nRat beschließt neue Brücke\n\nVon Eva Muster, dpa\n\n"
        "Kornhausen (dpa/lnw) - Der Rat hat entschieden.\n\nDer Bau beginnt 2028."
    )
    assert parsed.published_on == datetime.date(2026, 12, 7)
    assert parsed.date_precision is DatePrecision.DAY
    assert parsed.title == "Rat beschließt neue Brücke"
    assert parsed.byline == "Eva Muster"
    assert (parsed.dateline_place, parsed.publisher_name) == ("Kornhausen", "dpa")
    assert paragraphs(parsed) == ["Der Rat hat entschieden.", "Der Bau beginnt 2028."]
    assert parsed.dropped_lines == ["07.12.2026, 14:03 Uhr", "Von Eva Muster, dpa"]


@pytest.mark.parametrize(
    "line",
    [
        "Montag, 7. Dezember 2026",
        "7.12.2026",
        "Dienstag, 08.12.2026 um 9.30 Uhr",
        "Do., 10. Dez. 2026 um 16:58 Uhr",  # the weekday cut, as mail programs write it
        # A CMS labels the date of its last change.
        "Stand: 07.12.2026, 18:30 Uhr",
        "Aktualisiert am 7. Dezember 2026, 9:15 Uhr",
        "07.12.2026 – 14:03",  # as news aktuell's press portal prints it
        "07.12.2026 | 14:03 Uhr",
        "Sendedatum: 07.12.2026, 07:15 Uhr",  # a broadcast transcript's
    ],
)
def test_german_date_lines_on_top_are_the_published_date(line):
    parsed = parse_article(f"{line}\nDie Stadt baut. Der Rat hat entschieden.")
    assert parsed.published_on is not None
    assert parsed.body == "Die Stadt baut. Der Rat hat entschieden."


def test_a_first_paragraph_that_starts_with_a_date_is_kept():
    text = "07.12.2026: Die Stadt hat entschieden.\nDer Bau beginnt 2028."
    parsed = parse_article(text)
    assert parsed.published_on is None
    assert parsed.body == "07.12.2026: Die Stadt hat entschieden.\n\nDer Bau beginnt 2028."


@pytest.mark.parametrize(
    ("line", "byline", "publisher"),
    [
        # Without a dateline, the byline's agency is the publisher.
        ("Von Eva Muster und Tom Beispiel, AFP", "Eva Muster und Tom Beispiel", "AFP"),
        ("Von Eva Muster, Brüssel", "Eva Muster", ""),  # the reporter's place
    ],
)
def test_byline_names_and_agency(line, byline, publisher):
    parsed = parse_article(f"{line}\nDie Kommission hat entschieden.")
    assert (parsed.byline, parsed.publisher_name) == (byline, publisher)


def test_a_first_sentence_starting_with_von_is_no_byline():
    parsed = parse_article("Von Montag an gilt die Regel\nDie Stadt hat entschieden.")
    assert parsed.byline == ""
    assert "Von Montag an gilt die Regel" in parsed.title + parsed.body


def test_a_labelled_byline_counts_only_after_the_title():
    parsed = parse_article("Interview: Olaf Beispiel\n\nFrage: Wie geht es? Antwort: Gut.")
    assert parsed.title == "Interview: Olaf Beispiel"
    assert parsed.byline == ""
    parsed = parse_article("Gute Frage\n\nInterview: Lena Muster\n\nFrage: Wie geht es?")
    assert parsed.byline == "Lena Muster"


def test_title_set_apart_may_end_in_a_quote():
    parsed = parse_article('"Wir brauchen mehr Platz"\n\nKassel (dpa) - Der Beauftragte will Wege.')
    assert parsed.title == '"Wir brauchen mehr Platz"'
    assert parsed.dateline_place == "Kassel"
    assert parsed.body == "Der Beauftragte will Wege."


def test_agency_footer_lines_are_dropped():
    parsed = parse_article(
        "Berlin (dpa) - Der Rat hat entschieden.\n\nDer Bau beginnt 2028.\n\n"
        "dpa abc xyz n1 kno\n© dpa-infocom, dpa:261207-930-12345/2"
    )
    assert paragraphs(parsed) == ["Der Rat hat entschieden.", "Der Bau beginnt 2028."]
    assert parsed.dropped_lines == ["© dpa-infocom, dpa:261207-930-12345/2", "dpa abc xyz n1 kno"]


@pytest.mark.parametrize(
    "footer",
    [
        "dpa-infocom, dpa:261207-930-67890/1",  # the wire item's number, without ©
        "Beispiel-Nachrichten GmbH",  # the sending company's name alone
        "Agentur Muster AG",
        "(SBi)",  # the writer's initials, as a press office signs a release
        "Stadtwerke Lindenau GmbH · Markt 1 · 12345 Lindenau · HRB 1234",  # an imprint
        "(jk/lm)",
        "Bürgerverein Lindenau e. V.",  # an association's name with its legal form
        "Lahn-Bote GmbH & Co. KG",  # forms the line knows from `newstext.legal_forms`
        "Lindenauer Software UG (haftungsbeschränkt)",
        # A CMS export's fields for the newsroom after the text.
        "Schlagworte: Stadtrat; Nahverkehr; Haushalt 2027",
        "Verwandte Artikel: 2026-11-0047719; 2026-10-0046102",
    ],
)
def test_item_number_and_company_lines_after_the_text_are_footers(footer):
    parsed = parse_article(f"Berlin (dpa) - Der Rat hat entschieden.\n\n{footer}")
    assert parsed.body == "Der Rat hat entschieden."
    assert parsed.dropped_lines == [footer]


def test_reporters_credit_in_parentheses_is_the_byline():
    parsed = parse_article(
        "(Reuters) - Der Konzern senkt die Prognose.\n"
        "(Bericht von Tom Muster, redigiert von Eva Beispiel. Bei Rückfragen an die Redaktion)"
    )
    assert parsed.byline == "Tom Muster"
    assert parsed.body == "Der Konzern senkt die Prognose."


@pytest.mark.parametrize(
    "last",
    [
        "(Die Namen wurden von der Redaktion geändert.)",
        "Ende offen",
        "Copyright-Streit geht weiter.",
        "Der Konzern wird eine AG",
        "Der Laden wird eine UG (haftungsbeschränkt)",
        "(Berichtigung folgt.)",
        "(SPD – 12 Sitze)",  # a party is no agency
        "(CDU)",  # nor are its capitals initials
        "(mehr als 20 Verletzte)",
        "Das Ende der Meldung kam spät.",
        "Die Seite wird aktualisiert, sagte der Sprecher.",
        "Anmerkung der Redaktion: Die Namen wurden geändert.",
        "Die Nachricht wurde über Funk verbreitet.",
        "Die Regierung macht sich die Äußerungen des Ministers nicht zu eigen.",
        "Sie erhalten die Unterlagen per Post.",
        "Eintritt frei · Beginn 19 Uhr · Stadthalle",  # parts, but no address: no imprint
    ],
)
def test_a_last_paragraph_of_text_is_no_footer(last):
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{last}")
    assert parsed.body.endswith(last)


def test_a_text_of_one_footer_shaped_line_is_kept():
    assert parse_article("ab cd").body == "ab cd"


def test_short_lines_set_apart_ending_in_a_question_or_colon_are_headings():
    parsed = parse_article(
        "Berlin (dpa) - Es gibt neue Regeln.\n\nWas ändert sich?\n\nDie Preise sinken.\n\n"
        "Wie es weitergeht:\n\nDer Rat entscheidet."
    )
    assert headings(parsed) == ["Was ändert sich?", "Wie es weitergeht:"]


def test_interview_turns_and_lines_in_running_text_stay_paragraphs():
    parsed = parse_article(
        "Berlin (dpa) - Ein Gespräch.\n\nFrage: Wie geht es weiter?\n\nAntwort: Gut.\n\n"
        "Wie der Sprecher des Verbands am Abend sagte, sind das diese Punkte:\n- Erstens das.\n"
        "- Zweitens dies."
    )
    # A sentence leading into a list on the line above its first item is running text;
    # a short label there is the list's heading (see test_a_short_label_over_a_list).
    assert headings(parsed) == []
    # Without blank lines around it, a question is a paragraph of its own, as before.
    assert headings(parse_article("Er fragte.\nWas ändert sich?\nNichts.")) == []


FIRST = (
    "Der Stadtrat von Kornhausen hat am Montag den Ausbau der Straßenbahnlinie 4 bis in"
    " den Stadtteil Nordheim beschlossen. Für das Projekt stimmten 38 der 52 Ratsmitglieder."
)
SECOND = (
    "Oberbürgermeisterin Helga Brandt sprach von einem historischen Tag für den Nahverkehr."
    " Die Bauarbeiten sollen im Frühjahr 2028 beginnen und drei Jahre dauern."
)
SHORT = "Der Rat tagt wieder im Mai."


def test_short_line_set_apart_over_a_list_is_its_heading():
    parsed = parse_article(
        "Berlin (dpa) - Der Markt öffnet.\n\nNeu in diesem Jahr:\n\n"
        "• eine Eisbahn\n• längere Öffnungszeiten\n\nDer Eintritt ist frei."
    )
    assert headings(parsed) == ["Neu in diesem Jahr:"]
    assert paragraphs(parsed)[1:3] == ["• eine Eisbahn", "• längere Öffnungszeiten"]


def test_hard_wrapped_lines_are_joined_and_real_breaks_kept():
    text = "\n".join(
        [
            textwrap.fill(f"Kornhausen (dpa) - {FIRST}", 72),
            SHORT,
            "",
            "Zwischentitel",
            "",
            textwrap.fill(SECOND, 72),
            "- Ein Punkt einer Liste",
        ]
    )
    parsed = parse_article(text)
    assert paragraphs(parsed) == [FIRST, SHORT, SECOND, "- Ein Punkt einer Liste"]
    assert headings(parsed) == ["Zwischentitel"]


def test_a_line_near_the_width_that_stops_mid_sentence_is_wrapped():
    # Wrapped by hand at 74: "Stadt" and "und" would have fitted, the lines were cut.
    text = (
        "Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen.\n\n"
        "Die Kämmerin sprach von einem schwierigen Jahr für die Stadt. Die\n"
        "Stadt müsse sparen, sagte sie in der Sitzung des Rates am Abend in\n"
        "Lindenau.\n\n"
        "Die Opposition stimmte dagegen. Sie hält die Pläne für zu wenig mutig\n"
        "und fordert mehr Geld für Schulen."
    )
    parsed = parse_article(text)
    assert [p.split()[-1] for p in paragraphs(parsed)] == ["beschlossen.", "Lindenau.", "Schulen."]
    assert headings(parsed) == []


def test_short_lines_of_a_text_that_is_not_wrapped_stay_apart():
    # One line longer than any wrap width: the lines are as their writer broke them.
    text = "Stadt Lindenau\nRat im Rathaus\n\n" + "Der Rat hat entschieden. " * 6 + "\nEnde."
    parsed = parse_article(text)
    # Two lines, not one: the sender's name over the headline, above the text.
    assert (parsed.title, headings(parsed)) == ("Rat im Rathaus", [])
    assert "Stadt Lindenau" in parsed.dropped_lines


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("EIL: Gericht stoppt Gesetz", "Gericht stoppt Gesetz"),
        ("Eilmeldung - Gericht stoppt Gesetz", "Gericht stoppt Gesetz"),
        ("+++ EIL +++ Gericht stoppt Gesetz", "Gericht stoppt Gesetz"),
        ("Titel: Zehn Jahre Bibliothek", "Zehn Jahre Bibliothek"),
        ("Hafen wächst weiter (Zusammenfassung)", "Hafen wächst weiter"),
        ("Hafen wächst weiter (2. Zusammenfassung 1200)", "Hafen wächst weiter"),
        ("(Korrektur) Hafen wächst weiter", "Hafen wächst weiter"),
        ("Hafen wächst weiter (neu: mit Zahlen)", "Hafen wächst weiter"),
        ("Hafen wächst weiter =", "Hafen wächst weiter"),  # dpa's end of a headline
        # Words like the labels that are the title's own stay.
        ("Blitz schlägt in Kirche ein", "Blitz schlägt in Kirche ein"),
        ("Eil-Verfahren gegen Minister", "Eil-Verfahren gegen Minister"),
        ("Neuer Bürgermeister (Neu-Ulm)", "Neuer Bürgermeister (Neu-Ulm)"),
        ("Zusammenfassung der Woche", "Zusammenfassung der Woche"),
        # A press office's sender code, as distribution services print it.
        ("POL-GI: Einbruch in Bäckerei", "Einbruch in Bäckerei"),
        ("FW-M: Brand in Keller", "Brand in Keller"),
        ("CDU-Chef: Wir bleiben", "CDU-Chef: Wir bleiben"),
        # Reuters's kind or version glued on by a hyphen.
        ("UPDATE 1-Konzern senkt Prognose", "Konzern senkt Prognose"),
        ("RPT-Konzern senkt Prognose", "Konzern senkt Prognose"),
        ("US-Konzern senkt Prognose", "US-Konzern senkt Prognose"),
    ],
)
def test_wire_and_cms_labels_are_taken_off_the_title(line, title):
    parsed = parse_article(f"{line}\n\nBerlin (dpa) - Der Rat hat entschieden.")
    assert parsed.title == title
    assert parsed.body == "Der Rat hat entschieden."


@pytest.mark.parametrize(
    "line",
    [
        "PRESSEMITTEILUNG",
        "Presseinformation Nr. 12/2026",
        "Gemeinsame Medienmitteilung:",
        "Ressort: Kultur/Lokales",
        "Schlagwörter: Bibliothek, Jubiläum",
        "Redaktionshinweis: Die Ministerin stellt den Plan am Dienstag vor.",
        "Sperrfrist: 8. Dezember, 10.00 Uhr",
        "Korrektur: Im zweiten Absatz wurde der Name berichtigt.",
        # A wire's subject slug and transmission codes, a press office's name.
        "Deutschland/Parteien/Bundestag",
        "Fußball/3. Liga/",
        "bdt0123 4 pl 345 dpa 0456",
        "Pressestelle",
        "Presse- und Öffentlichkeitsarbeit der Stadt Lindenau",
        # A CMS export's fields for the newsroom (its key's last part may name it: an id),
        # a mail's recipient, the sending company's name, a note signed by an editor.
        "Artikel-ID: 2026-12-0048213",
        "Status: freigegeben",
        "An: Nachrichtendesk <desk@zeitung.example>",
        "Stadtwerke Lindenau GmbH",
        "Lahn-Bote GmbH & Co. KG",
        "Bitte für Samstag einplanen, das Bild kommt separat. /mk",
        # A broadcast transcript's kind and fields.
        "TRANSKRIPT",
        "Sendemanuskript",
        "Sendung: Am Abend – Nachrichten aus der Region",
        "Moderation: Eva Muster",
        "Gast: Dr. Tom Beispiel, Verkehrsforscher, Lindenau",
    ],
)
def test_lines_on_top_for_the_newsroom_are_no_title_or_text(line):
    parsed = parse_article(f"{line}\n\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert parsed.title == "Rat beschließt Brücke"
    assert parsed.body == "Der Rat hat entschieden."
    assert parsed.dropped_lines == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Anmerkung der Redaktion: Die Namen wurden geändert.",  # a note to readers
        "Pressemitteilungen der Polizei nennen keine Namen.",
        "Seitenweise Akten lagen vor.",
        "Transkripte belegen die Absprache.",
        "Moderation: Guten Morgen, Frau Beispiel. Wie geht es Ihnen?",  # the host's turn
        "und dann kam alles anders",
    ],
)
def test_sentences_on_top_like_newsroom_lines_stay_text(line):
    parsed = parse_article(f"Rat beschließt Brücke\n\n{line}\n\nDer Rat hat entschieden.")
    assert paragraphs(parsed)[0] == line


@pytest.mark.parametrize(
    "line",
    [
        "Berlin/Moskau: Gespräche vertagt",
        "Pressestelle schweigt zu Vorwürfen",
        "dpa meldet Rekord",
        "AFP Deutschland streikt",
        "dpa-Umfrage: Mehrheit für Tempolimit",
        "Neue Chefin für Lindenau GmbH",  # no company's name alone
        "Miete steigt auf 12 Euro/qm",  # no editor's initials after a blank
        "Wahl am 10.12.2026",  # a date with a word: no line numbering the item
    ],
)
def test_titles_like_slugs_service_or_office_lines_stay_the_title(line):
    parsed = parse_article(f"{line}\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.dropped_lines) == (line, [])


@pytest.mark.parametrize(
    "footer",
    [
        "Redaktionshinweis: Die Ministerin stellt den Plan vor. dpa wird berichten.",
        "Hinweis für Redaktionen: Fotos stehen zum Download bereit.",
        # the labels ninjs items use too
        "Redaktionelle Hinweise: Fotos stehen im Bildportal.",
        "Notes to editors: Photos are available.",
        "(KNA – lmk-85-00412)",
        "(epd 123/2026)",
        "(Ende)",
        "- Ende -",
        "+++ Diese Meldung wird aktualisiert +++",
        "Dieser Artikel wird laufend aktualisiert.",
        "(mehr)",
        # A distribution service's line closing the press release it sent.
        "Original-Content von: Stadtwerke Lindenau, übermittelt durch news aktuell",
        "OTS: Stadtwerke Lindenau",
        # A broadcaster's disclaimer closing an interview's transcript.
        "Das Gespräch wurde gekürzt. Äußerungen unserer Gesprächspartner geben deren eigene "
        "Auffassung wieder; Radio Lindenau macht sich Äußerungen seiner Gäste nicht zu eigen.",
    ],
)
def test_notes_to_editors_codes_and_end_markers_after_the_text_are_footers(footer):
    parsed = parse_article(f"Berlin (dpa) - Der Rat hat entschieden.\n\n{footer}\n\ndpa lno xy")
    assert parsed.body == "Der Rat hat entschieden."
    assert parsed.dropped_lines == ["dpa lno xy", footer]


def test_press_release_head_dateline_and_contact_block():
    parsed = parse_article(
        "PRESSEMITTEILUNG\n\nStadtwerke bauen Speicher\n\n"
        "Lindenau, 7. Dezember 2026 – Die Stadtwerke bauen einen Speicher.\n\n"
        "Der Bau beginnt 2027.\n\n"
        "Pressekontakt:\nStadtwerke Lindenau GmbH\nEva Muster\nTelefon: 01234 5678-9\n"
        "E-Mail: presse@stadtwerke.example"
    )
    assert parsed.title == "Stadtwerke bauen Speicher"
    assert (parsed.dateline_place, parsed.publisher_name) == ("Lindenau", "")
    assert parsed.published_on == datetime.date(2026, 12, 7)
    assert paragraphs(parsed) == ["Die Stadtwerke bauen einen Speicher.", "Der Bau beginnt 2027."]
    assert "Eva Muster" in parsed.dropped_lines


@pytest.mark.parametrize(
    "label",
    [
        "Pressekontakt:",
        "Für Rückfragen:",
        "Kontakt für Medien: Eva Muster",
        "Rückfragen bitte an:",
        "Bei Rückfragen wenden Sie sich bitte an:",
        "Pressesprecherin:",
        "V.i.S.d.P.: Olaf Muster, Vorsitzender",  # who answers for it under press law
    ],
)
def test_contact_block_for_journalists_after_the_text_is_dropped(label):
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{label}\nEva Muster\nTel. 01234 5678")
    assert parsed.body == "Der Rat hat entschieden."


def test_contact_lines_for_readers_or_before_more_text_stay():
    # Readers' contact is text; a label followed by a paragraph is not the end.
    text = "Der Rat hat entschieden.\n\nKontakt: Bürgerbüro, Telefon 01234 5678"
    assert parse_article(text).body.endswith("Telefon 01234 5678")
    long = (
        "Die Stadt lädt alle Bürgerinnen und Bürger zu einer Versammlung im Rathaus ein, sagte sie."
    )
    text = f"Der Rat hat entschieden.\n\nRückfragen:\nEva Muster\n\n{long}"
    assert parse_article(text).body.endswith(long)


@pytest.mark.parametrize(
    ("line", "place", "agency", "published"),
    [
        ("BERLIN, 7. Dezember (Reuters) - Der Konzern senkt.", "Berlin", "Reuters", None),
        ("Hamburg, 07.12.2026 (dpa) - Der Hafen wächst.", "Hamburg", "dpa", "2026-12-07"),
        ("Lindenau, den 7. Dezember 2026 – Die Stadt baut.", "Lindenau", "", "2026-12-07"),
        ("TRIER. Der Stadtrat hat entschieden.", "Trier", "", None),
        ("BAD KREUZNACH. Der Kreistag tagt.", "Bad Kreuznach", "", None),
    ],
)
def test_datelines_with_a_date_or_in_capitals(line, place, agency, published):
    parsed = parse_article(f"Rat beschließt Brücke\n\n{line}")
    assert (parsed.dateline_place, parsed.publisher_name) == (place, agency)
    assert (parsed.published_on.isoformat() if parsed.published_on else None) == published
    assert parsed.body == line.split(" - ", 1)[-1].split(" – ", 1)[-1].split(". ", 1)[-1]


@pytest.mark.parametrize(
    "line",
    [
        "Anna Muster – die Kanzlerin – sprach lange.",  # a dash without a date
        "Lindenau, 3. Liga – Der Verein gewann.",  # an ordinal, no month
        "EU. Die Kommission plant.",  # two capitals: an abbreviation
        "Der Rat hat entschieden.",
    ],
)
def test_openings_like_datelines_stay_text(line):
    parsed = parse_article(f"Rat beschließt Brücke\n\n{line}")
    assert parsed.dateline_place == ""
    assert parsed.body == line


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        # teaser lines to other articles
        ("Lesen Sie auch: Stadtrat streitet über Parkgebühren", True),
        ("Mehr zum Thema: Wie teuer wird der Winter?", True),
        ("Lesen Sie auch, was die Experten sagen.", False),
        ("Mehr zum Thema: Die Stadt hat entschieden. Der Rat tagt im Mai.", False),
        # captions and photo credits
        ("Foto: Kerstin Muster", True),
        ("Bildunterschrift: Der Rat bei seiner Sitzung.", True),
        ("(Foto: dpa)", True),
        ("Fotos zeigen den Brand.", False),
        ("Foto-Ausstellung: Der Verein lädt ein.", False),
    ],
)
def test_teaser_lines_captions_and_photo_credits_between_paragraphs_are_no_text(line, dropped):
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{line}\n\nDer Bau beginnt 2028.")
    assert (line in parsed.dropped_lines, line in parsed.body) == (dropped, not dropped)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("071514 DEZ 26", "2026-12-07"),
        ("071514Z DEC 2026", "2026-12-07"),
        ("312359 MRZ 27", "2027-03-31"),
    ],
)
def test_wire_transmission_time_on_top_is_the_published_date(line, published):
    parsed = parse_article(
        f"{line}\nRat beschließt Brücke\n\nBerlin (AFP) - Der Rat hat entschieden."
    )
    assert parsed.published_on == datetime.date.fromisoformat(published)
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")


@pytest.mark.parametrize("line", ["100 Tage Regierung", "071599 DEZ 26", "247365 EUR 26"])
def test_lines_on_top_like_transmission_times_stay_the_title(line):
    parsed = parse_article(f"{line}\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.published_on) == (line, None)


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("epd Niedersachsen-Bremen", "epd"),
        ("dpa Niedersachsen/Bremen", "dpa"),
        ("epd-West", "epd"),  # joined by a hyphen
    ],
)
def test_wire_service_line_on_top_is_dropped_and_names_the_agency(line, agency):
    parsed = parse_article(f"{line}\n\nRat beschließt Brücke\n\nDer Rat tagte.")
    assert (parsed.title, parsed.publisher_name, parsed.body) == (
        "Rat beschließt Brücke",
        agency,
        "Der Rat tagte.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "PRESSEMITTEILUNG\nBamberg, 07.12.2026\n\nStadt senkt Gebühren\n\nDer Rat tagte.",
        "Stadt senkt Gebühren\n\nBamberg, den 7. Dezember 2026\n\nDer Rat tagte.",
    ],
)
def test_press_release_place_and_date_line_gives_place_and_date(text):
    parsed = parse_article(text)
    assert (parsed.title, parsed.dateline_place, parsed.body) == (
        "Stadt senkt Gebühren",
        "Bamberg",
        "Der Rat tagte.",
    )
    assert parsed.published_on == datetime.date(2026, 12, 7)


def test_a_place_and_day_without_the_year_on_top_stays_the_title():
    parsed = parse_article("Lindenau, 7. Dezember\n\nDer Rat tagte.")
    assert (parsed.title, parsed.dateline_place, parsed.published_on) == (
        "Lindenau, 7. Dezember",
        "",
        None,
    )


def test_press_office_letterhead_on_top_is_dropped():
    letterhead = "Stadt Lindenau\nPressestelle\nMarkt 1\n12345 Lindenau\nTelefon: 01234 5678-0"
    parsed = parse_article(f"{letterhead}\n\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")
    assert parsed.dropped_lines == letterhead.split("\n")


def test_a_first_block_with_a_street_in_a_sentence_is_no_letterhead():
    text = "Rat beschließt Brücke\nHauptstraße 12 wird gesperrt\n\nDer Rat hat entschieden."
    assert parse_article(text).body == "Hauptstraße 12 wird gesperrt\n\nDer Rat hat entschieden."


@pytest.mark.parametrize("dateline", ["Gießen (ots) - ", "Gießen (ots) -\n\n"])
def test_press_release_distributor_in_the_dateline_is_no_agency(dateline):
    parsed = parse_article(f"Einbruch in Bäckerei\n\n{dateline}Die Polizei sucht Zeugen.")
    assert (parsed.dateline_place, parsed.publisher_name) == ("Gießen", "")
    assert parsed.body == "Die Polizei sucht Zeugen."


def test_fact_box_lines_after_the_text_are_paragraphs():
    parsed = parse_article("Der Verein gewann.\n\nTore: 1:0 Muster (12.)\n\nZuschauer: 8412")
    assert headings(parsed) == []
    assert paragraphs(parsed)[-1] == "Zuschauer: 8412"


def test_tagged_export_fields_are_read_by_their_tags():
    parsed = parse_article(
        "@Ressort:Kultur\n@Dachzeile:Stadttheater\n@Titel:Ein Abend, der trägt.\n"
        "@Autor:Anna Muster\n@Datum:07.12.2026, 19:40\n"
        "@Text:LINDENAU. Das Ensemble spielt.\nEin zweiter Absatz folgt.\n"
        "@Zwischentitel:Applaus am Ende.\n@Vorspann:Der Saal war voll.\n"
        "@Bildunterschrift:Das Ensemble. Foto: Eva Beispiel"
    )
    assert (parsed.title, parsed.byline, parsed.dateline_place) == (
        "Ein Abend, der trägt.",
        "Anna Muster",
        "Lindenau",
    )
    assert parsed.published_on == datetime.date(2026, 12, 7)
    assert headings(parsed) == ["Applaus am Ende."]
    assert paragraphs(parsed) == [
        "Das Ensemble spielt.",
        "Ein zweiter Absatz folgt.",
        "Der Saal war voll.",
    ]
    assert "@" not in parsed.body
    assert "Stadttheater" not in parsed.body


@pytest.mark.parametrize(
    "text",
    [
        "Der Rat hat entschieden.\n@Lindenau: Danke für die Hinweise!",
        "@Stadt: Danke für die Hinweise!\n\nDer Rat hat entschieden.",
    ],
)
def test_texts_with_at_most_one_tag_like_line_are_no_tagged_export(text):
    parsed = parse_article(text)
    assert (parsed.title + parsed.body).count("@") == 1


def test_mac_line_ends_separate_lines_and_paragraphs():
    data = "Titel der Meldung\r\rBonn (epd) - Erster Absatz.\r\rZweiter Absatz.\r\repd west ab"
    parsed = parse_article(
        normalise_text(decode_article_bytes(data.encode(), max_bytes=10**6).text)
    )
    assert parsed.title == "Titel der Meldung"
    assert paragraphs(parsed) == ["Erster Absatz.", "Zweiter Absatz."]


# What the third set's released held-out half adds: notes for the newsroom after the
# text, a transmission time at the end, a credit naming its desk, a title over its byline,
# a letterhead without an address, a dated document kind and a sender's undated dateline.

NEWSROOM_BLOCK = "## Orte\n- [Rathaus](Berlin)\n\n## Ansprechpartner\n- Büro, +49 30 0000000"


@pytest.mark.parametrize(
    "marker",
    [
        "dpa-Notizblock",
        "Notizblock",
        "Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt",
        "NICHT ZUR VERÖFFENTLICHUNG:",
    ],
)
def test_notes_for_the_newsroom_after_the_text_are_dropped_to_the_end(marker):
    parsed = parse_article(
        f"Berlin (dpa) - Der Rat hat entschieden.\n\nDer Bau beginnt 2028.\n\n"
        f"{marker}\n\n{NEWSROOM_BLOCK}"
    )
    assert paragraphs(parsed) == ["Der Rat hat entschieden.", "Der Bau beginnt 2028."]
    assert parsed.dropped_lines[:2] == [marker, "## Orte"]


@pytest.mark.parametrize(
    "line",
    [
        "Das Papier sei nicht zur Veröffentlichung bestimmt gewesen.",
        "Die folgenden Zahlen sind vorläufig.",
        "Ein Notizblock lag auf dem Tisch.",
    ],
)
def test_sentences_about_publication_or_notebooks_stay_text(line):
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{line}\n\nDer Bau beginnt 2028.")
    assert paragraphs(parsed) == ["Der Rat hat entschieden.", line, "Der Bau beginnt 2028."]


def test_wire_transmission_time_after_the_text_is_the_published_date():
    parsed = parse_article(
        "Rat beschließt Brücke\n\nMünchen (dpa/lby) - Der Rat hat entschieden.\n\n"
        "dpa lby yybb z2 kol\n071644 Dez 26"
    )
    assert parsed.published_on == datetime.date(2026, 12, 7)
    assert parsed.body == "Der Rat hat entschieden."
    assert parsed.dropped_lines == ["071644 Dez 26", "dpa lby yybb z2 kol"]


def test_a_date_on_top_wins_over_the_transmission_time_after_the_text():
    parsed = parse_article("05.12.2026\n\nRat beschließt Brücke\n\nDer Rat tagte.\n\n071644 Dez 26")
    assert parsed.published_on == datetime.date(2026, 12, 5)


@pytest.mark.parametrize("last", ["071599 DEZ 26", "Anpfiff 1530 Uhr", "Vorgang 071530 Mai 26"])
def test_last_lines_like_transmission_times_stay_text(last):
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{last}")
    assert (parsed.body.endswith(last), parsed.published_on) == (True, None)


def test_reporters_credit_naming_its_desk_in_parentheses_is_the_byline():
    parsed = parse_article(
        "(Reuters) - Der Konzern senkt die Prognose.\n\n"
        "(Bericht von Tom Muster, redigiert von Eva Beispiel. Bei Rückfragen wenden Sie sich "
        "an unsere Redaktion unter desk@example.invalid (für Unternehmen und Märkte).)"
    )
    assert parsed.byline == "Tom Muster"
    assert parsed.body == "Der Konzern senkt die Prognose."


def test_a_last_paragraph_in_parentheses_with_parentheses_inside_stays_text():
    last = "(Bericht des Rechnungshofs (2025), Seite 12)"
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{last}")
    assert (parsed.byline, parsed.body.endswith(last)) == ("", True)


def test_title_over_its_byline_with_the_agency_in_parentheses():
    parsed = parse_article(
        "Theologe: „Eine Kirche ist kein Lagerhaus“\nVon Anna Beispiel (KNA)\n\n"
        "Bonn (KNA) Das Bistum legt vor.\n\nKNA: Wie geht es weiter?"
    )
    assert parsed.title == "Theologe: „Eine Kirche ist kein Lagerhaus“"
    assert (parsed.byline, parsed.publisher_name, parsed.dateline_place) == (
        "Anna Beispiel",
        "KNA",
        "Bonn",
    )
    assert paragraphs(parsed) == ["Das Bistum legt vor.", "KNA: Wie geht es weiter?"]


def test_a_party_in_parentheses_after_a_byline_is_no_agency():
    parsed = parse_article("Rat beschließt Brücke\nVon Olaf Muster (SPD)\n\nDer Rat tagte.")
    assert (parsed.title, parsed.byline, parsed.publisher_name) == (
        "Rat beschließt Brücke",
        "Olaf Muster",
        "",
    )


def test_a_first_line_over_a_sentence_in_its_block_is_no_title():
    text = "Theologe: „Eine Kirche ist kein Lagerhaus“\nDas Bistum legt vor.\n\nMehr folgt."
    parsed = parse_article(text)
    assert parsed.title_derived is True
    assert paragraphs(parsed)[0] == "Theologe: „Eine Kirche ist kein Lagerhaus“"


@pytest.mark.parametrize(
    "letterhead",
    [
        "Stadt Lindenau\nPresse- und Öffentlichkeitsarbeit",
        "Oberlandesgericht Lindenau\nPressestelle",
        "Lindenauer Energie AG\nUnternehmenskommunikation",
        # A letterhead under the kind of document, its address in an imprint's line.
        "PRESSEMITTEILUNG\n\nFraktion Bürger für Lindenau\nGeschäftsstelle | Markt 1 | 12345 Lindenau",
        # The sender's name alone over the kind of document.
        "Landkreis Lindenau\n\nPRESSEMITTEILUNG",
        "Landkreis Lindenau\n\nPressemitteilung vom 7. Dezember 2026",
    ],
)
def test_sender_over_its_press_office_on_top_is_a_letterhead(letterhead):
    parsed = parse_article(f"{letterhead}\n\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")
    assert parsed.dropped_lines == [line for line in letterhead.split("\n") if line]


def test_a_title_under_a_press_office_line_stays_the_title():
    parsed = parse_article("Pressestelle\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.dropped_lines) == ("Rat beschließt Brücke", ["Pressestelle"])


@pytest.mark.parametrize(
    "line",
    [
        "Pressemitteilung Nr. 418/2026\t\t\t\t07.12.2026",
        "Presseinformation vom 7. Dezember 2026",
        "Medienmitteilung 12/2026 – 07.12.2026",
    ],
)
def test_document_kind_with_its_day_on_top_gives_the_published_date(line):
    parsed = parse_article(f"{line}\n\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.published_on) == (
        "Rat beschließt Brücke",
        datetime.date(2026, 12, 7),
    )
    assert parsed.dropped_lines == [line]


def test_a_title_that_opens_like_a_document_kind_stays_the_title():
    line = "Presseinformation zu Baustellen ab 7. Dezember 2026"
    parsed = parse_article(f"{line}\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.published_on) == (line, None)


SENDER_HEAD = "Stadt Lindenau\nPressestelle\n\nRat beschließt Brücke\n\n"


def test_press_release_dateline_of_the_senders_place_without_a_date():
    parsed = parse_article(f"{SENDER_HEAD}Lindenau – Der Rat hat entschieden.")
    assert (parsed.dateline_place, parsed.publisher_name) == ("Lindenau", "")
    assert parsed.body == "Der Rat hat entschieden."


@pytest.mark.parametrize(
    "text",
    [
        f"{SENDER_HEAD}Kornhausen – Die Nachbarstadt zieht nach.",  # not the sender's place
        "Rat beschließt Brücke\n\nLindenau – Der Rat hat entschieden.",  # no sender on top
        f"{SENDER_HEAD}Die Stadt – Das sagt der Rat – baut.",
    ],
)
def test_a_name_and_a_dash_not_naming_the_senders_place_stay_text(text):
    parsed = parse_article(text)
    assert parsed.dateline_place == ""
    assert parsed.body == text.rsplit("\n\n", 1)[1]


FORMATS_DIR = Path(__file__).parent / "data" / "formats"


def load_cases(folder: str) -> dict[str, dict]:
    return json.loads((FORMATS_DIR / folder / "expected.json").read_text(encoding="utf-8"))["cases"]


# The sets of text cases, each a folder of files and their expected.json (same schema).
CASE_SETS = {
    folder: load_cases(folder)
    for folder in (
        *("text", "text_blind2", "text_blind3", "text_blind4", "text_blind5", "text_blind6"),
        *("text_blind7", "text_blind8"),
    )
}
MOJIBAKE = ("Ã", "â€", "\ufeff", "\ufffd", "\r")
# Held-out fields right per blind set, a floor against regressions; only the total is
# looked at. text_blind2 (of 66), measured on 2026-12-07 after the rules were changed on
# its tuning half (45/66 -> 66/66): before 48/66, after 66/66.
# text_blind3's held-out half (of 55), measured clean: 25/55 before the rules were changed
# on its tuning half (20/55 -> 55/55), 32/55 after; then released for tuning (2026-12-07):
# 55/55, so all its fields are in the test below and it has no floor here.
# text_blind4's held-out half (of 55), measured once as a total on 2026-12-07: 15/55 before
# the rules were changed on its tuning half (18/55 -> 54/55), 15/55 after; then released
# for tuning (2026-12-07): 55/55, so all its fields are in the test below.
# text_blind5's held-out half (of 66), measured once as a total on 2026-12-08: 32/66
# before the rules were changed on its tuning half (24/66 -> 65/66), 32/66 after; then
# released for tuning: 58/66, the floor below.
# text_blind6's held-out half (of 77), measured once as a total on 2026-12-08: 33/77
# before the rules were changed on its tuning half (32/77 -> 77/77), 42/77 after; 42
# after the seventh set's rules, 43 after the closing-block rules. Not released: kept for
# the next round to measure against.
# text_blind7's held-out half (of 88), measured once as a total on 2026-12-08: 44/88
# before the rules were changed on its tuning half (46/88 -> 82/88), 44/88 after. Not
# released.
# text_blind8 (of 176), all of it held out: measured once on 2026-12-08, never tuned on:
# 98/176 (63/176 with the import before the fifth to seventh sets' rules).
HELD_OUT_FLOORS = {
    **{"text_blind2": 66, "text_blind5": 58, "text_blind6": 43, "text_blind7": 44},
    "text_blind8": 98,
}


def case_fields(folder: str, name: str) -> dict[str, bool]:
    """Which of a case's fields the import reads right (see expected.json's `about`)."""
    expected = CASE_SETS[folder][name]
    data = (FORMATS_DIR / folder / name).read_bytes()
    parsed = parse_article(normalise_text(decode_article_bytes(data, max_bytes=10**6).text))
    texts = paragraphs(parsed)
    want = expected["paragraphs"]
    published = parsed.published_on.isoformat() if parsed.published_on else ""
    return {
        "title": parsed.title == expected["title"],
        "place": parsed.dateline_place.casefold() == (expected["place"] or "").casefold(),
        "agency": parsed.publisher_name.casefold() == (expected["agency"] or "").casefold(),
        "byline": parsed.byline == (expected["byline"] or ""),
        "published": published == (expected["published"] or "")[:10],  # a date, no time
        "paragraph count": len(texts) == want["count"],
        "first words": bool(texts) and texts[0].startswith(want["first"]),
        "last words": bool(texts) and texts[-1].endswith(want["last"]),
        "headings": [h.rstrip(":") for h in headings(parsed)]
        == [h.rstrip(":") for h in expected["headings"]],
        "no mojibake": not any(bad in parsed.title + parsed.body for bad in MOJIBAKE),
        "nothing lost": all(kept in parsed.body for kept in expected["must_contain"])
        and not any(gone in parsed.body for gone in expected["must_not_contain"]),
    }


def cases_of(folder: str, *parts: str) -> list[tuple[str, str]]:
    return [(folder, name) for name, case in CASE_SETS[folder].items() if case["part"] in parts]


# Expectations found wrong while tuning, left as their writer fixed them (see the set's
# README), with the fields the import rightly reads otherwise.
WRONG_EXPECTATIONS = {
    # 11 counts the blocks from the title to the closing disclaimer; between the first
    # and last words expected.json fixes, without the disclaimer it rules out, the body
    # holds the introduction and eight interview turns: 9 paragraphs.
    ("text_blind4", "rundfunk_transkript_hafen.txt"): ["paragraph count"],
    # Disputed: a press release naming no wire service; this writer wants its sender as
    # the agency, the fourth set's writer left such agencies empty, as the import does.
    ("text_blind5", "gericht_pressemitteilung_urteil.txt"): ["agency"],
    # Disputed: this writer wants a list item's first words without its bullet; the body
    # keeps the bullet as written.
    ("text_blind7", "verbraucherzentrale_ratgeber.txt"): ["first words"],
}
# Fields of a tuning half the import does not read yet, left for a later round.
NOT_READ_YET = {
    # A council's minutes: the agenda item ("TOP 6   Neubau …") is the title, "Sachverhalt:"
    # and "Beschluss:" its sections, the clerk's attestation no text.
    ("text_blind7", "gemeinderat_niederschrift_auszug.txt"): [
        *("title", "paragraph count", "last words", "headings", "nothing lost"),
    ],
}


# Every field of every case tuned on: the first set, whose held-out half was first only
# measured (59 of 77 fields right, a floor) and then released for tuning (77 of 77
# since), the tuning half of the second set, the whole third and fourth sets, their
# held-out halves released after their floors (32 and 15 of 55) were measured, and the
# fifth, sixth and seventh sets' tuning halves (their held-out halves have floors).
@pytest.mark.parametrize(
    ("folder", "name"),
    cases_of("text", "tuning", "held-out")
    + cases_of("text_blind2", "tuning")
    + cases_of("text_blind3", "tuning", "held-out")
    + cases_of("text_blind4", "tuning", "held-out")
    + cases_of("text_blind5", "tuning")
    + cases_of("text_blind6", "tuning")
    + cases_of("text_blind7", "tuning"),
)
def test_wire_and_cms_text_cases_are_read_right(folder, name):
    fields = case_fields(folder, name)
    wrong = [field for field, right in fields.items() if not right]
    known = WRONG_EXPECTATIONS.get((folder, name), []) + NOT_READ_YET.get((folder, name), [])
    assert sorted(wrong) == sorted(known)


@pytest.mark.parametrize(("folder", "floor"), HELD_OUT_FLOORS.items())
def test_held_out_text_cases_stay_above_their_floor(folder, floor):
    # Only the total: held-out failures are not looked at one by one.
    held_out = cases_of(folder, "held-out")
    right = sum(sum(case_fields(folder, name).values()) for folder, name in held_out)
    assert right >= floor


def test_lines_that_each_end_a_sentence_are_paragraphs_not_a_wrapped_one():
    text = (
        "Unfall auf der B27\n\n"
        "Die Polizei sucht Zeugen für einen Unfall in Tübingen.\n"
        "Der Unfall geschah am Montag gegen 14 Uhr auf der B27 bei Dußlingen.\n"
        "Ein Auto kam von der Fahrbahn ab und prallte gegen einen Baum am Rand.\n"
        "Hinweise nimmt jede Dienststelle entgegen, teilte die Polizei mit.\n"
    )
    parsed = parse_article(text)
    assert [parsed.body[b.start : b.end].split()[0] for b in parsed.blocks] == [
        "Die",
        "Der",
        "Ein",
        "Hinweise",
    ]


# What the fourth set's tuning half adds: AFP's and dpa's wire heads and ends, news
# aktuell's press portal, a broadcast transcript and an e-mail newsletter.


@pytest.mark.parametrize(
    "line",
    [
        "AFP DEU 0731 4 WI 0412 AFP /AFP-KX27",  # AFP's transmission codes, in capitals
        "lno0213 3 vm 214  dpa/lno 0588",  # dpa's, a regional service's code with them
        "(Neu: Stimmen der Opposition im Landtag, Absätze 3 bis 5)",  # what the version adds
    ],
)
def test_wire_codes_and_version_notes_on_top_are_no_title_or_text(line):
    parsed = parse_article(
        f"{line}\nRat beschließt Brücke\n\nBerlin (AFP) - Der Rat hat entschieden."
    )
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")
    assert line in parsed.dropped_lines


@pytest.mark.parametrize("line", ["BUNDESLIGA 2026 SPIELTAG 12 TABELLE", "(Neu im Kino)"])
def test_capitals_with_figures_or_a_short_aside_on_top_stay(line):
    # Capitals name an agency among them to be codes; an aside is no version note.
    parsed = parse_article(f"{line}\n\nDer Rat hat entschieden.")
    assert line in parsed.title + parsed.body


@pytest.mark.parametrize(
    ("codes", "sent"),
    [
        ("sch/ab", "AFP 071644 DEZ 26"),  # AFP names itself before the transmission time
        ("dpa-lno ab yyzz n1 cd", "071644 Dez 26"),  # dpa's regional service's code line
    ],
)
def test_wire_code_lines_and_transmission_time_after_the_text(codes, sent):
    parsed = parse_article(f"Berlin (AFP) - Der Rat hat entschieden.\n\n{codes}\n\n{sent}")
    assert (parsed.body, parsed.published_on) == (
        "Der Rat hat entschieden.",
        datetime.date(2026, 12, 7),
    )
    assert parsed.dropped_lines == [sent, codes]


PRESS_PORTAL_FOOTER = "Original-Content von: Stadtwerke Lindenau, übermittelt durch news aktuell"


def test_press_portal_sender_and_time_on_top_and_dateline_alone():
    parsed = parse_article(
        "Stadtwerke Lindenau\n07.12.2026 – 14:03\n\nStadtwerke senken Preise\n\n"
        f"Lindenau (ots)\n\nDie Stadtwerke senken die Preise.\n\n{PRESS_PORTAL_FOOTER}"
    )
    assert (parsed.title, parsed.dateline_place, parsed.publisher_name) == (
        "Stadtwerke senken Preise",
        "Lindenau",
        "",
    )
    assert parsed.published_on == datetime.date(2026, 12, 7)
    assert parsed.body == "Die Stadtwerke senken die Preise."
    assert "Stadtwerke Lindenau" in parsed.dropped_lines


def test_a_title_on_top_not_naming_the_footers_sender_stays_the_title():
    parsed = parse_article(
        f"Rat beschließt Brücke\n07.12.2026\n\nDer Rat hat entschieden.\n\n{PRESS_PORTAL_FOOTER}"
    )
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [("Bonn (KNA)", "Bonn", "KNA"), ("Essen (ots)", "Essen", ""), ("Olaf Muster (SPD)", "", "")],
)
def test_a_dateline_alone_without_a_dash_needs_a_wire_or_press_service(line, place, agency):
    parsed = parse_article(f"Rat beschließt Brücke\n\n{line}\n\nDer Rat hat entschieden.")
    assert (parsed.dateline_place, parsed.publisher_name) == (place, agency)
    assert (line in parsed.body) == (place == "")


NEWSLETTER = (
    "=====================\nLINDENAUER RUNDBRIEF\nBürgerverein Lindenau e. V.\n"
    "Ausgabe 12 · 7. Dezember 2026\n=====================\n\n"
    "Inhalt:\n- Neue Bänke am Markt\n- Termine\n\n---------------------\n\n"
    "Neue Bänke am Markt\n\nDer Verein hat zwölf Bänke aufgestellt.\n\n* * *\n\n"
    "Termine\n\n- 12. Januar: Versammlung im Rathaus\n\n---------------------\n"
    "Sie erhalten diesen Rundbrief, weil Sie Mitglied im Verein sind.\n"
    "Newsletter abbestellen: https://www.verein.example/abmelden\n"
    "Bürgerverein Lindenau e. V. | Markt 1 | 12345 Lindenau"
)


def test_newsletter_masthead_contents_rules_and_footer_are_no_text():
    parsed = parse_article(NEWSLETTER)
    assert (parsed.title, parsed.published_on) == (
        "Neue Bänke am Markt",
        datetime.date(2026, 12, 7),
    )
    assert headings(parsed) == ["Termine"]
    assert paragraphs(parsed) == [
        "Der Verein hat zwölf Bänke aufgestellt.",
        "- 12. Januar: Versammlung im Rathaus",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rat beschließt Brücke\n=====================\nDer Rat hat entschieden.",  # underlined
        "=====================\nRat beschließt Brücke\n=====================\n\n"
        "Der Rat hat entschieden.",  # boxed: one line is no masthead
    ],
)
def test_a_title_set_off_by_rule_lines_stays_the_title(text):
    parsed = parse_article(text)
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")


def test_a_list_under_its_label_in_the_text_is_no_table_of_contents():
    parsed = parse_article(
        "Berlin (dpa) - Der Rat tagte.\n\nDie Themen im Überblick:\n\n- Haushalt\n- Brücke"
    )
    assert headings(parsed) == ["Die Themen im Überblick:"]
    assert paragraphs(parsed) == ["Der Rat tagte.", "- Haushalt", "- Brücke"]


@pytest.mark.parametrize("label", ["Internet:", "Links:", "Mehr im Internet:"])
def test_a_wires_links_under_their_label_after_the_text_are_dropped(label):
    parsed = parse_article(
        "Berlin (dpa) - Der Rat hat entschieden.\n\n* * * *\n\n"
        f"{label}\nBeschluss des Rates: https://www.lindenau.example/rat"
    )
    assert parsed.body == "Der Rat hat entschieden."


@pytest.mark.parametrize(
    "last", ["Internet: www.stadtmuseum.example", "Links:\nDie Stadt hat alles auf ihrer Seite."]
)
def test_a_readers_web_address_or_a_sentence_under_a_links_label_stays(last):
    parsed = parse_article(f"Der Rat hat entschieden.\n\n{last}")
    assert parsed.body.endswith(last.rsplit("\n", 1)[-1])


# What the fourth set's released held-out half adds: fields of a CMS export and a mail's
# header on top, a forwarded mail with its note and message to the newsroom, a wire's
# correction notice and numbered date line, letterheads under the kind of document,
# subtitles and kickers, and after the text a press release's words about its sender and
# a mail's signature.


def head_of(parsed):
    """What the lines on top gave: title, byline, place, agency and published date."""
    return (
        parsed.title,
        parsed.byline,
        parsed.dateline_place,
        parsed.publisher_name,
        parsed.published_on,
    )


CMS_EXPORT = (
    "Artikel-ID: 2026-12-0048213\nStatus: freigegeben\nDachzeile: Stadtrat\n"
    "Überschrift: Rat beschließt Brücke\nUnterzeile: Der Bau beginnt 2028.\n"
    "Autor: Eva Beispiel\nOrt: Lindenau\nErstellt: 09.12.2026 22:14\n"
    "Veröffentlicht: 10.12.2026 05:30\nZeichen: 2864\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Text:\nDer Rat hat entschieden.",  # the text's label over the text
        "Text: Der Rat hat entschieden.",  # the text as the text field's value
    ],
)
def test_cms_export_fields_on_top_give_the_head_and_leave_the_text(text):
    parsed = parse_article(f"{CMS_EXPORT}{text}\n\nDer Bau beginnt 2028.")
    # "Veröffentlicht" dates the item, not "Erstellt" above it.
    day = datetime.date(2026, 12, 10)
    assert head_of(parsed) == ("Rat beschließt Brücke", "Eva Beispiel", "Lindenau", "", day)
    assert paragraphs(parsed) == ["Der Rat hat entschieden.", "Der Bau beginnt 2028."]
    assert "Status: freigegeben" in parsed.dropped_lines


@pytest.mark.parametrize(
    "head",
    [
        "Bahnstreik: GDL ruft zum Ausstand auf\nStand: 07.12.2026, 14:03 Uhr",  # a title's colon
        "Bahnstreik: GDL ruft zum Ausstand auf\nLokführer: Wir streiken weiter",
    ],
)
def test_a_title_with_a_colon_over_a_field_or_another_line_stays_the_title(head):
    parsed = parse_article(f"{head}\n\nDer Rat hat entschieden.")
    assert parsed.title == "Bahnstreik: GDL ruft zum Ausstand auf"


def test_lines_like_fields_whose_keys_name_no_field_stay_text():
    text = "Frage: Wie geht es weiter?\nAntwort: Der Rat entscheidet im Mai."
    assert parse_article(f"Gute Frage\n\n{text}").body == text.replace("\n", "\n\n")


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("Gesendet: Donnerstag, 10. Dezember 2026 16:58", "2026-12-10"),
        ("Date: Thu, 10 Dec 2026 23:58:00 +0000", "2026-12-11"),  # the newsroom's day
        ("Datum: 2026-12-10T05:30:00+01:00", "2026-12-10"),
    ],
)
def test_mail_header_gives_the_date_and_its_subject_the_title(date, published):
    parsed = parse_article(
        "Von: Pressestelle Lindenau <presse@lindenau.example>\nAn: Redaktion\n"
        f"{date}\nBetreff: WG: Pressemitteilung: Rat beschließt Brücke\n\n"
        "Lindenau, 9. Dezember 2026 – Der Rat hat entschieden."
    )
    assert parsed.title == "Rat beschließt Brücke"
    assert parsed.published_on == datetime.date.fromisoformat(published)
    assert parsed.body == "Der Rat hat entschieden."


def test_a_headline_under_a_mail_header_wins_over_its_subject():
    parsed = parse_article(
        "Von: Eva Beispiel <eva@example.com>\nBetreff: Text Brücke, ca. 60 Zeilen\n\n"
        "Rat beschließt Brücke\n\nDer Rat hat entschieden."
    )
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")


FORWARDED_MAIL = (
    "Bitte für Samstag einplanen, das Bild kommt separat.\n\n"
    "-----Ursprüngliche Nachricht-----\n"
    "Von: Eva Beispiel <eva@example.com>\nGesendet: Donnerstag, 10. Dezember 2026 16:58\n"
    "Betreff: Text Brücke\n\n"
    "Hallo Desk,\n\nanbei mein Stück zur Brücke. Fotos macht die Kollegin.\n\nGruß\nEva\n\n"
    "==========\n\nRat beschließt Brücke\n\nVon Eva Beispiel\n\n"
    "LINDENAU. Der Rat hat entschieden.\n\n==========\n\n"
    "-- \nEva Beispiel\nPressebüro Beispiel · Politik\nMobil: 0170 0000000"
)


def test_forwarded_mail_note_header_message_and_signature_are_no_text():
    parsed = parse_article(FORWARDED_MAIL)
    day = datetime.date(2026, 12, 10)
    assert head_of(parsed) == ("Rat beschließt Brücke", "Eva Beispiel", "Lindenau", "", day)
    assert parsed.body == "Der Rat hat entschieden."


@pytest.mark.parametrize(
    "text",
    [
        # A greeting to readers, and one without a sign-off or a rule closing a message.
        "Liebe Leserinnen und Leser,\n\nder Rat hat entschieden.\n\nViele Grüße\nEva",
        "Hallo zusammen,\n\nder Rat hat entschieden.\n\nDer Bau beginnt 2028.",
        # A sentence naming the original message, a signature's dashes in a sentence.
        "Die ursprüngliche Nachricht kam am Montag.\n\nDer Bau -- so der Rat -- beginnt.",
    ],
)
def test_greetings_and_mail_words_in_ordinary_text_stay_text(text):
    parsed = parse_article(text)
    assert parsed.body.replace("\n\n", "\n") in text.replace("\n\n", "\n")
    assert parsed.dropped_lines == []


@pytest.mark.parametrize("label", ["BERICHTIGUNG", "Korrektur:"])
@pytest.mark.parametrize("notice_apart", [True, False])
def test_correction_notice_under_its_label_on_top_is_no_text(label, notice_apart):
    notice = (
        "In der Meldung muss es richtig heißen: 12 Millionen. Es folgt die berichtigte Fassung:"
    )
    parsed = parse_article(
        f"{label}\n{'\n' if notice_apart else ''}{notice}\n\nRat beschließt Brücke\n\n"
        "Berlin (epd). Der Rat hat entschieden."
    )
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")
    assert parsed.dropped_lines == [label, notice]


def test_a_correction_label_over_the_title_leaves_the_title():
    parsed = parse_article("KORREKTUR\n\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")


@pytest.mark.parametrize(
    "line", ["Nr. 0312 / 10.12.2026 / 14:27 Uhr", "ID 48213 | 10.12.2026", "10.12.2026 | Nr. 12"]
)
def test_a_line_numbering_the_item_on_top_dates_it(line):
    parsed = parse_article(f"epd-West\n{line}\n\nRat beschließt Brücke\n\nDer Rat tagte.")
    day = datetime.date(2026, 12, 10)
    assert head_of(parsed) == ("Rat beschließt Brücke", "", "", "epd", day)
    assert parsed.body == "Der Rat tagte."


def test_an_address_block_under_the_title_is_no_letterhead():
    block = "Stadthalle Lindenau\nMarkt 1\n12345 Lindenau"
    parsed = parse_article(f"Konzert am Sonntag\n\n{block}\n\nDer Chor singt.")
    assert (parsed.title, paragraphs(parsed)[-1]) == ("Konzert am Sonntag", "Der Chor singt.")
    assert block.split("\n")[1] in parsed.body


def test_subtitle_right_under_the_title_is_no_text():
    parsed = parse_article(
        "Rat beschließt Brücke\n\nDer Bau soll 2028 beginnen – Kosten steigen\n\n"
        "Der Rat hat entschieden.\n\nNeue Pläne für den Markt\n\nAuch der Markt wird neu."
    )
    assert parsed.title == "Rat beschließt Brücke"
    assert headings(parsed) == ["Neue Pläne für den Markt"]
    assert paragraphs(parsed) == ["Der Rat hat entschieden.", "Auch der Markt wird neu."]


def test_a_heading_under_the_dateline_is_no_subtitle():
    parsed = parse_article(
        "Rat beschließt Brücke\n\nGießen (ots) -\n\nPohlheim: Brücke wird gebaut\n\n"
        "Der Rat hat entschieden."
    )
    assert headings(parsed) == ["Pohlheim: Brücke wird gebaut"]


def test_a_kicker_over_the_title_is_no_title():
    parsed = parse_article(
        "Stadtrat\n\nRat beschließt neue Brücke\n\nDer Bau soll 2028 beginnen – Kosten steigen\n\n"
        "LINDENAU. Der Rat hat entschieden."
    )
    assert (parsed.title, parsed.body) == ("Rat beschließt neue Brücke", "Der Rat hat entschieden.")
    assert parsed.dropped_lines[:2] == ["Stadtrat", "Der Bau soll 2028 beginnen – Kosten steigen"]


def test_a_title_of_three_words_over_its_subtitle_stays_the_title():
    parsed = parse_article(
        "Brücke wird teurer\n\nDer Bau soll 2028 beginnen – Kosten steigen\n\nDer Rat tagte."
    )
    assert (parsed.title, parsed.body) == ("Brücke wird teurer", "Der Rat tagte.")


def test_words_about_the_sender_after_a_press_release_are_no_text():
    about = (
        "Über die Stadtwerke Lindenau GmbH\n"
        "Die Stadtwerke Lindenau GmbH versorgen 50.000 Haushalte mit Strom."
    )
    parsed = parse_article(f"Lindenau – Die Stadtwerke senken die Preise.\n\n{about}")
    assert parsed.body == "Lindenau – Die Stadtwerke senken die Preise."
    parsed = parse_article("Die Stadtwerke senken die Preise.\n\nÜber uns\nWir versorgen Lindenau.")
    assert parsed.body == "Die Stadtwerke senken die Preise."
    parsed = parse_article("Voltaro stellt aus.\n\nÜber Voltaro:\nVoltaro baut Roboter.")
    assert parsed.body == "Voltaro stellt aus."


def test_a_subheading_about_something_over_its_own_text_stays():
    text = "Der Verein wandert.\n\nÜber die Alpen\n\nDie Route führt über die Alpen nach Süden."
    parsed = parse_article(text)
    assert headings(parsed) == ["Über die Alpen"]
    assert parsed.body == text


# What the fifth set's tuning half adds: packed head lines, a subtitle or kicker over
# the dateline, footer blocks, system markers, author boxes, messenger chat exports.


@pytest.mark.parametrize(
    ("top", "published", "place"),
    [
        ("SID-Meldung 0412 | Sport, Eishockey | 17.12.2026 22:31", "2026-12-17", ""),
        ("KNA-Basisdienst Nr. 284      Donnerstag, 10.12.2026, 14:05 Uhr", "2026-12-10", ""),
        ("Pressemitteilung Nr. 41/2026\t\tLüneburg, den 21.12.2026", "2026-12-21", "Lüneburg"),
    ],
)
def test_a_packed_head_line_dates_the_item_and_is_no_title(top, published, place):
    parsed = parse_article(f"{top}\n\nRat beschließt Brücke\n\nDer Rat hat entschieden.")
    assert parsed.title == "Rat beschließt Brücke"
    assert (str(parsed.published_on), parsed.dateline_place) == (published, place)
    assert top in parsed.dropped_lines


def test_a_packed_line_without_a_date_or_press_office_is_a_title():
    parsed = parse_article("Bahn | Bus | Rad: Neue Preise\n\nDer Rat hat entschieden.")
    assert parsed.title == "Bahn | Bus | Rad: Neue Preise"


@pytest.mark.parametrize(
    ("block", "title"),
    [
        (
            "Eishockey\nFalcons beenden Negativserie mit Derbysieg",
            "Falcons beenden Negativserie mit Derbysieg",
        ),
        (
            "Pfarrhäuser werden verkauft\nInstitut: Jede dritte Pfarrei nutzt sie nicht",
            "Pfarrhäuser werden verkauft",
        ),
    ],
)
def test_a_two_line_block_over_the_dateline_is_kicker_or_subtitle_and_title(block, title):
    parsed = parse_article(f"{block}\n\nMainz (KNA) Der Rat hat entschieden.\n\nMehr folgt.")
    assert (parsed.title, parsed.dateline_place) == (title, "Mainz")
    assert parsed.body == "Der Rat hat entschieden.\n\nMehr folgt."


def test_a_block_opened_by_a_footer_line_goes_whole():
    text = (
        "Rat beschließt Brücke\n\nBonn (KNA) Der Rat hat entschieden.\n\n(KNA - pkr-75-00312)\n\n"
        "Copyright 2026 KNA GmbH. Alle Rechte vorbehalten.\nNur für den internen Gebrauch."
    )
    assert parse_article(text).body == "Der Rat hat entschieden."


def test_a_closing_block_of_plain_sentences_stays():
    text = "Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\nDer Bau beginnt.\nEr dauert."
    assert paragraphs(parse_article(text))[1:] == ["Der Bau beginnt.", "Er dauert."]


@pytest.mark.parametrize(
    "line",
    [
        # the fifth set's
        "Diese Pressemitteilung ist unter www.lg-lueneburg.example abrufbar.",
        "[ENDE EXPORT]",
        "dpa-infocom gmbh, Hamburg: Sie erhalten diesen Beitrag im Rahmen des Landesdienstes.",
        "Bildmaterial: Foto: Hochschule (honorarfrei)",
        # the sixth set's
        "(Zusammenfassung 16:42 ersetzt Erstmeldung 11:05)",
        "Kommentare (7)",
        "Unser Premium-Partner: Autohaus Brenninger GmbH",
        "Hinweis: Dieser Kurzbericht ist kein Protokoll, das steht unter www.landtag.example.",
        "Pressestelle des Landtages Brandenburg",
        "Teilen: Facebook | WhatsApp | E-Mail",
        # the seventh set's
        "(dts Nachrichtenagentur)",
        "16.12.2026 14:32",
        "Copyright Evangelischer Pressedienst (epd). Weiterverbreitung nur im Abonnement.",
        "Termin: Donnerstag, 17. Dezember 2026, 9.00 Uhr, Plenarsaal\nInternet: Drucksache 21/2211",
        "Ansprechpartnerin:\nSabine Kröhler\nTelefon 02603 71-4412",
        "Landesamt | Mainzer Straße 14-16 | 56130 Bad Ems",
        "-----\nSie haben Fragen? Unsere Beratung erreichen Sie unter 05151 98765-0.\n"
        "Diese Informationen ersetzen keine Rechtsberatung.\n© 2026 Verbraucherzentrale",
        # a sender's lines, none a sentence, a footer line among them
        "Stadt Lindenau\nFachbereich Bürgerdienste\nPressestelle\nTelefon 01234 5678",
    ],
)
def test_notes_on_the_item_after_the_text_go(line):
    parsed = parse_article(f"Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\n{line}")
    assert parsed.body == "Der Rat hat entschieden."


def test_a_sentence_naming_the_text_without_an_address_stays():
    text = "Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\nDieser Text ist ein Kommentar."
    assert parse_article(text).body.endswith("Dieser Text ist ein Kommentar.")


def test_an_author_box_after_a_cms_text_goes():
    text = (
        "Überschrift: Rat beschließt Brücke\nText:\nDer Rat hat entschieden.\n---\n"
        "Autorenbox:\nAnna Muster leitet das Lokalressort.\nKontakt: a@zeitung.example\n---"
    )
    parsed = parse_article(text)
    assert (parsed.title, parsed.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")


def test_a_wrapped_line_ending_in_an_article_goes_on_in_the_next():
    lines = [
        "Der Elternbeirat der Kita am Markt kündigte am Abend an, Unterschriften für",
        "einen Einwohnerantrag zu sammeln, der die Erhöhung noch stoppen soll. Der Rat",
        "will im Januar erneut beraten, sagte die Bürgermeisterin nach der Sitzung. Der",
        "Elternbeirat kündigte an, Unterschriften für einen",
        "Einwohnerantrag zu sammeln.",
    ]
    parsed = parse_article("Kita-Gebühren steigen\n\n" + "\n".join(lines) + "\n\nMehr folgt.")
    assert len(paragraphs(parsed)) == 2


def test_a_chat_export_keeps_the_copy_and_drops_the_chat():
    text = (
        "[19.12.26, 21:14:02] Tobias Kranich: Text kommt gleich\n"
        "[19.12.26, 21:31:47] Tobias Kranich: Scheunenbrand in Wangen\n"
        "Von Tobias Kranich\n\n"
        "Wangen – Ein Feuer hat am Samstagabend eine Scheune im Ortsteil Oberhaslach zerstört, "
        "verletzt wurde nach ersten Erkenntnissen niemand.\n"
        "[19.12.26, 21:35:55] Desk: danke"
    )
    parsed = parse_article(text)
    assert (parsed.title, parsed.byline, parsed.dateline_place) == (
        "Scheunenbrand in Wangen",
        "Tobias Kranich",
        "Wangen",
    )
    assert (parsed.body, str(parsed.published_on)) == (
        "Ein Feuer hat am Samstagabend eine Scheune im Ortsteil Oberhaslach zerstört, "
        "verletzt wurde nach ersten Erkenntnissen niemand.",
        "2026-12-19",
    )


def test_a_place_and_dash_the_title_does_not_name_is_no_dateline():
    parsed = parse_article("Scheunenbrand in Wangen\n\nMerz – Der Kanzler kam nicht.")
    assert (parsed.dateline_place, parsed.body) == ("", "Merz – Der Kanzler kam nicht.")


@pytest.mark.parametrize(
    ("closing", "byline"),
    [
        ("Die Fragen stellte Konstantin Weigel.", "Konstantin Weigel"),
        ("Das Gespräch führten Anna Muster und Tom Beispiel.", "Anna Muster und Tom Beispiel"),
    ],
)
def test_an_interviews_credit_is_its_byline(closing, byline):
    text = f"Gletscher schmelzen\n\nFrage: Wie schnell?\n\nAntwort: Sehr schnell.\n\n{closing}"
    parsed = parse_article(text)
    assert (parsed.byline, paragraphs(parsed)[-1]) == (byline, "Antwort: Sehr schnell.")


@pytest.mark.parametrize(
    "line",
    [
        "Kassel, 16. Dezember 2026. Die Hochschule hat entschieden.",
        "Kassel, 16. Dezember 2026 – Die Hochschule hat entschieden.",
    ],
)
def test_a_press_releases_dateline_closed_by_a_dash_or_full_stop(line):
    parsed = parse_article(f"Rat beschließt Brücke\n\n{line}")
    assert (parsed.dateline_place, parsed.body) == ("Kassel", "Die Hochschule hat entschieden.")
    assert str(parsed.published_on) == "2026-12-16"


def test_a_correction_note_under_the_title_is_no_text():
    parsed = parse_article(
        "Rat beschließt Brücke\n\n(Korrigiert im dritten Absatz den Vornamen)\n\n"
        "Augsburg, 14. Dez (Reuters) - Der Rat hat entschieden."
    )
    assert (parsed.body, parsed.publisher_name) == ("Der Rat hat entschieden.", "Reuters")


# What the fifth set's released held-out half adds: sign-off initials, related links,
# share buttons, a listed company's disclaimer, a kicker line over the title.


def test_links_to_related_articles_go_anywhere_in_the_text():
    text = (
        "Sturm an der Küste\n\nDer Rat hat entschieden.\n\nLesen Sie auch:\n› Warum Orkane"
        " häufiger werden\n\nDer Bau beginnt.\n\nMehr zum Thema\n› Service: Schäden melden"
        "\n\nArtikel teilen: Facebook | WhatsApp | E-Mail"
    )
    assert paragraphs(parse_article(text)) == ["Der Rat hat entschieden.", "Der Bau beginnt."]


def test_arrows_without_a_label_stay():
    text = "Sturm an der Küste\n\nDer Rat hat entschieden.\n\n› Der Bau beginnt im Mai."
    assert paragraphs(parse_article(text))[-1] == "› Der Bau beginnt im Mai."


def test_sign_off_initials_after_each_item_go():
    text = (
        "Polizeibericht\n\nEin Dieb stahl eine Geldbörse.\n\n/ab\n\nEin Radfahrer stürzte.\n\n/ki"
    )
    assert paragraphs(parse_article(text)) == [
        "Ein Dieb stahl eine Geldbörse.",
        "Ein Radfahrer stürzte.",
    ]


def test_a_listed_companys_disclaimer_goes():
    text = (
        "Umsatz steigt\n\nDer Umsatz stieg um 9 Prozent.\n\nZukunftsgerichtete Aussagen\n"
        "Diese Pressemitteilung enthält zukunftsgerichtete Aussagen. Ergebnisse können abweichen."
    )
    assert parse_article(text).body == "Der Umsatz stieg um 9 Prozent."


@pytest.mark.parametrize("kicker", ["LIVE | Sturmtief Zora", "Sport | Fußball | Bundesliga"])
def test_a_packed_kicker_over_a_title_alone_is_no_title(kicker):
    parsed = parse_article(f"{kicker}\n\nFernzüge im Norden gestoppt\n\nDer Rat hat entschieden.")
    assert parsed.title == "Fernzüge im Norden gestoppt"
    assert kicker in parsed.dropped_lines


def test_a_related_label_in_a_text_of_lines_drops_no_text():
    # Every line a paragraph, no blank lines: the label's "block" is the whole text.
    text = "Sturm an der Küste\nDer Rat hat entschieden.\nLesen Sie auch\nDer Bau beginnt."
    assert paragraphs(parse_article(text)) == ["Der Rat hat entschieden.", "Der Bau beginnt."]


@pytest.mark.parametrize(
    ("about", "kept"),
    [
        ("Die THW ist eine Hochschule in Kassel.", False),
        ("Die Technische Hochschule Werraland ist eine Hochschule.", False),
        ("Die Tagung beginnt um neun Uhr.", True),
    ],
)
def test_an_about_box_opens_with_the_senders_name_or_initials(about, kept):
    text = (
        "Gletscher schmelzen\n\nDie Forscherin kehrt nach sechs Wochen am Rhonegletscher zurück,"
        " im Gepäck 212 Eisbohrkerne, die das Klima der letzten Jahrhunderte speichern.\n\n"
        f"Über die Technische Hochschule Werraland\n{about}"
    )
    assert (about in parse_article(text).body) is kept


# What the sixth set's tuning half adds: the head read again where its title is doubtful,
# packed lines' bylines, indent-marked paragraphs, page numbers and more footers.


@pytest.mark.parametrize(
    "head",
    [
        "Startseite › Ratgeber › Wohnen & Recht\n\nRATGEBER",  # a breadcrumb, a kicker
        "Keystone-SDA | Basisdienst Deutsch | Inland\n10.12.2026 16:42 | ZUSAMMENFASSUNG",
        "Stadt Lörrach\nFachbereich Medien und Kommunikation",  # a sender of two words
        "WETTERBÜRO HARZ & HEIDE\nTextvorhersage für Medien",  # capitals only
    ],
)
def test_a_doubtful_title_gives_way_to_the_headline_over_the_text(head):
    text = (
        f"{head}\n\nStreupflicht im Winter: Was Mieter wissen müssen\n\n"
        "Wenn über Nacht Schnee fällt, beginnt für viele Hausbesitzer der Winterdienst, und"
        " wer nicht streut, haftet.\n\nMehr folgt."
    )
    parsed = parse_article(text)
    assert parsed.title == "Streupflicht im Winter: Was Mieter wissen müssen"
    assert paragraphs(parsed)[0].startswith("Wenn über Nacht Schnee fällt")
    assert headings(parsed) == []


def test_a_title_over_a_subheading_over_the_text_stays_the_title():
    text = (
        "Rat beschließt Brücke\n\nNeue Pläne für den Markt\n\n"
        "Der Rat hat am Abend mit großer Mehrheit beschlossen, die Brücke über den Fluss neu zu"
        " bauen."
    )
    assert parse_article(text).title == "Rat beschließt Brücke"


def test_the_headline_set_apart_wins_over_a_kicker_in_the_heads_block():
    text = (
        "HSG Talheim e.V. | Handball seit 1972\nOberliga Baden-Württemberg, 13. Spieltag\n"
        "HSG Talheim - TV Lindach 31:29\n\nAufholjagd belohnt: Erste schlägt Lindach\n\n"
        "Geschrieben von Tobias Renner | 12.12.2026, 22:14 Uhr | Kategorie: 1. Herren\n\n"
        "Was für ein Abend in der Halle! Vor 620 Zuschauern hat unsere Erste den Favoriten"
        " geschlagen.\n\nMehr folgt."
    )
    parsed = parse_article(text)
    assert (parsed.title, parsed.byline, str(parsed.published_on)) == (
        "Aufholjagd belohnt: Erste schlägt Lindach",
        "Tobias Renner",
        "2026-12-12",
    )


def test_paragraphs_marked_by_an_indent():
    # Hard-wrapped at about 70 characters, a paragraph opened by three spaces.
    text = (
        "Hallenbäder öffnen länger\n\n"
        "   Wien (APA) - Die städtischen Hallenbäder in Wien haben ab kommender\n"
        "Woche länger geöffnet. Wie die zuständige Magistratsabteilung am\n"
        "Mittwoch mitteilte, schließen sieben der zwölf Hallenbäder später.\n"
        "   Begründet wird der Schritt mit dem Andrang in den Abendstunden.\n"
        "Die Becken seien abends zu voll, sagte eine Sprecherin der Stadt zur\n"
        "APA. Im November seien im Schnitt 14.800 Gäste gezählt worden.\n"
        "   Eine Entscheidung über die Wochenenden fällt im Frühjahr.\n"
        "(Schluss) vhs/kw\n"
    )
    parsed = parse_article(text)
    assert (parsed.dateline_place, parsed.publisher_name) == ("Wien", "APA")
    assert [paragraph.split()[0] for paragraph in paragraphs(parsed)] == [
        "Die",
        "Begründet",
        "Eine",
    ]
    assert "(Schluss)" not in parsed.body


@pytest.mark.parametrize("marker", ["Seite 1 von 2", "- 2 -", "Seite 3/4"])
def test_page_numbers_between_pages_go(marker):
    text = f"Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\n{marker}\n\nDer Bau beginnt."
    assert paragraphs(parse_article(text)) == ["Der Rat hat entschieden.", "Der Bau beginnt."]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("TOP 3: Antrag „Landarztpraxen sichern – Nachwuchs gewinnen“", True),
        ("So können Sie helfen:", True),
        ("Die Verbotszone umfasst die Altstadt innerhalb der folgenden Straßen:", False),
    ],
)
def test_headings_closed_by_a_quoted_name_or_a_colon(line, heading):
    text = f"Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\n{line}\n\nMehr folgt."
    assert (line.rstrip(":") in [h.rstrip(":") for h in headings(parse_article(text))]) is heading


def test_a_short_label_over_a_list_is_its_heading():
    # As the sixth and seventh sets' writers read "Das Wichtigste in Kürze:" over bullets.
    parsed = parse_article(
        "Rat beschließt Brücke\n\nDas Wichtigste in Kürze:\n• Der Bau beginnt.\n• Er kostet viel."
        "\n\nDer Rat hat entschieden."
    )
    assert headings(parsed) == ["Das Wichtigste in Kürze:"]


# What the seventh set's tuning half adds (besides Markdown and XML, see test_markup).


def test_a_block_under_a_rule_without_a_footer_line_stays():
    text = (
        "Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\n-----\nDer Bau beginnt.\nEr dauert."
    )
    assert parse_article(text).body.endswith("Der Bau beginnt.\n\nEr dauert.")


def test_a_preview_mark_on_the_title_goes():
    parsed = parse_article("VORSCHAU: Landtag entscheidet\n\nWiesbaden (dpa) - Der Landtag tagt.")
    assert (parsed.title, parsed.dateline_place) == ("Landtag entscheidet", "Wiesbaden")


def test_a_closing_block_of_short_lines_without_a_footer_line_stays():
    text = (
        "Falcons gewinnen Derby\n\nDie Falcons haben das Derby gewonnen.\n\n"
        "Tore: 1:0 Kowalczyk (8.), 1:1 Ström (23.)\nZuschauer: 13.400"
    )
    assert parse_article(text).body.endswith("Zuschauer: 13.400")
