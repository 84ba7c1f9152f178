import datetime
import zoneinfo
from pathlib import Path

import pytest

from newstext.formats import parse_incoming
from newstext.formats.base import FormatError, IncomingArticle
from newstext.formats.feeds import _feed_date, feed_articles, parse_feed, read_feed
from newstext.parsing import BlockKind, DatePrecision
from newstext.tests.support import differences

DATA = Path(__file__).parent / "data" / "formats" / "feeds"
MAX = 50_000
CEST = datetime.timezone(datetime.timedelta(hours=2))
CET = datetime.timezone(datetime.timedelta(hours=1))
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


# The namespaces RSS feeds use for full text, creators and media.
RSS_NAMESPACES = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"'
)


def one_channel(items: str, *, channel: str = "") -> bytes:
    """An RSS 2.0 feed titled "T" holding `items`, `channel` (its link) before them."""
    return (
        f'<rss version="2.0" {RSS_NAMESPACES}><channel><title>T</title>{channel}{items}'
        "</channel></rss>"
    ).encode()


def one_article(items: str, *, channel: str = "", source: str = "f") -> IncomingArticle:
    """The article of `one_channel(items, channel=channel)`, a feed of one item."""
    [article] = parse_feed(one_channel(items, channel=channel), source=source, max_chars=MAX)
    return article


def read(name, max_chars=MAX):
    return parse_feed((DATA / name).read_bytes(), source=name, max_chars=max_chars)


@pytest.fixture(scope="module")
def rss():
    return read("rheinland_kurier_rss.xml")


@pytest.fixture(scope="module")
def atom():
    return read("stadtanzeiger_atom.xml")


def test_rss_items_in_feed_order_with_identity(rss):
    assert [a.identity for a in rss] == [
        "rk-lokales-2025-10-06-0017",
        "https://www.rheinland-kurier.example/region/deich-altrip-100.html",
        # no <guid>: the link is the identity
        "https://www.rheinland-kurier.example/wirtschaft/baeckerei-filialen-100.html",
        "rk-kultur-2025-10-04-0003",
    ]
    assert {a.source_format for a in rss} == {"rss"}
    assert {a.publisher_name for a in rss} == {"Rheinland-Kurier – Nachrichten"}
    assert {a.language for a in rss} == {"de-de"}


def test_rss_item_with_content_encoded_is_a_full_article(rss):
    article = rss[0]
    assert article.title == "Stadtrat beschließt neues Radwegenetz für die Innenstadt"
    assert article.link == (
        "https://www.rheinland-kurier.example/lokales/radwegenetz-beschlossen-100.html"
    )
    assert article.byline == "Miriam Hollenbach"
    assert not article.needs_fetch
    assert article.summary == ""
    assert "Insgesamt sollen bis 2028 rund 14 Kilometer geschützte Radspuren entstehen." in (
        article.body
    )
    assert article.block_texts(BlockKind.HEADING) == ["Kritik von Handel und Opposition"]
    assert article.block_texts()[-1].startswith("Die ersten Bauabschnitte am Ring")
    # The figure caption is furniture, not text; no markup survives.
    assert "Foto: Archiv" not in article.body
    assert "<" not in article.body


def test_rss_date_keeps_the_local_day(rss):
    # "Mon, 06 Oct 2025 00:30:00 +0200" is Sunday in UTC; the story is Monday's.
    article = rss[0]
    assert article.published_on == datetime.date(2025, 10, 6)
    assert article.date_precision is DatePrecision.DAY
    assert article.revised_at == datetime.datetime(2025, 10, 6, 0, 30, tzinfo=CEST)


def test_rss_entity_escaped_content_is_read_like_cdata(rss):
    article = rss[3]
    assert article.block_texts() == [
        "Mit der Uraufführung von „Die Fähre“ hat das Stadttheater am Samstag seine neue "
        "Spielzeit eröffnet. Das Publikum feierte das Ensemble mit langem Applaus.",
        "Intendant Paul Marquardt kündigte für die Saison elf Premieren an, darunter zwei "
        "Stücke für Jugendliche.",
    ]


