import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def headings(parsed):
    return [parsed.body[b.start : b.end] for b in parsed.blocks if b.kind is BlockKind.HEADING]


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
    ],
)
def test_dateline_gives_place_and_agency(line, place, publisher, cited):
    parsed = parse_article(line)
    assert parsed.dateline_place == place
    assert parsed.publisher_name == publisher
    assert parsed.cited_source_names == cited
    assert not parsed.body.startswith(place)


def test_parenthesis_later_in_the_text_is_no_dateline():
    parsed = parse_article("Der Präsident (links) sagte – wie erwartet – wenig.")
    assert parsed.dateline_place == ""
    assert parsed.publisher_name == ""


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
