import datetime
import json
import unicodedata
from pathlib import Path

import pytest

from newstext.formats import parse_incoming
from newstext.formats.base import FormatError
from newstext.formats.ninjs import (
    candidate_versions,
    declared_version,
    ninjs_articles,
    parse_ninjs,
)
from newstext.parsing import BlockKind, DatePrecision
from newstext.tests.support import differences

DATA = Path(__file__).parent / "data" / "formats" / "ninjs"
MAX = 100_000


def load(name):
    return (DATA / name).read_bytes()


def only(name, data=None):
    (article,) = parse_ninjs(data if data is not None else load(name), source=name, max_chars=MAX)
    return article


def dpa_item():
    return json.loads(load("dpa_text_3.0.json"))


def error_for(item, source="item.json"):
    with pytest.raises(FormatError) as caught:
        parse_ninjs(json.dumps(item).encode(), source=source, max_chars=MAX)
    return str(caught.value)


@pytest.mark.parametrize(
    ("name", "format_name"),
    [("dpa_text_3.0.json", "ninjs-3"), ("dpa_text_2.1.json", "ninjs-2")],
)
def test_dpa_fact_check_metadata(name, format_name):
    article = only(name)
    assert article.source_format == format_name
    assert article.identity == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert article.version == "2"
    assert article.title == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    assert not article.title_derived
    assert article.byline == "Von Christian Hollmann, dpa"
    assert article.published_on == datetime.date(2019, 5, 10)
    assert article.date_precision is DatePrecision.DAY
    assert article.revised_at == datetime.datetime(
        2019, 5, 10, 16, 2, 28, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    assert article.publisher_name == "dpa"
    assert article.language == "de"


def test_dpa_fact_check_body_is_paragraphs_without_markup():
    article = only("dpa_text_3.0.json")
    paragraphs = article.block_texts(BlockKind.PARAGRAPH)
    assert len(paragraphs) == len(article.blocks) == 9
    assert paragraphs[0].startswith("Für Lucien Favre war es «der größte Skandal im Fußball")
    assert paragraphs[2].startswith("BEHAUPTUNG: Referee Zwayer aus Berlin sagte")
    assert paragraphs[3].startswith("BEWERTUNG: Diese Aussage ist umstritten.")
    assert paragraphs[4].startswith("FAKTEN: In der Regel 12")
    assert "<" not in article.body
    assert ">" not in article.body
    # The same shape as newstext.parsing: blocks joined by a blank line.
    assert article.body == "\n\n".join(article.block_texts())


def test_versions_2_and_3_read_the_same_article():
    assert only("dpa_text_2.1.json").body == only("dpa_text_3.0.json").body


def test_ninjs_1_reads_headline_byline_located_and_the_html_body():
    article = only("ninjsExMediumText1_1.4.json")
    assert (
        differences(
            article,
            {
                "source_format": "ninjs-1",
                "identity": "http://ninjs.example.com/newsitems/20130709med123",
                "title": "Captain of wrecked cruise ship on trial in Italy",
                "byline": "Paulo Santalucia and Frances d'Emilio",
                "place": "Grossetto, Italy",
                "language": "en",
                "published_on": datetime.date(2013, 7, 9),
            },
        )
        == {}
    )
    # body_xhtml has four <p>; body_text is one run-on paragraph: the markup wins.
    assert len(article.blocks) == 4
    assert article.block_texts()[3].endswith("Schettino has denied wrongdoing.")


def test_ninjs_1_plain_body_text_when_there_is_no_html():
    item = json.loads(load("ninjsExMediumText1_1.4.json"))
    del item["body_xhtml"]
    item["body_text"] = "Erster Absatz.\nZwischentitel\nZweiter Absatz."
    article = only("plain.json", json.dumps(item).encode())
    assert article.block_texts() == ["Erster Absatz.", "Zwischentitel", "Zweiter Absatz."]
    assert [b.kind for b in article.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]


def test_html_body_headings_become_heading_blocks_and_repeated_title_is_dropped():
    # TT sends a text/plain and a text/html body; the HTML one repeats the title as <h1>.
    article = only("tt_text_image_3.0.json")
    assert article.title == "Militärövning i jätteformat hålls 2023"
    assert article.identity == "http://tt.se/media/text/210526-militarovning-a0f2d045"
    assert article.publisher_name == "TT"
    assert not article.body.startswith(article.title)
    assert any(text.startswith("Pandemin satte stopp") for text in article.block_texts())

    item = dpa_item()
    item["bodies"][0]["value"] = (
        "<h1>Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?</h1>"
        "<p>Erster Absatz.</p><h2>Was die Regel sagt</h2><p>Zweiter &amp; letzter Absatz.</p>"
        "<p><strong>Die Bewertung</strong></p><p>Dritter Absatz.</p>"
    )
    article = only("dpa.json", json.dumps(item).encode())
    assert article.block_texts(BlockKind.HEADING) == ["Was die Regel sagt", "Die Bewertung"]
    assert article.block_texts(BlockKind.PARAGRAPH) == [
        "Erster Absatz.",
        "Zweiter & letzter Absatz.",
        "Dritter Absatz.",
    ]


def test_body_is_nfc_normalised():
    item = dpa_item()
    item["bodies"][0]["value"] = "<p>Fu\u0308r Lucien Favre.</p>"
    article = only("nfd.json", json.dumps(item).encode())
    assert article.body == "Für Lucien Favre."
    assert unicodedata.is_normalized("NFC", article.body)


def test_list_of_items_keeps_the_articles_and_skips_pictures():
    picture = {"uri": "urn:bild:1", "type": "picture", "headlines": [{"value": "Ein Bild"}]}
    second = dpa_item() | {"uri": "urn:newsml:dpa.com:2", "version": "3"}
    data = json.dumps([dpa_item(), picture, second]).encode()
    articles = parse_ninjs(data, source="liste.json", max_chars=MAX)
    assert [a.identity for a in articles] == [
        "urn:newsml:dpa.com:20090101:190510-99-167362",
        "urn:newsml:dpa.com:2",
    ]
    assert [a.version for a in articles] == ["2", "3"]


@pytest.mark.parametrize("status", ["canceled", "withheld"])
def test_a_withdrawn_item_is_refused_alone_and_skipped_in_a_list(status):
    withdrawn = dpa_item() | {"uri": "urn:newsml:dpa.com:kill", "pubStatus": status}
    assert error_for(withdrawn) == (
        f"item.json: the ninjs item is withdrawn by its sender (pubStatus '{status}'), "
        "not an article"
    )
    data = json.dumps([dpa_item(), withdrawn]).encode()
    articles = parse_ninjs(data, source="liste.json", max_chars=MAX)
    assert [a.identity for a in articles] == ["urn:newsml:dpa.com:20090101:190510-99-167362"]


def test_a_list_gives_its_good_items_and_the_refusal_of_each_bad_one():
    no_text = dpa_item() | {"uri": "urn:newsml:dpa.com:leer", "bodies": []}
    unnamed = {k: v for k, v in dpa_item().items() if k != "uri"} | {"headline": 5}
    data = json.dumps([unnamed, dpa_item(), no_text]).encode()
    items = ninjs_articles(data, source="liste.json", max_chars=MAX)
    assert [type(item).__name__ for item in items] == [
        "FormatError",
        "IncomingArticle",
        "FormatError",
    ]
    assert str(items[0]).startswith("liste.json: item 1: ")
    assert items[1].identity == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert str(items[2]).startswith("liste.json (urn:newsml:dpa.com:leer): ")
    # Read whole, the list is refused at its first bad item.
    with pytest.raises(FormatError, match="item 1"):
        parse_ninjs(data, source="liste.json", max_chars=MAX)


def test_version_comes_from_the_declaration_or_the_property_names():
    assert declared_version({"$standard": {"version": "1.4"}}) == "1"
    assert declared_version({"standard": {"name": "ninjs", "version": "3.0"}}) == "3"
    assert declared_version({"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"})
    assert declared_version({"uri": "x"}) is None
    assert candidate_versions(json.loads(load("dpa_text_3.0.json")))[0] == "3"
    assert candidate_versions(json.loads(load("dpa_text_2.1.json")))[0] == "2"
    assert candidate_versions(json.loads(load("ninjsExMediumText1_1.4.json")))[0] == "1"


def test_invalid_json_names_input_and_position():
    with pytest.raises(
        FormatError, match=r"kaputt\.json: invalid JSON at line 1 column 12: Illegal trailing comma"
    ):
        parse_ninjs(b'{"uri": "x",}', source="kaputt.json", max_chars=MAX)


def test_json_nested_past_the_decoders_depth_is_refused_with_a_reason():
    nested = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(FormatError, match=r"tief\.json: invalid JSON: nested deeper than \d+"):
        parse_incoming(nested, source="tief.json", max_chars=MAX)


def test_json_that_is_not_ninjs_is_refused():
    with pytest.raises(FormatError, match="not a ninjs news item"):
        parse_ninjs(b'{"name": "Wetter", "temp": 21}', source="w.json", max_chars=MAX)
    with pytest.raises(FormatError, match="no items"):
        parse_ninjs(b"[]", source="leer.json", max_chars=MAX)


def test_schema_violation_names_the_field_and_the_reason():
    item = dpa_item() | {"urgency": "hoch"}
    message = error_for(item, "dpa.json")
    assert message.startswith("dpa.json: $.urgency: 'hoch' is not of type 'integer'")
    assert "ninjs 3.1 schema" in message


def test_schema_violation_in_a_nested_field_gives_its_json_path():
    item = dpa_item()
    item["bodies"][0]["contentType"] = 5
    assert "$.bodies[0].contentType: 5 is not of type 'string'" in error_for(item)
    item = dpa_item()
    del item["bodies"][0]["value"]
    assert "$.bodies[0]: 'value' is a required property" in error_for(item)


def test_unknown_property_and_missing_uri_are_named():
    item = dpa_item() | {"$standard": {"version": "3.0"}}
    # $standard is the 1.x name; a 3.x item writes `standard`.
    assert "$.$standard: property not defined by the standard" in error_for(item)
    item = dpa_item()
    del item["uri"]
    assert "'uri' is a required property" in error_for(item)


def test_error_in_a_list_names_the_item():
    data = json.dumps([dpa_item(), dpa_item() | {"urgency": "hoch"}]).encode()
    with pytest.raises(FormatError, match=r"liste\.json: item 2: \$\.urgency"):
        parse_ninjs(data, source="liste.json", max_chars=MAX)


def test_item_without_body_or_of_another_type_is_refused():
    with pytest.raises(FormatError, match="has no text body"):
        only("ntb_text_3.0.json")
    picture = {"uri": "urn:bild:1", "type": "picture", "headlines": [{"value": "Bild"}]}
    assert "of type 'picture', not an article" in error_for(picture)


def test_bad_version_created_is_refused():
    item = dpa_item() | {"versionCreated": "gestern"}
    assert "versionCreated is not a date-time: 'gestern'" in error_for(item)


def test_body_over_the_limit_is_refused():
    with pytest.raises(FormatError, match="over the limit of 1,000"):
        parse_ninjs(load("dpa_text_3.0.json"), source="dpa.json", max_chars=1_000)


def test_to_parsed_article_carries_body_and_metadata():
    parsed = only("dpa_text_3.0.json").to_parsed_article()
    assert parsed.title.startswith("Faktencheck Derby-Elfmeter")
    assert parsed.publisher_name == "dpa"
    assert parsed.published_on == datetime.date(2019, 5, 10)
    assert len(parsed.blocks) == 9


@pytest.mark.parametrize(
    ("version_created", "day"),
    [
        ("2019-05-10T23:30:00Z", datetime.date(2019, 5, 11)),  # 01:30 in Berlin (CEST)
        ("2019-05-10T21:59:00Z", datetime.date(2019, 5, 10)),
        ("2019-12-31T23:30:00+00:00", datetime.date(2020, 1, 1)),  # 00:30 CET
        ("2020-01-01T00:30:00+01:00", datetime.date(2020, 1, 1)),
        ("2019-05-10T23:30:00", datetime.date(2019, 5, 10)),  # no offset: Berlin time
    ],
)
def test_published_day_is_the_day_in_berlin(version_created, day):
    item = dpa_item() | {"versionCreated": version_created}
    article = only("dpa.json", json.dumps(item).encode())
    assert article.published_on == day
    assert article.revised_at == datetime.datetime.fromisoformat(version_created)


def dpa_with_body(html, **changes):
    item = dpa_item() | changes
    item["bodies"][0]["value"] = html
    return only("dpa.json", json.dumps(item).encode())


def test_dateline_gives_place_and_leaves_the_body_as_the_text_import_does():
    article = dpa_with_body(
        "<p>Leipzig (dpa/sn) - Im Zoo sind zwei Pandas geboren.</p><p>Zweiter Absatz.</p>"
    )
    assert article.place == "Leipzig"
    assert article.publisher_name == "dpa"  # copyrightHolder
    assert article.cited_source_names == ["sn"]
    assert article.block_texts() == ["Im Zoo sind zwei Pandas geboren.", "Zweiter Absatz."]

    # `located` wins over the dateline; a dateline alone in its paragraph goes with it.
    item = dpa_item() | {"located": "Halle (Saale)"}
    del item["copyrightHolder"]
    item["bodies"][0]["value"] = "<p>Berlin (dpa) - </p><p>Erster Absatz.</p>"
    article = only("dpa.json", json.dumps(item).encode())
    assert (article.place, article.publisher_name) == ("Halle (Saale)", "dpa")
    assert article.block_texts() == ["Erster Absatz."]


@pytest.mark.parametrize(
    "first",
    [
        "Berlin (dpa) meldet einen neuen Rekord.",  # no dash: not a dateline
        "GROSSETO, Italy (AP) -- The trial has begun.",
        "Die Partei (SPD)-Fraktion tagt.",
    ],
)
def test_opening_that_is_not_a_dateline_is_kept(first):
    article = dpa_with_body(f"<p>{first}</p><p>Zweiter Absatz.</p>")
    assert article.block_texts()[0] == first
    assert article.place == ""


def test_only_the_first_paragraph_can_open_with_a_dateline():
    article = dpa_with_body("<p>Erster Absatz.</p><p>Berlin (dpa) - Zweiter Absatz.</p>")
    assert article.block_texts() == ["Erster Absatz.", "Berlin (dpa) - Zweiter Absatz."]
    assert article.place == ""


@pytest.mark.parametrize(
    "note",
    [
        "<p><strong>Hinweis an die Redaktion:</strong> Fotos stehen im Bildportal.</p>",
        "<p>Redaktioneller Hinweis: Die Meldung wird aktualisiert.</p>",
        "<h3>Hinweis für Redaktionen</h3><p>Ansprechpartnerin ist die Pressestelle.</p>",
        "<h3>Weitere Informationen</h3><ul><li><a href='/studie.pdf'>Studie</a></li></ul>",
        "<p><b>Notizblock</b></p><p>Internet: www.example.org</p>",
    ],
)
def test_note_to_editors_ends_the_article_text(note):
    article = dpa_with_body(f"<p>Erster Absatz.</p><h2>Zwischentitel</h2><p>Letzter.</p>{note}")
    assert article.block_texts() == ["Erster Absatz.", "Zwischentitel", "Letzter."]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Weitere Informationen gibt es beim Bürgeramt.",
        "Die Polizei nimmt Hinweise an die Redaktion nicht entgegen: Zeugen melden sich dort.",
        "Ein Sprecher verwies auf den Hinweis an die Redaktion: Das sei üblich.",
    ],
)
def test_paragraph_only_mentioning_a_note_is_kept(paragraph):
    article = dpa_with_body(f"<p>Erster Absatz.</p><p>{paragraph}</p><p>Letzter.</p>")
    assert article.block_texts() == ["Erster Absatz.", paragraph, "Letzter."]


