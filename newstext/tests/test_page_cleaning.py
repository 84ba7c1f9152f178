"""What `formats.page_cleaning` removes from a page, and the lead and byline it finds."""

import pytest
from trafilatura.utils import load_html

from newstext.formats.page_cleaning import (
    author_take,
    byline_find,
    byline_split,
    captions_find,
    closing_credit_find,
    credit_find,
    first_item_keep,
    furniture_drop,
    lead_find,
    notes_drop,
    paragraphs_mark,
    repeats_drop,
)
from newstext.parsing import BlockKind

BODY = "<p>Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen.</p>"
LEAD = "Die Gemeinde muss sparen, doch Schwimmbad und Bücherei bleiben vorerst geöffnet."


def tree(body: str):
    return load_html(f"<html><body>{body}</body></html>")


def text(element) -> str:
    return " ".join(element.text_content().split())


def text_without_furniture(body: str, dropped: int) -> str:
    """The text of a page of `body` after `furniture_drop`, which must take off `dropped` boxes."""
    page = tree(body)
    assert furniture_drop(page) == dropped
    return text(page)


@pytest.mark.parametrize(
    "names",
    ['class="kommentare"', 'id="leserkommentare-liste"', 'class="box anzeige"',
     'class="social-teilen"', 'class="empfehlungen_box"', 'class="comment-list"',
     'class="audio-player"', 'class="css-1vd8e0n" data-testid="newsletter-inline"',
     'class="css-bq2h1a" data-testid="ad-slot"', 'id="cmpbox" class="cmpbox"',
     'id="usercentrics-root"', 'class="css-u7v8w9x" data-testid="poll"', 'class="umfrage-box"',
     'class="pm-contact"', 'class="kontakt"', 'id="ansprechpartner"',
     # names in camel case
     'class="cssBoxTeaserStandard audioTeaser"', 'class="socialBookmarks"'],
)  # fmt: skip
def test_furniture_named_in_german_or_english_is_dropped(names):
    box = f"<div {names}><p>Typisch Gemeinde!</p></div>"
    left = text_without_furniture(f"<h1>Haushalt</h1>{BODY}{box}", dropped=1)
    assert "Typisch" not in left
    assert "Haushalt für das kommende Jahr" in left


def test_a_box_inside_dropped_furniture_goes_with_it_and_counts_once():
    comments = '<div class="kommentare"><div class="comment">Typisch!</div><div class="ad">Kauf!</div></div>'
    left = text_without_furniture(f"<h1>Haushalt</h1>{BODY}{comments}", dropped=1)
    assert "Typisch" not in left
    assert "Kauf" not in left


def test_a_box_holding_the_headline_or_most_text_stays_whatever_its_name():
    page = tree(f'<div class="share-enabled"><h1>Haushalt</h1>{BODY}</div>')
    assert furniture_drop(page) == 0
    page = tree(f'<div class="page comments-on">{BODY * 3}</div><h1>Haushalt</h1>')
    assert furniture_drop(page) == 0


def test_names_only_match_whole_parts():
    # A small box, so that only its name could drop it: "shared", "adverts",
    # "commentary", "pollen" and "kontaktlos" hold furniture words but are none, in
    # camel case too ("sharedLinks", "pollenFlug").
    box = (
        '<div class="shared-box sidebar-adverts pollen-flug kontaktlos sharedLinks pollenFlug"'
        ' id="commentary">Typisch Gemeinde!</div>'
    )
    page = tree(f"<h1>Haushalt</h1>{BODY * 3}{box}")
    assert furniture_drop(page) == 0


def test_a_component_named_in_a_data_attribute_counts_only_for_furniture_names() -> None:
    # Generated class names say nothing; the component's name says what the box is.
    box = '<div class="css-9ybbc5" data-testid="article-summary">Typisch Gemeinde!</div>'
    assert "Typisch" in text_without_furniture(f"<h1>Haushalt</h1>{BODY * 3}{box}", dropped=0)


def test_a_data_table_above_the_headline_is_dropped_one_under_it_stays() -> None:
    record = (
        "<table><tr><th>Kennung</th><td>lb-20260721-0153</td><th>Ressort</th><td>Politik</td>"
        "</tr><tr><th>Priorität</th><td>3</td><th>Wörter</th><td>356</td></tr></table>"
    )
    assert "Kennung" not in text_without_furniture(f"{record}<h1>Haushalt</h1>{BODY}", dropped=1)
    assert "Kennung" in text_without_furniture(f"<h1>Haushalt</h1>{BODY}{record}", dropped=0)
    # Without one headline to measure by, nothing is above it.
    page = tree(f"{record}<h1>Haushalt</h1>{BODY}<h1>Sport</h1>{BODY}")
    assert furniture_drop(page) == 0


def test_the_lead_between_headline_and_body_is_found():
    page = tree(f'<h1>Haushalt</h1><div class="article-intro"><p>{LEAD}</p></div>{BODY}')
    kept = ["Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."]
    assert lead_find(page, kept=kept) == LEAD


def test_the_lead_the_description_repeats_is_found_even_cut_short():
    meta = f'<meta property="og:description" content="{LEAD[:60]}…">'
    page = load_html(
        f"<html><head>{meta}</head><body><h1>H</h1><p><b>{LEAD}</b></p>{BODY}</body></html>"
    )
    kept = ["Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."]
    assert lead_find(page, kept=kept) == LEAD


def test_no_lead_when_kept_already_below_the_body_or_only_links():
    kept = ["Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."]
    page = tree(f'<h1>H</h1><div class="intro"><p>{LEAD}</p></div>{BODY}')
    assert lead_find(page, kept=[LEAD, *kept]) is None
    page = tree(f'<h1>H</h1>{BODY}<div class="intro"><p>{LEAD}</p></div>')
    assert lead_find(page, kept=kept) is None
    page = tree(f'<h1>H</h1><div class="teaser"><a href="/x">{LEAD}</a></div>{BODY}')
    assert lead_find(page, kept=kept) is None
    page = tree(f'<div class="intro"><p>{LEAD}</p></div><h1>H</h1>{BODY}')
    assert lead_find(page, kept=kept) is None


