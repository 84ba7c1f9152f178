"""Markdown and XML exports read as the text they mark up (`newstext.markup`)."""

import pytest

from newstext.markup import plain_text
from newstext.parsing import parse_article
from newstext.tests.support import headings, paragraphs

MARKDOWN = """---
id: 88213
title: "Weihnachtsmarkt zieht Bilanz"
kicker: Erfurt
author: Lisa-Marie Thon
date: 2026-12-14T10:15:00+01:00
---

# Weihnachtsmarkt zieht Bilanz

**Erfurt.** Zur Halbzeit zieht die Stadt eine *positive* Bilanz, sagen Händler*innen.

![Besucher auf dem Domplatz](https://bilder.example/wm.jpg)
*Foto: Lisa-Marie Thon*

<!-- paywall -->

## Glühwein für 4,50 €

> „Die Leute bleiben länger“, sagt eine Händlerin.

Mehr dazu in [unserem Überblick](https://zeitung.example/maerkte).
"""

XML = """<?xml version="1.0" encoding="windows-1252"?>
<artikel id="lkz-0417">
<dachzeile>Meißen</dachzeile>
<headline>Bäckereikette stellt Insolvenzantrag</headline>
<author>Von Carsten Pfeil</author>
<pubdate>18.12.2026 08:10</pubdate>
<text>
<p><b>Meißen.</b> Die Bäckereikette hat einen Antrag gestellt.</p>
<bild src="f.jpg"><bildunterschrift>Eine Filiale.</bildunterschrift></bild>
<zwischentitel>Was Beschäftigte wissen müssen</zwischentitel>
<p>Die Mitarbeiter erhalten Insolvenzgeld.
Ihre Löhne sind bis Februar gesichert.</p>
</text>
</artikel>
"""


@pytest.mark.parametrize(
    ("document", "head", "heading", "texts"),
    [
        (
            MARKDOWN,
            ("Weihnachtsmarkt zieht Bilanz", "Lisa-Marie Thon", "Erfurt", "2026-12-14"),
            "Glühwein für 4,50 €",
            [
                "Zur Halbzeit zieht die Stadt eine positive Bilanz, sagen Händler*innen.",
                "„Die Leute bleiben länger“, sagt eine Händlerin.",
                "Mehr dazu in unserem Überblick.",
            ],
        ),
        (
            XML,
            ("Bäckereikette stellt Insolvenzantrag", "Carsten Pfeil", "Meißen", "2026-12-18"),
            "Was Beschäftigte wissen müssen",
            [
                "Die Bäckereikette hat einen Antrag gestellt.",
                "Die Mitarbeiter erhalten Insolvenzgeld. Ihre Löhne sind bis Februar gesichert.",
            ],
        ),
    ],
    ids=["markdown", "xml"],
)
def test_an_export_is_read_as_the_text_it_marks_up(document, head, heading, texts):
    parsed = parse_article(document)
    date = str(parsed.published_on)
    assert (parsed.title, parsed.byline, parsed.dateline_place, date) == head
    assert (headings(parsed), paragraphs(parsed)) == ([heading], texts)


@pytest.mark.parametrize(
    "text",
    [
        "Rat beschließt Brücke\n\nDer Rat hat *heute* entschieden, sagen Bürger*innen.",
        # a wire's notes for the newsroom in Markdown further down: no export
        "Rat beschließt Brücke\n\nDer Rat hat entschieden.\n\n# Notizblock\n\n## Orte\n- Rathaus",
        "Preis < 5 Euro\n\nDer Rat hat entschieden, dass a<b gilt.",
        '<script>alert("x")</script> steht im Text.',
        "<b>Rat beschließt Brücke</b>\n\nDer Rat hat entschieden.\n\n<i>Mehr folgt.</i>",
    ],
)
def test_plain_text_is_left_as_it_is(text):
    assert plain_text(text) == text