def test_a_text_that_opens_with_a_note_label_is_not_lost():
    article = dpa_with_body("<p>Hinweis an die Redaktion: Sperrfrist bis 12 Uhr.</p><p>Text.</p>")
    assert article.block_texts() == ["Hinweis an die Redaktion: Sperrfrist bis 12 Uhr.", "Text."]


def test_without_by_the_authors_among_the_people_are_the_byline():
    item = dpa_item() | {
        "people": [
            {"name": "Hanna Vogt", "rel": "author"},
            {"name": "Lucien Favre", "rel": "about"},
            {"name": "Jens Ott", "rel": "http://cv.example.org/role/creator"},
        ]
    }
    assert only("dpa.json", json.dumps(item).encode()).byline == "Von Christian Hollmann, dpa"
    del item["by"]
    assert only("dpa.json", json.dumps(item).encode()).byline == "Hanna Vogt, Jens Ott"
    item["people"] = [{"name": "Lucien Favre", "rel": "about"}, {"name": "Ohne Rolle"}]
    assert only("dpa.json", json.dumps(item).encode()).byline == ""


def test_html_headline_is_read_without_its_markup():
    item = dpa_item()
    item["headlines"] = [
        {"role": "main", "contentType": "text/html", "value": "Zwayer &amp; der <em>Elfmeter</em>"}
    ]
    assert only("dpa.json", json.dumps(item).encode()).title == "Zwayer & der Elfmeter"
    item["headlines"] = [{"role": "main", "value": "Plain <3 Fußball"}]
    assert only("dpa.json", json.dumps(item).encode()).title == "Plain <3 Fußball"