def test_a_caption_is_not_the_lead_whatever_its_figure_is_called():
    kept = ["Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."]
    caption = "Der Kämmerer stellt den Haushalt im Ratssaal vor. Foto: Carla Nees"
    page = tree(
        f'<h1>H</h1><figure class="lead-image"><img src="a.jpg"><figcaption>{caption}'
        f"</figcaption></figure>{BODY}"
    )
    assert lead_find(page, kept=kept) is None


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Von Sven Lüders | 29.09.2025, 22:05 Uhr", "Sven Lüders"),
        ("Von Jana Berger und Tim Kohl · 14. März 2025", "Jana Berger, Tim Kohl"),
        ("Autorin: Petra Lohmann", "Petra Lohmann"),
        ("Aktualisiert am 02.06.2025, 16:40 Uhr", ""),
        ("14.03.2025 | 4 Min. Lesezeit", ""),
        ("Dienstag, 01.12.2026", ""),
        ("Von Dr. Katrin Möller, Korrespondentin in Brüssel", "Dr. Katrin Möller"),
        ("Von unserem Redakteur Martin Kolbe", "Martin Kolbe"),
        ("Von unserer Korrespondentin in Paris Anne Roth", "Anne Roth"),
        ("Autor: Jens Hallermann | Stand: 07.12.2026, 14:03 Uhr", "Jens Hallermann"),
        ("Erstellt: 01.12.2026, 14:32 Uhr | Autor: Rüdiger Frank", "Rüdiger Frank"),
        ("14.03.2025 · Von Jana Berger", "Jana Berger"),
        (
            "Von Ines Haberland und Malte Quast (Text) und Lena Sommer (Fotos)",
            "Ines Haberland, Malte Quast",
        ),
        ("Quelle: dpa", "dpa"),
        ("Von AFP/dpa", "AFP/dpa"),
        ("· 12 Min. Lesezeit", ""),
        ("Lesedauer: 4 Minuten", ""),
        # an opinion or feature piece names its kind first
        ("Ein Kommentar von Robert Seidel", "Robert Seidel"),
        ("Eine Analyse von Jana Berger · 14. März 2025", "Jana Berger"),
        ("Gastbeitrag von Prof. Anna Roth", "Prof. Anna Roth"),
        # a German site's English pages
        ("By Hannah Lorenz and Tom Weber ·", "Hannah Lorenz, Tom Weber"),
        # what is left of "<time>04.07.2026 00:30</time> von Deniz Kaya"
        ("von Deniz Kaya", "Deniz Kaya"),
        # a date with the section it is filed under
        ("28.03.2026 | Nachrichten", ""),
        ("Dienstag, 01.12.2026 · Lokales Wetter", ""),
        # a paid article's badge after the credits
        (
            "Text: Jana Berger · Fotos: Tim Kohl · 8. Oktober 2026 · Lesezeit 7 Min. LB+",
            "Jana Berger",
        ),
        # a small CMS's line, the date first, in lower case; the pictures' credit after "/"
        ("eingestellt am 03.07.2026 von Gerd Lohse", "Gerd Lohse"),
        ("Veröffentlicht am 14. Mai 2026 von Anja Rotter", "Anja Rotter"),
        ("Text: Anja Rotter / Fotos: Vereinsarchiv", "Anja Rotter"),
    ],
)
def test_byline_and_date_lines_above_the_text_are_taken_out(line, byline):
    texts = [(BlockKind.PARAGRAPH, line), (BlockKind.PARAGRAPH, LEAD)]
    assert byline_split(texts) == ([(BlockKind.PARAGRAPH, LEAD)], byline)


def test_byline_and_date_lines_under_the_lead_are_taken_out():
    body = (BlockKind.PARAGRAPH, BODY.removeprefix("<p>").removesuffix("</p>"))
    texts = [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.PARAGRAPH, "Von Jana Berger und Tim Kohl"),
        (BlockKind.PARAGRAPH, "· 4 Min. Lesezeit"),
        body,
    ]
    assert byline_split(texts) == ([texts[0], body], "Jana Berger, Tim Kohl")


def test_sentences_that_start_like_bylines_stay():
    for sentence in (
        "Von Montag an gilt in der Innenstadt Tempo dreißig, sagte der Bürgermeister.",
        "Von Berlin aus fährt der Zug weiter nach Hamburg.",
        "Von Berlin, sagte er, sei nichts zu erwarten.",
        "Quelle: Polizeipräsidium Ammertal",
        "Von Montag (1. Dezember) an gilt Tempo dreißig.",
        "Die Lesezeit beträgt 4 Minuten.",
        "Ein Kommentar von Robert Seidel hat im Stadtrat für Ärger gesorgt.",
        "Eine Analyse von Fachleuten kommt zu einem anderen Ergebnis.",
        "von Montag an gilt in der Innenstadt Tempo dreißig.",
        "28.03.2026 | Die Bahn fährt wieder, sagt der Landrat.",
        "Von Montag an kostet das Ticket 49 Euro + Zuschlag.",
        "Eingestellt am 03.07.2026 von der Gemeindeverwaltung.",
        "Von Montag an fährt der Bus / die Bahn wieder nach Plan.",
        # a long run of capitals is one word, not tried split at every letter
        "Von Anna Roth, MITTELDEUTSCHERRUNDFUNKTHUERINGEN sagte sie.",
    ):
        texts = [(BlockKind.PARAGRAPH, sentence), (BlockKind.PARAGRAPH, LEAD)]
        assert byline_split(texts) == (texts, "")


def paragraphs(page) -> list[str]:
    return [text(element) for element in page.iter("p")]


