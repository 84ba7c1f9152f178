"""What `formats.page_cleaning` removes from a page, and the lead and byline it finds."""

import pytest
from trafilatura.utils import load_html

from newstext.formats.page_cleaning import byline_split, furniture_drop, lead_find
from newstext.parsing import BlockKind

BODY = "<p>Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen.</p>"
LEAD = "Die Gemeinde muss sparen, doch Schwimmbad und Bücherei bleiben vorerst geöffnet."


def tree(body: str):
    return load_html(f"<html><body>{body}</body></html>")


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize(
    "names",
    ['class="kommentare"', 'id="leserkommentare-liste"', 'class="box anzeige"',
     'class="social-teilen"', 'class="empfehlungen_box"', 'class="comment-list"'],
)  # fmt: skip
def test_furniture_named_in_german_or_english_is_dropped(names):
    page = tree(f"<h1>Haushalt</h1>{BODY}<div {names}><p>Typisch Gemeinde!</p></div>")
    assert furniture_drop(page) == 1
    assert "Typisch" not in text(page)
    assert "Haushalt für das kommende Jahr" in text(page)


def test_a_box_inside_dropped_furniture_goes_with_it_and_counts_once():
    comments = '<div class="kommentare"><div class="comment">Typisch!</div><div class="ad">Kauf!</div></div>'
    page = tree(f"<h1>Haushalt</h1>{BODY}{comments}")
    assert furniture_drop(page) == 1
    assert "Typisch" not in text(page)
    assert "Kauf" not in text(page)


def test_a_box_holding_the_headline_or_most_text_stays_whatever_its_name():
    page = tree(f'<div class="share-enabled"><h1>Haushalt</h1>{BODY}</div>')
    assert furniture_drop(page) == 0
    page = tree(f'<div class="page comments-on">{BODY * 3}</div><h1>Haushalt</h1>')
    assert furniture_drop(page) == 0


def test_names_only_match_whole_parts():
    # A small box, so that only its name could drop it: "shared", "adverts" and
    # "commentary" hold furniture words but are none.
    box = '<div class="shared-box sidebar-adverts" id="commentary">Typisch Gemeinde!</div>'
    page = tree(f"<h1>Haushalt</h1>{BODY * 3}{box}")
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


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Von Sven Lüders | 29.09.2025, 22:05 Uhr", "Sven Lüders"),
        ("Von Jana Berger und Tim Kohl · 14. März 2025", "Jana Berger und Tim Kohl"),
        ("Autorin: Petra Lohmann", "Petra Lohmann"),
        ("Aktualisiert am 02.06.2025, 16:40 Uhr", ""),
        ("14.03.2025 | 4 Min. Lesezeit", ""),
    ],
)
def test_byline_and_date_lines_above_the_text_are_taken_out(line, byline):
    texts = [(BlockKind.PARAGRAPH, line), (BlockKind.PARAGRAPH, LEAD)]
    assert byline_split(texts, byline="") == ([(BlockKind.PARAGRAPH, LEAD)], byline)


def test_the_metadata_byline_wins_and_text_lines_stay():
    texts = [(BlockKind.PARAGRAPH, "Von Sven Lüders"), (BlockKind.PARAGRAPH, LEAD)]
    assert byline_split(texts, byline="Redaktion")[1] == "Redaktion"
    for sentence in (
        "Von Montag an gilt in der Innenstadt Tempo dreißig, sagte der Bürgermeister.",
        "Von Berlin aus fährt der Zug weiter nach Hamburg.",
        "Von Berlin, sagte er, sei nichts zu erwarten.",
    ):
        texts = [(BlockKind.PARAGRAPH, sentence), (BlockKind.PARAGRAPH, LEAD)]
        assert byline_split(texts, byline="") == (texts, "")