def test_ninjs_1_nitf_body_is_read_when_there_is_no_html():
    item = json.loads(load("ninjsExMediumText1_1.4.json"))
    del item["body_xhtml"]
    item["body_nitf"] = (
        "<nitf><body><body.head><hedline><hl1>Titel</hl1></hedline></body.head>"
        "<body.content><p>Erster Absatz.</p><p>Zweiter Absatz.</p></body.content></body></nitf>"
    )
    article = only("nitf.json", json.dumps(item).encode())
    assert article.block_texts() == ["Erster Absatz.", "Zweiter Absatz."]


def test_of_two_html_bodies_the_full_text_is_read_not_the_teaser():
    item = dpa_item()
    full = item["bodies"][0]
    teaser = {"role": "teaser", "contentType": "text/html", "value": "<p>Kurz gesagt.</p>"}
    item["bodies"] = [teaser, full]
    article = only("dpa.json", json.dumps(item).encode())
    assert len(article.blocks) == 9
    assert "Kurz gesagt." not in article.body


NEWSDESK = DATA.parent / "ninjs_newsdesk"
NEWSDESK_EXPECTED = json.loads((NEWSDESK / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(NEWSDESK_EXPECTED))
def test_items_written_for_newsdesk_read_as_a_user_expects(name):
    expected = NEWSDESK_EXPECTED[name]
    data = (NEWSDESK / name).read_bytes()
    if expected.get("refused"):
        with pytest.raises(FormatError) as caught:
            parse_ninjs(data, source=name, max_chars=MAX)
        assert all(part in str(caught.value) for part in expected["reason_contains"])
        return
    articles = parse_ninjs(data, source=name, max_chars=MAX)
    assert len(articles) == len(expected["articles"])
    for article, wanted in zip(articles, expected["articles"], strict=True):
        assert {
            "title": article.title,
            "byline": article.byline,
            "published_on": str(article.published_on),
            "publisher": article.publisher_name,
            "place": article.place,
            "language": article.language,
            "identity": article.identity,
            "version": article.version,
            "paragraphs": len(article.block_texts(BlockKind.PARAGRAPH)),
            "headings": len(article.block_texts(BlockKind.HEADING)),
        } == {key: wanted[key] for key in wanted if key not in ("must_contain", "must_not_contain")}
        assert [text for text in wanted["must_contain"] if text not in article.body] == []
        assert [text for text in wanted["must_not_contain"] if text in article.body] == []