def test_rss_items_without_content_need_their_link_fetched(rss):
    deich, baecker = rss[1], rss[2]
    assert deich.needs_fetch
    assert baecker.needs_fetch
    assert deich.body == ""
    assert deich.blocks == []
    assert deich.link == "https://www.rheinland-kurier.example/region/deich-altrip-100.html"
    # The teaser is kept apart from the body, without markup.
    assert (
        deich.summary
        == "Der Deich soll um 80 Zentimeter wachsen. Anwohner müssen mit Umleitungen rechnen."
    )
    # "email (Name)" gives the name.
    assert deich.byline == "Jonas Weidmann"
    assert baecker.byline == ""
    assert baecker.title == "Bäckerei-Kette schließt drei Filialen im Kreis"


def test_atom_entries_with_html_and_xhtml_content(atom):
    bus, bad, _markt = atom
    assert (
        differences(
            bus,
            {
                "source_format": "atom",
                "identity": "tag:stadtanzeiger-nord.example,2025:artikel-48213",
                "link": "https://stadtanzeiger-nord.example/verkehr/buslinie-flughafen-48213",
                "byline": "Tobias Krentzel",
                "publisher_name": "Stadtanzeiger Nord",
                "language": "de",
                "published_on": datetime.date(2025, 10, 6),
                "revised_at": datetime.datetime(2025, 10, 6, 8, 45, tzinfo=CEST),
            },
        )
        == {}
    )
    assert bus.block_texts(BlockKind.HEADING) == ["Anwohner fordern Nachtverkehr"]
    assert "Die Linie 26 soll tagsüber im Zehn-Minuten-Takt verkehren." in bus.body
    # <summary> is a teaser; with <content> present the item needs no fetch.
    assert not bus.needs_fetch

    assert bad.byline == "Aylin Demirtaş"
    assert bad.block_texts() == [
        "Nach zwei Jahren Bauzeit ist das Schwimmbad in Ohlsdorf seit Sonntag wieder "
        "geöffnet. Die Sanierung kostete rund sieben Millionen Euro.",
        "Längere Öffnungszeiten am Wochenende",
        "Samstags und sonntags öffnet das Bad künftig schon um sieben Uhr.",
    ]
    assert bad.blocks[1].kind is BlockKind.HEADING


def test_atom_entry_with_summary_only_needs_fetch_and_inherits_feed_author(atom):
    markt = atom[2]
    assert markt.needs_fetch
    assert markt.body == ""
    assert markt.summary.startswith("Wegen Bauarbeiten findet der Markt")
    assert markt.link == "https://stadtanzeiger-nord.example/lokales/wochenmarkt-umzug-48177"
    # No <published>: the day comes from <updated>.
    assert markt.published_on == datetime.date(2025, 10, 4)
    assert markt.byline == "Redaktion Stadtanzeiger Nord"


def test_a_broken_item_is_refused_and_the_items_before_it_are_read():
    """A feed cut off in its last item: the importer gets the whole items and the
    refusal of the broken one, not one refusal for the whole feed."""
    data = (DATA / "elbe_bote_abgebrochen.xml").read_bytes()
    first, second, broken = feed_articles(data, source="elbe.xml", max_chars=MAX)
    assert first.title == "Fähre nach Blankenese fährt wieder"
    assert second.body.startswith("Die Stadtbibliothek öffnet von Januar an auch sonntags.")
    assert isinstance(broken, FormatError)
    assert broken.reason.code == "feed_broken_item"
    assert str(broken).startswith("elbe.xml (eb-4713): broken feed XML (")
    assert "mismatched tag" in str(broken)
    with pytest.raises(FormatError, match="broken feed XML"):
        read("elbe_bote_abgebrochen.xml")


