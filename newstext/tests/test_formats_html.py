"""Web pages written for Newsdesk (see data/formats/README.md): text kept, furniture gone.

Measured on the first three pages (KEEP sentences present / DROP furniture absent, ~5 ms a page):
trafilatura favor_recall kept 25/25 and leaked 0/46; its default and favor_precision
kept 24/25 (lost the Taunus-Bote lead in class="teasertext"), leaking 0/46; jusText
(German stop list) kept 24/25 but leaked 6/46 (cookie banners, "Anzeige").

The other three pages came with `formats.page_cleaning`: before it, the Nordküsten-Kurier's
lead (in the article's header) was lost, the Landbote's comments (`class="kommentare"`)
came through as text, the Mittelland-Zeitung's byline line stayed in the text, and every
table cell was a paragraph of its own.
"""

import datetime
import socket
from pathlib import Path

import pytest

from newstext.formats.base import FormatError
from newstext.formats.html import parse_html
from newstext.parsing import BlockKind, DatePrecision

DATA = Path(__file__).parent / "data" / "formats" / "html"
MAX = 50_000

KEEP = {
    "landbote_schule.html": [
        "Wiesental. Der geplante Anbau der Grundschule Wiesental wird frühestens im Sommer 2027 fertig",
        "Zwei Klassen werden seit dem Herbst in Containern auf dem Pausenhof unterrichtet.",
        "„Jetzt wird ein weiterer Jahrgang in den Containern eingeschult“, kritisierte sie.",
        "Die Kosten für den Anbau steigen damit auf 4,8 Millionen Euro.",
    ],
    "mittelland_zeitung_wahl.html": [
        # The lead, in bold above the body.
        "Bei der Stichwahl um das Bürgermeisteramt hat sich Amtsinhaber Frank Oswald mit 50,8 Prozent gegen seine Herausforderin durchgesetzt.",
        "Graf gratulierte dem Wahlsieger noch am Abend im Rathaus.",
        "Er geht damit in seine dritte Amtszeit.",
        # A table row is one line.
        "Frank Oswald | 6.412 | 50,8 %",
        "Der dritte Bewerber, Jürgen Wendt (CDU), hatte keine Empfehlung für die Stichwahl abgegeben.",
    ],
    "nordkurier_hafen.html": [
        # The lead, in the article's header.
        "Der Streit um die Vertiefung der Hafeneinfahrt ist beigelegt. Die Landesregierung finanziert den größten Teil, die Stadt muss trotzdem sparen.",
        "Nach zweijährigen Verhandlungen hat das Wirtschaftsministerium in Kiel",
        "sprach von einem „guten Tag für die ganze Region“.",
        "Die Baggerarbeiten gefährdeten die Seegraswiesen in der Bucht",
        "Während der Bauzeit bleibt der Fährbetrieb eingeschränkt.",
    ],
    "rheinland_kurier_radwege.html": [
        "Nach monatelanger Debatte hat der Stadtrat am späten Sonntagabend mit 31 zu 28 Stimmen ein neues Radwegenetz für die Innenstadt beschlossen.",
        "Bis zum Jahr 2028 sollen rund 14 Kilometer geschützte Radspuren entstehen",
        "Oberbürgermeisterin Sabine Reuter sprach nach der Abstimmung",
        "dass am Ring mehr als 300 Parkplätze wegfallen könnten.",
        "Die Fraktion der Bürgerliste nannte den Beschluss einen teuren Kompromiss",
        "Nach Angaben des Tiefbauamts beginnen die Arbeiten am Ring",
        "Vierzehn Kilometer in drei Jahren seien „ein Anfang, kein Durchbruch“.",
    ],
    "stadtanzeiger_schwimmbad.html": [
        "Nach zwei Jahren Bauzeit ist das Schwimmbad in Ohlsdorf seit Sonntag wieder geöffnet.",
        "Die Sanierung kostete rund sieben Millionen Euro",
        "sagte Betriebsleiterin Katrin Vosgerau.",
        "Der Schwimmverein Ohlsdorf hatte während der Bauzeit",
        "Samstags und sonntags öffnet das Bad künftig schon um sieben Uhr.",
    ],
    "taunus_bote_faktencheck.html": [
        "In sozialen Netzwerken kursiert die Behauptung, im Taunus seien inzwischen „drei Viertel aller Bäume tot“.",
        "Ein viel geteilter Beitrag zeigt Luftaufnahmen kahler Hänge bei Königstein.",
        "rund 38 Prozent der Bäume als deutlich geschädigt.",
        "Forstfachleute sprechen von einem tiefgreifenden Umbau des Waldes",
        "Die Behauptung ist falsch.",
        "Quellen: Waldzustandsbericht Hessen 2024",
    ],
}
HEADINGS = {
    "landbote_schule.html": ["Eltern sind verärgert"],
    "mittelland_zeitung_wahl.html": ["Ergebnis im Überblick"],
    "nordkurier_hafen.html": ["Umweltverbände kündigen Klage an", "Baubeginn im Herbst"],
    "rheinland_kurier_radwege.html": [
        "Händler fürchten um Parkplätze",
        "Erste Bauabschnitte im Frühjahr",
    ],
    "stadtanzeiger_schwimmbad.html": [
        "Mehr Zeit für Schwimmkurse",
        "Längere Öffnungszeiten am Wochenende",
    ],
    "taunus_bote_faktencheck.html": ["Die Behauptung", "Was die Daten zeigen", "Bewertung"],
}
DROP = {
    "landbote_schule.html": [
        "Traueranzeigen",  # navigation
        "Startseite",  # breadcrumb
        "Diese Webseite nutzt Cookies",
        "Das könnte Sie auch interessieren",  # related links inside the text
        "Kita-Gebühren",
        "Artikel teilen",
        "Zurück zur Übersicht",
        "Ihre Meinung ist gefragt",  # comments, named in German
        "Typisch Gemeinde",
        "Wetter in Wiesental",  # sidebar
        "Bäckerei Heller",
        "Küchenstudio",  # ad
        "Impressum",
        "02.06.2025 | Michael Stöhr",  # the date and byline line
    ],
    "mittelland_zeitung_wahl.html": [
        "Ihre Privatsphäre",  # consent banner
        "Alle akzeptieren",
        "E-Paper",
        "Kommunalwahl",  # kicker
        "Von Sven Lüders",  # the byline line
        "22:05 Uhr",
        "Twittern",
        "Unsere Empfehlungen",
        "Liveblog",
        "Diskutieren Sie mit",  # comments
        "Knapper geht es nicht",
        "Cookie-Einstellungen",
        "Mittelland Medien",
    ],
    "nordkurier_hafen.html": [
        "Wir verwenden Cookies",
        "Pur-Abo",
        "Kultur",  # navigation
        "4 Min. Lesezeit",
        "Auf Facebook teilen",
        "Containerschiff läuft",  # caption
        "Lesen Sie auch",  # inline teaser
        "Fährverbindung nach Dänemark",
        "Anzeige",
        "Ferienwohnung",
        "3 von 5 freien Artikeln",  # paywall
        "Redakteurin im Ressort",  # author box
        "Schlagworte",
        "Mehr zum Thema",
        "Werft in Not",
        "Morgenbrief",
        "Kommentare",
        "Endlich bewegt sich was",
        "Meistgelesen",
        "Sturmflut",
        "Impressum",
        "Medienhaus GmbH",
    ],
    "rheinland_kurier_radwege.html": [
        "Cookies",  # cookie banner
        "Alle akzeptieren",
        "Ratgeber",  # navigation
        "Startseite",  # breadcrumb
        "Lesen Sie auch",  # inline teaser
        "Parkhaus Nord",
        "Anzeige",
        "Mehr zum Thema",  # related links
        "Erste Fahrradstraße",
        "Kommentare",  # comments
        "Endlich! Ich fahre",
        "Typisch, an die Leute vom Land",
        "Meistgelesen",  # sidebar
        "Schwerer Unfall auf der B9",
        "Morgen-Newsletter",
        "Impressum",  # footer
        "Alle Rechte vorbehalten",
        "Teilen",
        "Themen:",
    ],
    "stadtanzeiger_schwimmbad.html": [
        "Cookies",
        "Einverstanden",
        "E-Paper",
        "Auch interessant",
        "Freibadsaison endet",
        "Weitere Artikel aus Freizeit",
        "Herbstmarkt auf dem Marktplatz",
        "Kommentare",
        "meine Tochter wartet",
        "Pommesbude",
        "Flohmarkt Fuhlsbüttel",
        "Probefahrt",
        "Impressum",
        "Copyright 2025",
        "Artikel teilen",
    ],
    "taunus_bote_faktencheck.html": [
        "Datenschutzhinweis",
        "Cookies",
        "Akzeptieren und weiter",
        "Borkenkäfer: Förster schlagen Alarm",
        "Das könnte Sie auch interessieren",
        "Windräder",
        "Leserkommentare",
        "Glashütten spazieren",
        "Danke für die Einordnung",
        "Impressum",
        "Verlagsgesellschaft",
    ],
}