def test_text_runs_between_double_breaks_become_paragraphs():
    page = tree(
        '<td class="inhalt"><b>Haushalt beschlossen</b><br><br>Der Gemeinderat hat am Montag'
        " getagt.<br>\nEr stimmte zu.<br><br><br>Die Schulden steigen.<br>\n<br><i>Ende</i></td>"
    )
    assert paragraphs_mark(page) == 4
    assert paragraphs(page) == [
        "Haushalt beschlossen",
        "Der Gemeinderat hat am Montag getagt. Er stimmte zu.",  # one break stays a line
        "Die Schulden steigen.",
        "Ende",
    ]


def test_a_paragraph_of_double_breaks_becomes_paragraphs_in_its_place():
    page = tree("<div><p>Erster Absatz.<br><br>Zweiter Absatz.</p><p>Dritter.</p></div>")
    paragraphs_mark(page)
    assert paragraphs(page) == ["Erster Absatz.", "Zweiter Absatz.", "Dritter."]


def test_a_div_of_text_is_a_paragraph_a_div_of_links_or_boxes_is_not():
    page = tree(
        "<div class='text'><div><b>Preise steigen</b></div><div>Der Wein wird teurer.</div>"
        "<div>Lesen Sie auch: <a href='/x'>Die Winzer und der Frost im April</a></div></div>"
    )
    paragraphs_mark(page)
    assert paragraphs(page) == ["Preise steigen", "Der Wein wird teurer."]
    assert page.find(".//div[@class='text']") is not None
    # A text-only div on its own is more often a label than a paragraph.
    page = tree(
        "<div class='kicker'>Weinbau</div><h1>Preise steigen</h1><p>Der Wein wird teurer.</p>"
    )
    paragraphs_mark(page)
    assert paragraphs(page) == ["Der Wein wird teurer."]


def test_a_layout_table_becomes_boxes_a_data_table_stays():
    layout = "<table><tr><td><a href='/'>Start</a></td><td><p>Der Rat tagt.</p></td></tr></table>"
    data = "<table><tr><th>Name</th><th>Stimmen</th></tr><tr><td>Oswald</td><td>6.412</td></tr></table>"
    single = "<table><tr><td><b>Kommentar schreiben</b></td></tr></table>"
    page = tree(layout + data + single)
    paragraphs_mark(page)
    assert len(page.findall(".//table")) == 1
    assert [text(cell) for cell in page.iter("td")] == ["Oswald", "6.412"]


def test_an_inline_wrapper_around_paragraphs_is_unwrapped_one_inside_a_line_stays() -> None:
    """Old pages set a whole text in `<font size="2">`; its `<br><br>` paragraphs would
    have become paragraphs inside a paragraph."""
    page = tree(
        "<td><font size='1'>Lokales</font><br><br><font size='2'>Erster Absatz.<br><br>"
        "Zweiter <b>fett</b> Absatz.<br><br>Dritter.</font></td>"
    )
    paragraphs_mark(page)
    assert paragraphs(page) == ["Lokales", "Erster Absatz.", "Zweiter fett Absatz.", "Dritter."]
    assert page.find(".//p//p") is None
    assert [text(font) for font in page.iter("font")] == ["Lokales"]
    assert [text(bold) for bold in page.iter("b")] == ["fett"]


def test_a_layout_tables_side_columns_are_asides_and_the_rows_under_it_footers() -> None:
    """A page laid out in a table: the menus' and ads' columns beside the text's column,
    its copyright in a row across the width under them."""
    menu = "<td><a href='/a'>Lokales</a><br><a href='/b'>Sport</a></td>"
    ads = "<td><table><tr><td>Anzeige</td></tr><tr><td>Termine</td></tr></table></td>"
    text_cell = f"<td>{BODY * 3}</td>"
    page = tree(
        f"<table><tr><td colspan='3'>Kopf</td></tr><tr>{menu}{text_cell}{ads}</tr>"
        "<tr><td colspan='3'>© 2026 Heimatblatt · Marktplatz 7</td></tr></table>"
    )
    paragraphs_mark(page)
    assert [text(aside) for aside in page.iter("aside")] == ["LokalesSport", "AnzeigeTermine"]
    footers = [text(footer) for footer in page.iter("footer")]
    assert footers == ["© 2026 Heimatblatt · Marktplatz 7"]
    assert "Kopf" in [text(div) for div in page.iter("div")]  # above the text: left as it is
    assert [text(main) for main in page.iter("main")] == [text(tree(BODY * 3))]
    # columns that share the text (a grid of teasers), and a table of one column, stay boxes
    teasers = f"<table><tr>{text_cell}{text_cell}</tr><tr><td>Mehr</td></tr></table>"
    column = f"<table><tr>{text_cell}</tr><tr><td>Zweiter Teil des Textes.</td></tr></table>"
    for layout in (teasers, column):
        page = tree(layout)
        paragraphs_mark(page)
        assert page.find(".//aside") is None
        assert page.find(".//footer") is None
        assert page.find(".//main") is None
        assert page.find(".//table") is None


def test_paragraphs_and_lists_of_links_are_dropped_sentences_with_links_stay():
    links = (
        "<p><b>Service</b><br><a href='/a'>Veranstaltungen</a><br><a href='/b'>Familienanzeigen</a></p>"
        "<ul><li><a href='/c'>Impressum</a></li><li><a href='/d'>Kontakt</a></li></ul>"
    )
    sentence = (
        "<p>Der <a href='/rat'>Gemeinderat</a> hat am Montag den Haushalt für das kommende Jahr"
        " beschlossen, wie die <a href='/stadt'>Stadt</a> mitteilte.</p>"
    )
    left = text_without_furniture(f"<h1>Haushalt</h1>{sentence}{BODY * 3}{links}", dropped=2)
    assert "Familienanzeigen" not in left
    assert "Kontakt" not in left
    assert "wie die Stadt mitteilte" in left