def test_body_over_the_limit_names_the_item():
    with pytest.raises(
        FormatError, match=r"rk-lokales-2025-10-06-0017\): body is .* over the limit of 200"
    ):
        read("rheinland_kurier_rss.xml", max_chars=200)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<rss version="2.0"><channel><title>Leer</title></channel></rss>',
            "the feed has no items",
        ),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Leer</title></feed>',
            "the feed has no items",
        ),
        (b"Guten Tag, dies ist kein Feed.", "not an RSS or Atom feed"),
        (b"<html><body><p>Eine Seite</p></body></html>", "not an RSS or Atom feed"),
        # The one item, cut off, is refused by its place.
        (b'<rss version="2.0"><channel><item><title>Abgeschn', r"\[1\]: broken feed XML"),
    ],
)
def test_broken_or_empty_feeds_are_refused(data, reason):
    with pytest.raises(FormatError, match=rf"^feed\.xml:? {reason}"):
        parse_feed(data, source="feed.xml", max_chars=MAX)


def test_a_string_that_looks_like_a_url_or_path_is_not_opened(tmp_path):
    # feedparser fetches URLs and opens file names it is given as strings; we pass bytes
    # in a file object, so this is only ever parsed as (non-feed) content.
    secret = tmp_path / "feed.xml"
    secret.write_bytes(
        b'<rss version="2.0"><channel><item><title>Geheim</title></item></channel></rss>'
    )
    with pytest.raises(FormatError, match="not an RSS or Atom feed"):
        parse_feed(str(secret).encode(), source="pfad", max_chars=MAX)


def entity_feed(declarations: str, title: str) -> bytes:
    body = "Der Rat hat am Montag getagt und den Haushalt für das kommende Jahr beschlossen."
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [{declarations}]>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Kurier</title><item><title>{title}</title><guid>k-1</guid>"
        f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item></channel></rss>"
    ).encode()


def test_a_feed_declaring_its_entities_is_read_as_a_feed():
    data = entity_feed('<!ENTITY nbsp "&#160;">', "Rat&nbsp;tagt")
    (item,) = parse_incoming(data, source="kurier.xml", max_chars=MAX)
    assert item.title == "Rat tagt"  # the no-break space, as text
    assert item.body.startswith("Der Rat hat am Montag getagt")


def test_entities_that_expand_or_read_files_are_not_resolved(tmp_path):
    laughs = '<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
    )
    (item,) = parse_incoming(entity_feed(laughs, "&i;"), source="lachen.xml", max_chars=MAX)
    assert len(item.title) < 100  # not 10^8 characters
    secret = tmp_path / "geheim.txt"
    secret.write_text("Kennwort4711", encoding="utf-8")
    declaration = f'<!ENTITY s SYSTEM "{secret.as_uri()}">'
    (item,) = parse_incoming(entity_feed(declaration, "A &s; B"), source="s.xml", max_chars=MAX)
    assert "Kennwort4711" not in item.title