@pytest.fixture(scope="module")
def pages():
    return {
        name: parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX) for name in KEEP
    }


@pytest.mark.parametrize("name", sorted(KEEP))
def test_article_text_is_kept(pages, name):
    body = pages[name].body
    for sentence in KEEP[name]:
        assert sentence in body


@pytest.mark.parametrize("name", sorted(KEEP))
def test_subheadings_are_heading_blocks(pages, name):
    assert pages[name].block_texts(BlockKind.HEADING) == HEADINGS[name]


@pytest.mark.parametrize("name", sorted(KEEP))
def test_page_furniture_is_dropped(pages, name):
    body = pages[name].body
    leaked = [text for text in DROP[name] if text in body]
    assert leaked == []


@pytest.mark.parametrize("name", sorted(KEEP))
def test_headline_is_the_title_not_the_first_block(pages, name):
    article = pages[name]
    assert not article.title_derived
    assert article.title not in article.block_texts()
    assert "<" not in article.body
    assert article.body == "\n\n".join(article.block_texts())


def test_metadata_from_meta_tags():
    article = parse_html(
        (DATA / "rheinland_kurier_radwege.html").read_bytes(), source="rk.html", max_chars=MAX
    )
    assert article.source_format == "html"
    assert article.title == "Radwegenetz: Stadtrat stimmt knapp zu"
    assert article.byline == "Miriam Hollenbach"
    assert article.published_on == datetime.date(2025, 10, 6)
    assert article.date_precision is DatePrecision.DAY
    assert article.publisher_name == "Rheinland-Kurier"
    assert article.language == "de"
    canonical = "https://www.rheinland-kurier.example/lokales/radwegenetz-beschlossen-100.html"
    assert article.identity == article.link == canonical