def test_a_list_of_tools_and_counters_is_dropped_a_list_with_text_stays() -> None:
    tools = "<ul><li><a href='/print'>Druckversion</a></li><li>412 Aufrufe</li></ul>"
    assert "Aufrufe" not in text_without_furniture(f"<h1>Haushalt</h1>{BODY * 3}{tools}", dropped=1)
    mixed = "<ul><li>Drucken</li><li>Die Stadt zahlt 412 Euro für den Druck.</li></ul>"
    page = tree(f"<h1>Haushalt</h1>{BODY * 3}{mixed}")
    assert furniture_drop(page) == 0


def teaser(headline: str, tag: str = "div") -> str:
    return (
        f"<{tag} class='t'><h2><a href='/a'>{headline}</a></h2>"
        f"<p>Die Stadtbücherei hat künftig auch samstags geöffnet.</p></{tag}>"
    )


@pytest.mark.parametrize(
    "box",
    [
        f"<div class='latest'>{teaser('Bücherei öffnet samstags')}{teaser('Turm wird saniert')}</div>",
        f"<section><h3>Aus der Region</h3>{teaser('Bücherei öffnet')}{teaser('Turm')}</section>",
        f"<ul>{teaser('Bücherei öffnet samstags', 'li')}{teaser('Turm wird saniert', 'li')}</ul>",
    ],
    ids=["teasers", "titled", "list"],
)
def test_teasers_headed_by_links_are_dropped_whatever_their_box_is_called(box: str) -> None:
    assert "Bücherei" not in text_without_furniture(f"<h1>Haushalt</h1>{BODY * 3}{box}", dropped=1)


@pytest.mark.parametrize(
    "box",
    [
        # an article's sections: subheadings that link nowhere
        "<div><div><h2>Schulen zuerst</h2><p>Die Schulen bekommen mehr Geld.</p></div>"
        "<div><h2>Straßen danach</h2><p>Der Rest geht an die Straßen.</p></div></div>",
        # one teaser alone; beside teasers, a section whose heading only holds a link
        f"<div>{teaser('Bücherei öffnet samstags')}<p>Der Rat hat noch nicht entschieden.</p></div>",
        "<div><div><h2>Mehr beim <a href='/land'>Land</a></h2><p>Die Schulen.</p></div>"
        f"{teaser('Turm wird saniert')}{teaser('Bücherei öffnet')}</div>",
    ],
    ids=["sections", "one-teaser", "partly-linked"],
)
def test_sections_under_headings_that_are_no_links_stay(box: str) -> None:
    page = tree(f"<h1>Haushalt</h1>{BODY * 3}{box}")
    assert furniture_drop(page) == 0


def test_a_caption_set_as_a_div_in_a_pictures_box_is_dropped() -> None:
    # the picture a `<picture>` whose `<img>` a script fills in
    media = (
        "<div class='media media--type-image'><picture><source srcset='a.webp'></picture>"
        "<div class='field field--name-field-bildunterschrift'>Das Becken von oben.</div>"
        "<div class='field field--name-field-bildrechte'>Bild: Wasserverband</div></div>"
    )
    left = text_without_furniture(f"<h1>Haushalt</h1>{media}{BODY * 3}", dropped=2)
    assert "Becken" not in left
    assert "Wasserverband" not in left


@pytest.mark.parametrize(
    "media",
    [
        # a broadcaster's picture box, its caption and credit in elements named otherwise
        "<div class='mediaBox imageBox'><img src='a.jpg'><div class='mediaInfo'>"
        "<p class='subtitle'>Das Becken von oben.</p><p class='copyright'>Bildrechte: MRF</p>"
        "</div></div>",
        # a Drupal media field: the box goes whole, with its named caption
        "<div class='media media--type-image'><img src='a.jpg'>"
        "<div class='field field--name-field-bildunterschrift'>Das Becken von oben.</div></div>",
    ],
)
def test_a_pictures_box_goes_with_its_caption_whatever_the_captions_name(media: str) -> None:
    left = text_without_furniture(f"<h1>Haushalt</h1>{media}{BODY * 3}", dropped=1)
    assert "Becken" not in left


@pytest.mark.parametrize(
    "box",
    [
        # no picture in it
        "<div class='media-text'><p>Das Becken von oben wird saniert.</p></div>",
        # more text than a caption beside the picture
        f"<div class='image-story'><img src='a.jpg'><p>{' '.join(['Das Becken wird saniert.'] * 12)}</p></div>",
        # a figcaption is left to the extraction and to a gallery's captions
        "<div class='bild'><figure><img src='a.jpg'><figcaption>Das Becken.</figcaption></figure></div>",
    ],
)  # fmt: skip
def test_a_box_named_as_a_picture_with_text_or_a_figcaption_stays(box: str) -> None:
    assert "Becken" in text_without_furniture(f"<h1>Haushalt</h1>{BODY * 3}{box}", dropped=0)


def test_a_figcaption_and_a_caption_outside_a_picture_stay() -> None:
    figure = (
        "<figure class='image'><img src='a.jpg'><figcaption>"
        "<span class='caption'>Die Weinkönigin winkt.</span></figcaption></figure>"
    )
    # a "caption" box holding text, not inside a picture's box
    box = "<div class='caption-box'><p>Der Rat hat getagt.</p></div>"
    page = tree(f"<h1>Haushalt</h1>{figure}{BODY * 3}{box}")
    assert furniture_drop(page) == 0


def test_a_custom_element_named_as_furniture_is_dropped():
    ad = "<amp-ad type='x'><div>Anzeige</div></amp-ad>"
    assert "Anzeige" not in text_without_furniture(f"<h1>Haushalt</h1>{BODY * 3}{ad}", dropped=1)