# Feeds written blind, before their writer read this module: for each item its title,
# byline, publication day, the first sentence of its body (or of its teaser when it
# needs a fetch) and its link.
BLIND = {
    "blind_rdf_dc.xml": [
        ("Fähre bei Kesten wieder in Betrieb", "Hannelore Weisbrod", "2026-12-07",
         "Nach drei Wochen Reparatur pendelt die Fähre „Kestenia“ wieder zwischen den Ufern.",
         "https://moselblick.example/lokales/faehre-kesten-1021"),
        ("Winzer ziehen magere Bilanz", "Jonas Pfeil, Mira Ostertag", "2026-12-06",
         "Die Winzergenossenschaft Brauneberg meldet die kleinste Lese seit 1998.",
         "https://moselblick.example/wirtschaft/weinlese-bilanz-1022"),
        ("Orgelnacht lockt 600 Besucher", "", "2026-12-05",
         "Sechs Organisten spielten in der Basilika bis nach Mitternacht.",
         "https://moselblick.example/kultur/orgelnacht-1023"),
    ],
    "blind_rss_teaser_content.xml": [
        ("Hafen fordert mehr Personal", "Gesa Brandt", "2026-12-07",
         "„Wir sind am Limit“, sagt Hafenchefin Gesa Lührs – und fordert 120 zusätzliche "
         "Stellen.", "https://hanse-depesche.example/2026/12/07/hafen-fordert-mehr-personal/"),
        ("Neue Fährlinie nach Finkenwerder", "Ole Petersen", "2026-12-06",
         "Ab Januar fährt die Linie 64 im Halbstundentakt.",
         "https://hanse-depesche.example/2026/12/06/neue-faehrlinie/"),
        ("Senat beschließt Klimaplan", "Frauke Jessen", "2026-12-05",
         "Der Senat hat am Freitag den neuen Klimaplan beschlossen.",
         "https://hanse-depesche.example/2026/12/05/senat-klimaplan/"),
    ],
    "blind_atom_xhtml.xml": [
        ("Deichverband erhöht Beiträge", "Lena Drösemeier, Tarek Aydın", "2026-12-07",
         "Der Deichverband Krummhörn erhöht seine Beiträge um 18 Prozent.",
         "https://nordwind-zeitung.example/region/deichverband-7710"),
        ("Museum zeigt Walknochen aus dem Watt", "Redaktion Nordwind", "2026-12-06",
         "Ein Wattführer hat bei Pilsum einen fast zwei Meter langen Walknochen gefunden.",
         "https://nordwind-zeitung.example/kultur/walknochen-7702"),
        ("Emder Handballer gewinnen Derby", "Sönke Harms", "2026-12-05",
         "Mit 31:27 haben die Emder Handballer das Derby gegen Aurich gewonnen.",
         "https://nordwind-zeitung.example/sport/derby-7695"),
    ],
    "blind_german_dates.xml": [
        ("Stadtrat vertagt Haushalt", "", "2026-12-07",
         "Der Stadtrat hat die Abstimmung über den Haushalt 2027 vertagt.",
         "https://lindenauer-tageblatt.example/politik/haushalt-vertagt"),
        ("Weihnachtsmarkt öffnet verspätet", "", "2026-12-05",
         "Wegen eines Sturmschadens öffnet der Weihnachtsmarkt erst am Mittwoch.",
         "https://lindenauer-tageblatt.example/lokales/weihnachtsmarkt"),
        ("Brauerei feiert Jubiläum", "", "2026-10-15",
         "Die Brauerei Hopfenhain besteht seit 150 Jahren.",
         "https://lindenauer-tageblatt.example/wirtschaft/brauerei-jubilaeum"),
        ("Schule erhält neue Turnhalle", "", "2026-03-03",
         "Nach zwei Jahren Bauzeit ist die Turnhalle der Goetheschule fertig.",
         "https://lindenauer-tageblatt.example/lokales/turnhalle"),
        ("Bürgerbus fährt auch sonntags", "", "2026-12-07",
         "Der Bürgerbus fährt ab Mai auch an Sonntagen.",
         "https://lindenauer-tageblatt.example/lokales/buergerbus"),
        ("Leserbriefe der Woche", "", None,
         "Unsere Leserinnen und Leser schreiben über den Haushalt und den Weihnachtsmarkt.",
         "https://lindenauer-tageblatt.example/meinung/leserbriefe"),
        ("Feuerwehr rückt zu Scheunenbrand aus", "", None,
         "In Oberlindenau ist in der Nacht eine Scheune abgebrannt.",
         "https://lindenauer-tageblatt.example/blaulicht/scheunenbrand"),
    ],
    "blind_podcast_media.xml": [
        ("Landrat kündigt Busreform an", "Carola Reinwald", "2026-12-07",
         "Landrat Dieter Hallmann will das Busnetz im Kreis neu ordnen.",
         "https://radio-talblick.example/nachrichten/busreform"),
        ("Kläranlage wird für 12 Millionen Euro saniert", "Paul Strobel", "2026-12-05",
         "Der Zweckverband Oberes Tal saniert seine Kläranlage für 12 Millionen Euro.",
         "https://radio-talblick.example/nachrichten/klaeranlage"),
    ],
    "blind_latin1.xml": [
        ("Skilifte öffnen früher als geplant", "Xaver Höß", "2026-12-07",
         "Dank des Neuschnees öffnen die Lifte am Grünten schon am Samstag.",
         "https://bergbote.example/artikel/skilifte-oeffnen"),
        ("„Bergbauernhilfe“ sammelt Rekordsumme", "Bärbel Maßholder", "2026-12-06",
         "Der Verein Bergbauernhilfe hat 212.000 € gesammelt – so viel wie nie zuvor.",
         "https://bergbote.example/artikel/bergbauernhilfe"),
        ("Straße nach Oberjoch gesperrt", "", "2026-12-05",
         "Wegen Lawinengefahr ist die Straße über den Jochpass gesperrt.",
         "https://bergbote.example/artikel/oberjoch-sperre"),
    ],
    "blind_relative_links.xml": [
        ("Neuer Radweg zwischen Hermannsburg und Müden", "Anke Tiedemann", "2026-12-07",
         "Der Landkreis baut einen 9 Kilometer langen Radweg entlang der Örtze.",
         "https://kreisbote.example/lokales/radweg-hermannsburg-muden.html"),
        ("Heideblütenfest zieht Bilanz", "", "2026-12-06",
         "Mehr als 20.000 Besucher kamen zum Heideblütenfest.",
         "https://kreisbote.example/lokales/heideblueten-bilanz.html"),
        ("Molkerei investiert in Käserei", "", "2026-12-05",
         "Die Molkerei Südheide investiert vier Millionen Euro in eine neue Käserei.",
         "https://kreisbote.example/wirtschaft/molkerei-investiert.html"),
        ("TuS Eschede steigt auf", "Henning Bostelmann", "2026-12-04",
         "Mit einem 3:1 gegen Unterlüß hat der TuS Eschede den Aufstieg in die Bezirksliga "
         "perfekt gemacht.", "https://kreisbote.example/sport/tus-eschede-aufstieg.html"),
    ],
    "blind_bom_html_titles.xml": [
        ("Eilmeldung: Saalebrücke gesperrt", "", "2026-12-07",
         "Nach einem Unfall ist die Saalebrücke in beide Richtungen gesperrt.",
         "https://lindenau-aktuell.example/eil/saalebruecke"),
        ("Wahl in Lindenau: knappes Ergebnis", "", "2026-12-06",
         "Mit 50,4 Prozent hat Amtsinhaberin Ines Hollerbach die Bürgermeisterwahl gewonnen.",
         "https://lindenau-aktuell.example/politik/wahl-ergebnis"),
        ("Zoo & Tierpark: Nachwuchs bei den Pinguinen", "", "2026-12-05",
         "Im Tierpark Lindenau sind zwei Humboldt-Pinguine geschlüpft.",
         "https://lindenau-aktuell.example/lokales/pinguine"),
        ("Neuer Rekord am Flughafen", "", "2026-12-04",
         "Der Regionalflughafen hat im November 61.000 Passagiere abgefertigt.",
         "https://lindenau-aktuell.example/wirtschaft/flughafen-rekord"),
    ],
}  # fmt: skip
# Markup, entity remnants, photo credits and feed furniture are never text.
NOT_TEXT = ["<", ">", "&quot;", "&amp;", "&auml;", "&szlig;", "&ndash;", "&#", "Weiterlesen",
            "erschien zuerst", "appeared first", "Foto: Archiv", "Bernd Kohlhaas"]  # fmt: skip