def test_metadata_from_json_ld():
    article = parse_html(
        (DATA / "stadtanzeiger_schwimmbad.html").read_bytes(), source="sn.html", max_chars=MAX
    )
    assert article.byline == "Aylin Demirtaş"
    assert article.published_on == datetime.date(2025, 10, 5)
    assert article.publisher_name == "Stadtanzeiger Nord"
    assert (
        article.identity == "https://stadtanzeiger-nord.example/freizeit/schwimmbad-ohlsdorf-48190"
    )


def test_byline_from_the_line_above_the_text(pages):
    article = pages["mittelland_zeitung_wahl.html"]
    assert article.byline == "Sven Lüders"
    assert article.published_on == datetime.date(2025, 9, 29)
    assert article.publisher_name == "Mittelland-Zeitung"
    canonical = (
        "https://www.mittelland-zeitung.example/bergheim/stichwahl-amtsinhaber-knapp-vorn-4711"
    )
    assert article.identity == canonical


def test_lead_comes_first_and_once(pages):
    article = pages["mittelland_zeitung_wahl.html"]
    first = article.block_texts()[0]
    assert first.startswith("Bei der Stichwahl um das Bürgermeisteramt")
    assert article.body.count("Die Wahlbeteiligung lag bei nur 38 Prozent.") == 1


def test_windows_1252_page_is_decoded():
    data = (DATA / "taunus_bote_faktencheck.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = parse_html(data, source="tb.html", max_chars=MAX)
    assert "Bäume" in article.body
    assert article.title == "Stimmt es, dass der Wald im Taunus stirbt?"
    assert article.published_on == datetime.date(2025, 9, 28)
    assert article.publisher_name == "Taunus-Bote"


def test_nothing_is_fetched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during HTML extraction")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    for name in KEEP:
        parse_html((DATA / name).read_bytes(), source=name, max_chars=MAX)


INDEX_PAGE = """<!DOCTYPE html><html lang="de"><head><title>Politik | Rheinland-Kurier</title></head>
<body><div id="cookie-consent"><p>Wir verwenden Cookies.</p><button>OK</button></div>
<nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>
<h1>Politik</h1>
<div class="teaser"><a href="/a.html">Koalition streitet über den Haushalt</a></div>
<div class="teaser"><a href="/b.html">Neue Umfrage: Union vorn</a></div>
<div class="teaser"><a href="/c.html">Landtag debattiert Schulgesetz</a></div>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer>
</body></html>""".encode()


@pytest.mark.parametrize(
    "data",
    [INDEX_PAGE, b"", b"<html><body></body></html>", b"<html><body><p>Kurz.</p></body></html>"],
)
def test_page_without_an_article_is_refused(data):
    with pytest.raises(FormatError, match=r"^seite\.html: no article text found in the HTML page"):
        parse_html(data, source="seite.html", max_chars=MAX)


def test_body_over_the_limit_is_refused():
    with pytest.raises(
        FormatError, match=r"radwegenetz-beschlossen-100\.html\): body is .* over the limit of 500"
    ):
        parse_html(
            (DATA / "rheinland_kurier_radwege.html").read_bytes(), source="rk.html", max_chars=500
        )