def test_the_byline_in_the_header_is_found_not_one_below_the_text():
    kept = ["Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."]
    header = (
        '<div class="meta"><span>Von Tim Kohl und Jana Weber</span> <time>04.12.2026</time></div>'
    )
    page = tree(f"<h1>Haushalt</h1>{header}{BODY}")
    assert byline_find(page, kept=kept) == "Tim Kohl, Jana Weber"
    page = tree(f"<h1>Haushalt</h1>{BODY}<p>Von Tim Kohl</p>")
    assert byline_find(page, kept=kept) == ""
    page = tree(
        f"<h1>Haushalt</h1><p>Von Montag an gilt in der Innenstadt Tempo dreißig.</p>{BODY}"
    )
    assert byline_find(page, kept=kept) == ""


@pytest.mark.parametrize(
    ("box", "name"),
    [
        ('<p class="autor">Anna Roth</p>', "Anna Roth"),
        ('<div class="article-byline"><a href="/a/roth">Anna Roth</a></div>', "Anna Roth"),
        ('<span class="verfasser">Anna Roth und Tim Kohl</span>', "Anna Roth, Tim Kohl"),
        # a Drupal field's label without its colon
        ('<div class="field--name-field-autor">Autorin Dörte Pahl</div>', "Dörte Pahl"),
        ('<div class="author">Von Anna Roth | 03.03.2026</div>', "Anna Roth"),
    ],
)
def test_an_element_named_as_the_authors_gives_the_name_and_leaves_the_text(
    box: str, name: str
) -> None:
    page = tree(f"<h1>Haushalt</h1>{box}{BODY}")
    assert author_take(page) == name
    assert text(page) == text(tree(f"<h1>Haushalt</h1>{BODY}"))


@pytest.mark.parametrize(
    "box",
    [
        # one of the names in a byline line, which the byline's own search reads whole
        '<p>Von <a class="author-link">Anna Roth</a> und <a class="author-link">Tim Kohl</a></p>',
        # a quotation's author
        '<blockquote><p>Bauen ist Politik.</p><cite class="author">Max Frisch</cite></blockquote>',
        # not a name
        '<div class="author-box">Über die Autorin</div>',
        '<div class="autor-info">Redakteurin in der Lokalredaktion seit 2019.</div>',
    ],
)
def test_an_element_named_as_the_authors_without_a_name_of_its_own_stays(box: str) -> None:
    page = tree(f"<h1>Haushalt</h1>{box}{BODY}")
    assert author_take(page) == ""
    assert text(page) == text(tree(f"<h1>Haushalt</h1>{box}{BODY}"))


def test_the_interviewer_is_found_in_the_credit_below():
    texts = [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.PARAGRAPH, "Das Interview führte Henrike Sommer."),
    ]
    assert credit_find(texts) == "Henrike Sommer"
    assert credit_find([(BlockKind.PARAGRAPH, "Das Interview führte zu Ärger im Rathaus.")]) == ""


def test_date_lines_teasers_and_end_notes_are_taken_out():
    texts = [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.PARAGRAPH, "Stand: 07.12.2026, 14:03 Uhr"),
        (BlockKind.PARAGRAPH, "Lesen Sie auch: Neues Versorgungszentrum in Zeitz geplant"),
        (BlockKind.PARAGRAPH, "Foto: privat"),
        (BlockKind.PARAGRAPH, "Bild: Wasserverband Prignitz"),
        (BlockKind.PARAGRAPH, "412 Aufrufe"),
        (BlockKind.PARAGRAPH, "Zugriffe: 1.214"),
        (BlockKind.PARAGRAPH, "Aktualisiert 16:02 Uhr (neu: Stellungnahme der Stadt, 6. Absatz)"),
        (BlockKind.PARAGRAPH, "Stand: 14:30 Uhr"),
        (
            BlockKind.PARAGRAPH,
            "Aktualisiert am 6. Dezember 2026 um 10:24 Uhr: Stellungnahme ergänzt.",
        ),
        (BlockKind.PARAGRAPH, "Bildrechte: MRF/Tobias Kranz"),
        (BlockKind.PARAGRAPH, "Anzeige"),
        (BlockKind.PARAGRAPH, "© Lokalblatt 2026. Alle Rechte vorbehalten."),
        (BlockKind.PARAGRAPH, "Der Stand der Bauarbeiten ist gut, sagte der Bürgermeister."),
        (BlockKind.PARAGRAPH, "Die Seite hatte am ersten Tag 412 Aufrufe."),
        (BlockKind.PARAGRAPH, "Aktualisiert wurde der Plan um 16:02 Uhr (nach der Sitzung)."),
        (BlockKind.PARAGRAPH, "Anzeige erstattete der Nachbar."),
        (BlockKind.PARAGRAPH, "Bild: Die Kinder malen. Sie lachen."),
        (BlockKind.PARAGRAPH, "Aktualisiert am 6. Dezember 2026 um 10:24 Uhr: Er sagte: Nein."),
        (BlockKind.PARAGRAPH, "Quelle: https://www.lokalblatt.example/artikel-1.html"),
        (BlockKind.PARAGRAPH, "Quelle: lokalblatt.example"),
        (BlockKind.PARAGRAPH, "© Lokalblatt 2026"),
    ]
    assert notes_drop(texts) == [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.PARAGRAPH, "© Lokalblatt 2026. Alle Rechte vorbehalten."),  # not at the end
        (BlockKind.PARAGRAPH, "Der Stand der Bauarbeiten ist gut, sagte der Bürgermeister."),
        (BlockKind.PARAGRAPH, "Die Seite hatte am ersten Tag 412 Aufrufe."),
        (BlockKind.PARAGRAPH, "Aktualisiert wurde der Plan um 16:02 Uhr (nach der Sitzung)."),
        (BlockKind.PARAGRAPH, "Anzeige erstattete der Nachbar."),
        (BlockKind.PARAGRAPH, "Bild: Die Kinder malen. Sie lachen."),
        (BlockKind.PARAGRAPH, "Aktualisiert am 6. Dezember 2026 um 10:24 Uhr: Er sagte: Nein."),
    ]