@pytest.mark.parametrize("name", sorted(BLIND))
def test_blind_feeds_give_each_item_its_fields(name):
    articles = read(name)
    got = [
        (
            a.title,
            a.byline,
            a.published_on.isoformat() if a.published_on else None,
            a.link,
        )
        for a in articles
    ]
    assert got == [(title, byline, day, link) for title, byline, day, _, link in BLIND[name]]
    for article, (*_, first, _link) in zip(articles, BLIND[name], strict=True):
        assert (article.body or article.summary).startswith(first)
        shown = " ".join([article.title, article.body, article.summary, article.byline])
        assert [text for text in NOT_TEXT if text in shown] == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Mo, 07 Dez 2026 14:03:00 +0100", datetime.datetime(2026, 12, 7, 14, 3, tzinfo=CET)),
        ("Sa, 05 Dez 2026 08:00:00 MEZ", datetime.datetime(2026, 12, 5, 8, 0, tzinfo=CET)),
        ("Mon, 07 Dec 2026 14:03 CET", datetime.datetime(2026, 12, 7, 14, 3, tzinfo=CET)),
        (
            "Donnerstag, 15. Oktober 2026 16:20 MESZ",
            datetime.datetime(2026, 10, 15, 16, 20, tzinfo=CEST),
        ),
        ("So, 1. Maerz 2026, 10:00 Uhr", datetime.datetime(2026, 3, 1, 10, 0, tzinfo=BERLIN)),
        ("07.12.2026 10:45", datetime.datetime(2026, 12, 7, 10, 45, tzinfo=BERLIN)),
        ("Montag, 07.12.2026 - 09:15", datetime.datetime(2026, 12, 7, 9, 15, tzinfo=BERLIN)),
        ("07.12.26 14:03", datetime.datetime(2026, 12, 7, 14, 3, tzinfo=BERLIN)),
        ("Monday, 07-Dec-26 14:03:00 CET", datetime.datetime(2026, 12, 7, 14, 3, tzinfo=CET)),
        (
            "Mon Dec 07 2026 14:03:00 GMT+0100 (Mitteleuropäische Normalzeit)",
            datetime.datetime(2026, 12, 7, 14, 3, tzinfo=CET),
        ),
        ("gestern, 23:10 Uhr", None),
        ("31.02.2026", None),
        ("7. Dezember 2026 10:00 XYZ", None),
        ("7. Dezember 2026 10:00 +9900", None),
    ],
)
def test_dates_written_in_german(written, expected):
    assert _feed_date(written) == expected


