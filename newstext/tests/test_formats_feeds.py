import datetime
from pathlib import Path

import pytest

from newstext.formats import parse_incoming
from newstext.formats.base import FormatError
from newstext.formats.feeds import parse_feed
from newstext.parsing import BlockKind, DatePrecision
from newstext.tests.support import differences

DATA = Path(__file__).parent / "data" / "formats" / "feeds"
MAX = 50_000
CEST = datetime.timezone(datetime.timedelta(hours=2))


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
        (b'<rss version="2.0"><channel><item><title>Abgeschn', "broken feed XML"),
    ],
)
def test_broken_or_empty_feeds_are_refused(data, reason):
    with pytest.raises(FormatError, match=f"^feed.xml: {reason}"):
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