@pytest.mark.parametrize(
    "note",
    [
        "Dieser Text wurde von einer Prüf-Gruppe geprüft.",
        "Dieser Artikel wurde zuletzt am 3. Dezember 2026 um 14.30 Uhr aktualisiert.",
        "Dieser Beitrag erschien zuerst in der Wochenendausgabe.",
        "Der Text wurde mit Unterstützung einer KI erstellt und von der Redaktion geprüft.",
        "This article was translated from German by the editorial team.",
        "Schreiben Sie der Autorin: j.berger@lokalblatt.example",
        "dpa rk yyzz n1 fs",  # an agency's routing code
        # a print view's note on what was printed, and when
        "Dieser Artikel wurde gedruckt von: https://www.lokalblatt.example/artikel-1.html",
        "Abgerufen am 07.12.2026 um 19:14 Uhr",
        # the author's credit closing the text
        "Text und Foto: Horst Rehbein",
        "Text/Fotos: Merle Hansen",
        "Text: Anja Rotter / Fotos: Vereinsarchiv",
        # a press portal's line under a release it sent
        "Original-Content von: Stadtwerke Talheim, übermittelt durch news aktuell",
        # as the text import knows it (`parsing.DISTRIBUTION_FOOTER`): also with a dot in
        # the sender's name, and other services' lines
        "Original-Content von: Stadtwerke Talheim GmbH & Co. KG, übermittelt durch news aktuell",
        "OTS: Stadtwerke Talheim",
        "Pressemitteilung verbreitet über pressetext",
    ],
)
def test_a_note_on_the_text_at_its_end_is_taken_out(note):
    texts = [(BlockKind.PARAGRAPH, LEAD), (BlockKind.PARAGRAPH, note)]
    assert notes_drop(texts) == [(BlockKind.PARAGRAPH, LEAD)]
    # Not at the end, it is the text's own sentence.
    assert notes_drop([*reversed(texts)]) == [*reversed(texts)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dieser Artikel wurde 1949 ins Grundgesetz aufgenommen.",
        "Der Beitrag wurde im Kreistag heftig kritisiert.",
        "Der Text ist nach Ansicht der Kritiker zu lang.",
        "Dieser Text wurde geprüft, sagte sie, und dann doch verworfen. Niemand weiß warum.",
        "This story is far from over.",
        "Fragen beantwortet das Bürgerbüro unter buergerbuero@talheim.example und am Telefon.",
        "Der Zuschuss wurde am 07.12.2026 abgerufen.",
        "Gedruckt wird die Zeitung von der Druckerei Rehbein.",
        "Text und Foto zeigen, wie eng es an der Baustelle zugeht.",
        "Original-Content von Nutzern verkauft die Plattform nicht.",
        "Die Nachricht wurde über Funk verbreitet.",
    ],
)
def test_a_last_sentence_about_a_text_or_article_as_its_subject_stays(sentence):
    texts = [(BlockKind.PARAGRAPH, LEAD), (BlockKind.PARAGRAPH, sentence)]
    assert notes_drop(texts) == texts


def test_a_pull_quote_repeating_the_text_is_taken_out_once():
    sentence = (
        "Ein Hektar entwässertes Moor stößt so viel aus wie ein Auto, das zehnmal um die Erde fährt"
    )
    texts = [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.PARAGRAPH, f"„{sentence}“, sagt die Hydrologin. Sie kniet am Grabenrand."),
        (BlockKind.PARAGRAPH, f"„{sentence}.“"),
        (BlockKind.HEADING, "Ein Boden, der ausatmet"),
        (BlockKind.PARAGRAPH, "Ein Boden, der ausatmet, sagt sie."),
        (BlockKind.PARAGRAPH, "Das dauert lange."),
        (BlockKind.PARAGRAPH, "Das dauert lange."),
    ]
    # Short lines and headings may repeat; so may a paragraph found nowhere else.
    assert repeats_drop(texts) == texts[:2] + texts[3:]
    twice = [(BlockKind.PARAGRAPH, LEAD), (BlockKind.PARAGRAPH, LEAD)]
    assert repeats_drop(twice) == twice[:1]
    # A long heading printed again as a paragraph: the heading stays, wherever it stands.
    heading = (BlockKind.HEADING, f"{sentence}!")
    assert repeats_drop([(BlockKind.PARAGRAPH, f"„{sentence}“"), heading]) == [heading]
    assert repeats_drop([heading, (BlockKind.PARAGRAPH, f"„{sentence}“")]) == [heading]
    # Whole words only: "Rat …" is not repeated inside "Stadtrat …".
    words = "Rat hat am Montag den Haushalt für das nächste Jahr beschlossen."
    pair = [(BlockKind.PARAGRAPH, f"Der Stadt{words.lower()}"), (BlockKind.PARAGRAPH, words)]
    assert repeats_drop(pair) == pair


@pytest.mark.parametrize(
    "title", ["Mehr zum Thema", "Meistgelesen", "Pressekontakt", "Über uns", "Fakten",
              "Zur Person", "Downloads", "Gefällt mir:", "Lesen Sie jetzt weiter mit TZ Plus",
              "Jetzt weiterlesen", "Exklusiv für Abonnenten", "Weitere Videos",
              "Mehr Podcasts", "Hinweis", "Fotos zum Thema im Bildfunk", "Kontakt",
              "Ihre Ansprechpartnerin", "Wissenschaftlicher Ansprechpartner",
              "Rückfragen bitte an:"],
)  # fmt: skip
def test_a_small_box_headed_as_furniture_is_dropped_whatever_its_class(title: str) -> None:
    box = f'<div class="x1"><h3>{title}</h3><p>Typisch Gemeinde!</p></div>'
    assert "Typisch" not in text_without_furniture(f"<h1>Haushalt</h1>{BODY}{box}", dropped=1)