def test_blind_feeds_items_with_their_text_need_no_fetch():
    assert [a.needs_fetch for a in read("blind_atom_xhtml.xml")] == [False, False, False]
    assert [a.needs_fetch for a in read("blind_rdf_dc.xml")] == [True, False, True]
    assert [a.needs_fetch for a in read("blind_rss_teaser_content.xml")] == [False, True, True]


def test_double_escaped_teaser_and_wordpress_furniture():
    hafen, faehre, senat = read("blind_rss_teaser_content.xml")
    assert hafen.block_texts()[-1] == "Die Gewerkschaft unterstützt die Forderung."
    assert faehre.summary == (
        'Ab Januar fährt die Linie 64 im Halbstundentakt. "Das entlastet die Straßen", '
        "sagt Verkehrssenator Jan-Hinrich Koopmann."
    )
    assert senat.needs_fetch
    assert senat.summary.endswith("Bis 2040 soll die Stadt klimaneutral werden […]")


def test_items_that_are_no_article_are_refused_one_by_one():
    dates = read_feed((DATA / "blind_german_dates.xml").read_bytes(), source="f", max_chars=MAX)
    assert [isinstance(item, FormatError) for item in dates] == [False] * 7 + [True]
    assert dates[-1].reason == "feed item has neither title nor text"
    podcast = read_feed((DATA / "blind_podcast_media.xml").read_bytes(), source="f", max_chars=MAX)
    refused = [item.reason for item in podcast if isinstance(item, FormatError)]
    assert refused == ["feed item is an audio or video episode without text"] * 2
    assert [isinstance(item, FormatError) for item in podcast] == [True, False, True, False]