@pytest.mark.parametrize("tag", ["p", "div", "strong"])
def test_a_box_titled_by_a_line_of_its_own_is_furniture_by_that_title(tag: str) -> None:
    box = f'<div class="x1"><{tag} class="x1__title">Hinweis</{tag}><p>Typisch Gemeinde!</p></div>'
    assert "Typisch" not in text_without_furniture(f"<h1>Haushalt</h1>{BODY}{box}", dropped=1)
    # A box opening with a sentence is text.
    box = "<div><p>Hinweise nimmt die Polizei entgegen.</p><p>Typisch Gemeinde!</p></div>"
    page = tree(f"<h1>Haushalt</h1>{BODY}{box}")
    assert furniture_drop(page) == 0


@pytest.mark.parametrize(
    ("paragraph", "furniture"),
    [
        (
            "<p><strong>Pressekontakt:</strong><br>Anna Roth<br>Pressestelle<br>Markt 1<br>"
            "12345 Talheim<br>Telefon 0123 4567<br>presse@talheim.example</p>",
            True,
        ),
        ("<p>Rückfragen bitte an:<br>Stadtwerke Talheim<br>Telefon 0123 4567</p>", True),
        # the line goes on after the title's words: a paragraph of text
        ("<p>Rückfragen bitte an das Rathaus, sagte er.<br>Die Nummer ändert sich.</p>", False),
        # a bold line naming no furniture over the lines under it
        ("<p><b>Die Fahrpläne</b><br>Anna Roth hat sie.<br>Telefon 0123 4567</p>", False),
    ],
    ids=["bold-title", "title", "line-goes-on", "other-title"],
)
def test_a_paragraph_of_lines_under_a_title_of_its_own_is_furniture_by_that_title(
    paragraph: str, furniture: bool
) -> None:
    left = text_without_furniture(f"<h1>Haushalt</h1>{BODY * 4}{paragraph}", dropped=furniture)
    assert ("0123" in left or "Nummer" in left) is not furniture


@pytest.mark.parametrize(
    ("box", "furniture"),
    [
        (
            "<div><h3>Über die Stadtwerke Talheim</h3>"
            "<p>Die Stadtwerke Talheim GmbH versorgen 42.000 Kunden.</p></div>",
            True,
        ),
        # the heading as the text import knows it (`parsing.is_about_heading`): no article
        (
            "<div><h3>Über Voltaro:</h3><p>Voltaro baut Roboter für Lagerhallen.</p></div>",
            True,
        ),
        ("<section><h2>Über die Alpen</h2><p>Der Weg führt am Montag weiter.</p></section>", False),
    ],
    ids=["about-box", "about-box-without-article", "subheading"],
)
def test_an_about_box_names_its_subject_again_a_subheading_over_text_does_not(
    box: str, furniture: bool
) -> None:
    left = text_without_furniture(
        f"<h1>Haushalt</h1>{BODY * 4}{box}", dropped=1 if furniture else 0
    )
    assert ("Über " in left) is not furniture


def test_a_section_under_such_a_heading_long_or_holding_much_of_the_text_stays() -> None:
    page = tree(f"<h1>Haushalt</h1><div><h2>Fakten</h2>{BODY * 4}</div>")
    assert furniture_drop(page) == 0
    page = tree(
        f"<h1>Haushalt</h1><div><h2>Fakten</h2>{BODY}<p>Das</p><p>ist</p><p>viel</p><p>mehr.</p></div>{BODY * 4}"
    )
    assert furniture_drop(page) == 0


def test_tool_lines_gallery_counters_and_notes_under_the_text_are_taken_out() -> None:
    texts = [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.PARAGRAPH, "Kommentare (14) · Artikel teilen · Drucken"),
        (BlockKind.PARAGRAPH, "Bildergalerie: Ein Tag auf der Alm (12 Bilder) Bild 1 von 12"),
        (BlockKind.PARAGRAPH, "Teilen Sie uns Ihre Meinung mit."),
        (
            BlockKind.PARAGRAPH,
            "Hinweis: Dieser Text ist eine Abschrift des Radiobeitrags. Er weicht ab.",
        ),
        (BlockKind.PARAGRAPH, "Sendung am Di., 12.5.2026 7:30 Uhr, Radio Südwest"),
        (BlockKind.PARAGRAPH, "Diese Reportage erschien in Heft 8/2026. Jetzt im Shop bestellen"),
        (BlockKind.PARAGRAPH, "ndn/hk"),
    ]
    assert notes_drop(texts) == [texts[0], texts[3]]
    # Inside the text, a sentence about a broadcast is the text's own.
    broadcast = (BlockKind.PARAGRAPH, "Sendung am Montag: Der Rat tagt um 19 Uhr im Rathaus.")
    assert notes_drop([broadcast, texts[0]]) == [broadcast, texts[0]]


def test_a_labelled_credit_under_the_text_names_the_author_a_bare_von_does_not() -> None:
    kept = ["Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen."]
    footer = '<div class="f"><p>Text: Merle Hansen</p><p>Fotos: Jan Petersen</p></div>'
    page = tree(f"<h1>Haushalt</h1><div>{BODY}</div>{footer}")
    assert closing_credit_find(page, kept=kept) == "Merle Hansen"
    credit = "<p><font size='1'>Text und Foto: Horst Rehbein</font></p>"
    assert closing_credit_find(tree(f"<h1>Haushalt</h1>{BODY}{credit}"), kept=kept) == (
        "Horst Rehbein"
    )
    credit = "<p><em>Text: Anja Rotter / Fotos: Vereinsarchiv</em></p>"
    assert closing_credit_find(tree(f"<h1>Haushalt</h1>{BODY}{credit}"), kept=kept) == (
        "Anja Rotter"
    )
    page = tree(f"<h1>Haushalt</h1>{BODY}<p>Von Tim Kohl</p>")
    assert closing_credit_find(page, kept=kept) == ""
    teasers = "<h3>Weitere Artikel</h3><p>Autor: Tim Kohl</p>"
    page = tree(f"<h1>Haushalt</h1>{BODY}{teasers}")
    assert closing_credit_find(page, kept=kept) == ""