def test_a_feed_of_episodes_only_is_refused():
    data = (DATA / "blind_podcast_media.xml").read_bytes()
    start, end = data.index(b"<item>", data.index(b"</item>")), data.rindex(b"</item>") + 7
    with pytest.raises(FormatError, match="audio or video episode without text"):
        parse_feed(data[:start] + data[end:], source="f", max_chars=MAX)


def test_titles_keep_words_that_end_a_teaser():
    article = one_article(
        "<item><title>Read more books, says minister</title><link>a.html</link>"
        "<description>Mehr lesen, fordert der Minister.</description></item>",
        channel="<link>https://t.example/</link>",
    )
    assert article.title == "Read more books, says minister"
    assert article.summary == "Mehr lesen, fordert der Minister."
    assert article.link == "https://t.example/a.html"


@pytest.mark.parametrize(
    ("teaser", "text"),
    [
        ("<p>Bis 2040 [&#8230;] <a href='/k'>Weiterlesen &raquo;</a></p>", "Bis 2040 […]"),
        ("<p>Der Rat tagt. <a href='/k'>Mehr &rsaquo;</a></p>", "Der Rat tagt."),
        ("<p>Der Rat tagt.</p><p><a href='/k'>Read more</a></p>", "Der Rat tagt."),
        ("<p>Es gibt nicht mehr.</p>", "Es gibt nicht mehr."),
        ("<p>Tipps zum Weiterlesen</p>", "Tipps zum Weiterlesen"),
        (
            "<p>Der Rat tagt.</p><p>Dieser Artikel erschien zuerst bei Kreisbote.</p>",
            "Der Rat tagt.",
        ),
        (
            "<p>Der Rat tagt.</p><p>Dieser Text erschien zuerst im Januar.</p>",
            "Der Rat tagt.",
        ),
    ],
)
def test_a_read_more_link_ends_no_teaser(teaser, text):
    article = one_article(
        f"<item><title>Rat</title><description><![CDATA[{teaser}]]></description></item>"
    )
    assert article.summary == text


@pytest.mark.parametrize(
    ("creator", "byline"),
    [
        ("Von Anna Berg", "Anna Berg"),
        ("By Bernd Carl", "Bernd Carl"),
        ("Von der Redaktion", "Von der Redaktion"),
        ("Anna Vonberg", "Anna Vonberg"),
    ],
)
def test_a_creator_written_as_a_byline_gives_the_name(creator, byline):
    article = one_article(f"<item><title>Rat</title><dc:creator>{creator}</dc:creator></item>")
    assert article.byline == byline


@pytest.mark.parametrize(
    ("people", "byline"),
    [
        # Several creators are one byline, each once; a photographer is none.
        (
            "<dc:creator>Anna Berg</dc:creator><dc:creator>Bernd Carl</dc:creator>",
            "Anna Berg, Bernd Carl",
        ),
        (
            '<media:credit role="author">Anna Berg</media:credit>'
            '<media:credit role="photographer">Foto Frau</media:credit>'
            '<media:credit role="author">Bernd Carl</media:credit>'
            '<media:credit role="writer">Cem Dogan</media:credit>'
            '<media:credit role="author">Anna Berg</media:credit>',
            "Anna Berg, Bernd Carl, Cem Dogan",
        ),
    ],
)
def test_several_authors_make_one_byline(people, byline):
    assert one_article(f"<item><title>Rat</title>{people}</item>").byline == byline


def test_content_that_is_an_excerpt_is_a_teaser():
    article = one_article(
        "<item><title>Rat</title><link>https://t.example/rat</link>"
        "<content:encoded><![CDATA[<p>Der Rat tagt. Er berät [&hellip;]</p>"
        "<p><a href='https://t.example/rat'>Weiterlesen</a></p>]]></content:encoded></item>"
    )
    assert article.needs_fetch
    assert article.body == ""
    assert article.summary == "Der Rat tagt. Er berät […]"