def item(number: int, words: str = "Der Rat hat getagt.") -> str:
    return f"<article><h2>Meldung {number}</h2><p>{words} Nummer {number}.</p></article>"


def test_the_first_of_items_side_by_side_is_kept_alone() -> None:
    page = tree(f"<h1>Ticker</h1><div>{''.join(item(n) for n in range(4))}</div><p>Mehr</p>")
    assert first_item_keep(page) == "Meldung 0"
    assert text(page) == "Meldung 0Der Rat hat getagt. Nummer 0."


@pytest.mark.parametrize(
    ("opening", "listed"),
    [
        ('<time datetime="2026-12-07T14:32">14:32</time>', True),
        ("<span>07.12.2026, 14:32 Uhr</span>", True),
        ("<span>14:32 Uhr Anklam</span>", True),
        ("<p><span>Am 12. März 2026 begann alles</span> im Rathaus.</p>", False),
    ],
    ids=["time", "date-line", "time-line", "chapter"],
)
def test_entries_of_one_class_are_items_side_by_side_if_each_is_dated(
    opening: str, listed: bool
) -> None:
    """A ticker whose CMS gives its entries `div`s, each with its time, not `article`s;
    a story's chapters carry no date of their own, or one in a sentence, and stay."""
    entries = "".join(
        f'<div class="entry">{opening}<h2>Meldung {n}</h2><p>Der Rat hat getagt.</p></div>'
        for n in range(4)
    )
    page = tree(f"<h1>Ticker</h1><p>Kurz und aktuell.</p><div>{entries}</div>")
    assert first_item_keep(page) == ("Meldung 0" if listed else "")
    assert ("Meldung 3" in text(page)) is not listed
    assert ("Kurz und aktuell" in text(page)) is not listed


def test_an_article_with_teasers_as_articles_beside_it_is_no_list() -> None:
    story = f"<article><h1>Haushalt</h1>{BODY * 6}</article>"
    teasers = f"<section>{''.join(item(n) for n in range(3))}</section>"
    page = tree(story + teasers)
    assert first_item_keep(page) == ""
    page = tree(f"<h1>Haushalt</h1>{BODY * 12}<div>{''.join(item(n) for n in range(3))}</div>")
    assert first_item_keep(page) == ""
    assert "Meldung 2" in text(page)


@pytest.mark.parametrize(
    ("head", "heading", "holder"),
    [
        ('<script type="application/ld+json">{"@type": "LiveBlogPosting"}</script>', "Sturm", ""),
        ("<title>Sturm im Liveblog</title>", "Sturm", ""),
        ("", "Newsblog: Der Sturm", ""),
        ("", "Sturm", ' class="live-ticker"'),
    ],
)
def test_a_live_blog_keeps_all_its_entries(head: str, heading: str, holder: str) -> None:
    """Its entries look like a ticker's items, but tell one story."""
    entries = "".join(item(n) for n in range(4))
    page = tree(f"<html><head>{head}</head><body><h1>{heading}</h1><div{holder}>{entries}</div>")
    assert first_item_keep(page) == ""
    assert "Meldung 3" in text(page)


def test_a_live_blogs_entries_lose_the_names_that_mark_one_as_the_article() -> None:
    """trafilatura takes the first box called "entry" or "post" for the whole article: a
    live blog's entries so called came out as their first entry alone."""
    entries = "".join(
        f'<div class="entry" id="e{n}"><time>1{n}:00 Uhr</time><p>Lage {n}.</p></div>'
        for n in range(4)
    )
    head = '<script type="application/ld+json">{"@type": "LiveBlogPosting"}</script>'
    page = tree(f"<html><head>{head}</head><body><h1>Sturm</h1><div>{entries}</div>")
    assert first_item_keep(page) == ""
    assert [entry.get("class") for entry in page.iter("div") if entry.get("id")] == [""] * 4
    # a ticker's entries so called are items: the first one is kept, as it is
    page = tree(f"<h1>Ticker</h1><div>{entries.replace('<p>', '<h2>Meldung</h2><p>')}</div>")
    assert first_item_keep(page) == "Meldung"
    assert [entry.get("class") for entry in page.iter("div") if entry.get("id")] == ["entry"]


def test_captions_come_without_their_credits_and_counters() -> None:
    pictures = "".join(
        f"<figure><img src='{n}.jpg'><figcaption>{caption}</figcaption></figure>"
        for n, caption in enumerate(
            [
                "<span>Bild 1 von 3</span> <span>Die Weinkönigin winkt.</span>"
                " <span>Foto: Anna Keller</span>",
                "Rund 40 Gruppen zogen durch den Ort. Foto: Anna Keller",
                "Die Kinder zeigen ihre Bilder: Aquarelle aus dem Kurs (Foto: privat)",
                "<span>Foto: dpa</span>",
                LEAD,
            ]
        )
    )
    header = "<header><figure><figcaption>Unser Team.</figcaption></figure></header>"
    teasers = (
        "<figure><figcaption><a href='/a'>Neue Ampel an der Hafenstraße</a></figcaption></figure>"
        "<a href='/b'><figure><figcaption>Bibliothek öffnet länger</figcaption></figure></a>"
    )
    page = tree(f"{header}<h1>Winzerfest</h1>{pictures}{teasers}<aside>{pictures}</aside>")
    assert captions_find(page, kept=[LEAD]) == [
        "Die Weinkönigin winkt.",
        "Rund 40 Gruppen zogen durch den Ort.",
        "Die Kinder zeigen ihre Bilder: Aquarelle aus dem Kurs",
    ]