MEDIA = (
    b'<media:content url="https://t.example/r.jpg" medium="image">'
    b"<media:description><![CDATA[Ein <b>Foto</b> vom Rat.]]></media:description>"
    b"</media:content>"
)


# A feed of one item holding ITEM, and its teaser: in RSS and in Atom.
RSS_ITEM = (
    one_channel("<item><title>Rat</title><link>https://t.example/rat</link>ITEM</item>"),
    b"<description>Der Rat tagt.</description>",
)
ATOM_ENTRY = (
    b'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">'
    b'<title>T</title><entry><title>Rat</title><id>r1</id><link href="https://t.example/r"/>'
    b"ITEM</entry></feed>",
    b"<summary>Der Rat tagt.</summary>",
)


@pytest.mark.parametrize("shape", [RSS_ITEM, ATOM_ENTRY], ids=["rss", "atom"])
@pytest.mark.parametrize("media_first", [True, False])
def test_a_picture_description_is_no_teaser_and_no_text(shape, media_first):
    feed, teaser = shape
    item = MEDIA + teaser if media_first else teaser + MEDIA
    [article] = parse_feed(feed.replace(b"ITEM", item), source="f", max_chars=MAX)
    assert (article.summary, article.body) == ("Der Rat tagt.", "")


@pytest.mark.parametrize(
    ("channel_link", "link"),
    [
        ("", "https://t.example/feeds/a.html"),
        ("<link>/</link>", "https://t.example/a.html"),
        ("<link>https://www.t.example/</link>", "https://www.t.example/a.html"),
    ],
)
def test_relative_links_count_from_the_channel_then_the_feed_address(channel_link, link):
    article = one_article(
        "<item><title>Rat</title><link>a.html</link></item>",
        channel=channel_link,
        source="https://t.example/feeds/rss.xml",
    )
    assert article.link == link


def test_content_loses_its_byline_line_credits_and_notes():
    article = one_article(
        "<item><title>Rat tagt</title><link>https://t.example/r</link>"
        "<content:encoded><![CDATA[<p>Von Anna Berg | 07.12.2026, 14:03 Uhr</p>"
        "<p>Der Rat tagt am Montag.</p><p>Lesen Sie auch: Der Haushalt 2026</p>"
        "<p>Die Sitzung ist öffentlich.</p><p>Foto: dpa</p><p>© Kreisbote 2026</p>]]>"
        "</content:encoded></item>"
    )
    assert article.byline == "Anna Berg"
    assert article.block_texts() == ["Der Rat tagt am Montag.", "Die Sitzung ist öffentlich."]


def test_an_item_with_only_a_link_is_read_from_its_page():
    data = one_channel(
        "<item><link>/rat.html</link></item><item><guid>lt-1</guid></item>",
        channel="<link>https://t.example/</link>",
    )
    page, empty = read_feed(data, source="f", max_chars=MAX)
    assert isinstance(page, IncomingArticle)
    assert (page.link, page.needs_fetch, page.title, page.title_derived) == (
        "https://t.example/rat.html",
        True,
        "",
        True,
    )
    assert isinstance(empty, FormatError)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Sun, 06 Dec 2026 23:30:00 +0000", datetime.date(2026, 12, 7)),  # 00:30 in Berlin
        ("Sun, 06 Dec 2026 22:59:00 GMT", datetime.date(2026, 12, 6)),
        ("2026-06-30T22:15:00Z", datetime.date(2026, 7, 1)),  # summer time: 00:15
        ("Mon, 07 Dec 2026 00:10:00 -0500", datetime.date(2026, 12, 7)),  # 06:10 in Berlin
    ],
)
def test_an_items_day_is_the_day_it_was_in_the_newsroom(written, day):
    item = f"<item><title>Meldung</title><description>Text.</description><pubDate>{written}</pubDate></item>"
    assert one_article(item).published_on == day
