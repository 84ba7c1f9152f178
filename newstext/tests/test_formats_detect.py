from pathlib import Path

import pytest

from newstext.formats import Format, FormatError, detect_format, parse_incoming

DATA = Path(__file__).parent / "data" / "formats"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("ninjs/dpa_text_3.0.json", Format.NINJS),
        ("ninjs/ninjsExMediumText1_1.4.json", Format.NINJS),
        ("feeds/rheinland_kurier_rss.xml", Format.RSS),
        ("feeds/stadtanzeiger_atom.xml", Format.ATOM),
        ("feeds/blind_rdf_dc.xml", Format.RSS),
        ("feeds/blind_atom_xhtml.xml", Format.ATOM),
        ("feeds/blind_latin1.xml", Format.RSS),
        ("feeds/blind_bom_html_titles.xml", Format.RSS),
        ("html/rheinland_kurier_radwege.html", Format.HTML),
        ("html/taunus_bote_faktencheck.html", Format.HTML),
    ],
)
def test_test_files_are_detected_by_content_whatever_their_name(path, expected):
    data = (DATA / path).read_bytes()
    assert detect_format(data, name=path) is expected
    assert detect_format(data, name="upload.txt") is expected
    assert detect_format(data) is expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'[{"uri": "urn:a", "headline": "A", "body_text": "x"}]', Format.NINJS),
        (b'\xef\xbb\xbf{"uri": "urn:a", "bodies": []}', Format.NINJS),
        (b'<?xml version="1.0"?>\n<!-- feed -->\n<rss version="2.0"></rss>', Format.RSS),
        (
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
            Format.RSS,
        ),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', Format.ATOM),
        # A feed that declares the entities it uses in its doctype's internal subset.
        (b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>\n<rss/>', Format.RSS),
        (
            b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
            b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>',
            Format.RSS,
        ),
        (b"<!doctype html><title>x</title>", Format.HTML),
        (b"  <div class='artikel'><p>Text</p></div>", Format.HTML),
        ("\ufeffBerlin (dpa) – Der Bundestag hat.".encode("utf-16"), Format.TEXT),
        (" date 2025-10-06 Berlin (dpa) – Der Bundestag hat beschlossen.".encode(), Format.TEXT),
        (b"[Eilmeldung] Berlin: Der Bundestag hat beschlossen.", Format.TEXT),
    ],
)
def test_detection_by_content(data, expected):
    assert detect_format(data) is expected


def test_broken_json_named_json_goes_to_ninjs_for_its_error():
    assert detect_format(b'{"uri": ', name="a.json") is Format.NINJS
    with pytest.raises(FormatError, match=r"^a\.json: invalid JSON at line 1"):
        parse_incoming(b'{"uri": ', source="a.json", max_chars=1000)


def test_other_json_and_other_xml_are_refused():
    with pytest.raises(FormatError, match="JSON, but not ninjs"):
        detect_format(b'{"temperatur": 21}', name="wetter.json")
    with pytest.raises(FormatError, match=r"XML with root <nitf> is not RSS, Atom or HTML"):
        detect_format(b'<?xml version="1.0"?><nitf><body/></nitf>', name="x.xml")


def test_parse_incoming_dispatches_every_format():
    def parse(path):
        return parse_incoming((DATA / path).read_bytes(), source=path, max_chars=50_000)

    assert parse("ninjs/dpa_text_3.0.json")[0].source_format == "ninjs-3"
    assert len(parse("feeds/rheinland_kurier_rss.xml")) == 4
    assert parse("feeds/stadtanzeiger_atom.xml")[0].source_format == "atom"
    assert parse("html/stadtanzeiger_schwimmbad.html")[0].source_format == "html"


def test_plain_text_goes_through_the_text_parser():
    data = " date 2025-10-06 Berlin (dpa) – Der Bundestag hat das Gesetz beschlossen.\n\nQuellen: AFP".encode()
    (article,) = parse_incoming(data, source="meldung.txt", max_chars=1000)
    assert article.source_format == "text"
    assert article.place == "Berlin"
    assert article.publisher_name == "dpa"
    assert article.cited_source_names == ["AFP"]
    assert article.body == "Der Bundestag hat das Gesetz beschlossen."
    with pytest.raises(FormatError, match=r"^leer\.txt: file is empty"):
        parse_incoming(b"   ", source="leer.txt", max_chars=1000)


def test_a_text_file_holding_an_editorial_systems_xml_is_read_as_text():
    data = (
        '<?xml version="1.0"?>\n<artikel>\n<headline>Rat beschließt Brücke</headline>\n'
        "<text>\n<p>Der Rat hat entschieden.</p>\n</text>\n</artikel>\n"
    ).encode()
    assert detect_format(data, name="export.txt") is Format.TEXT
    [article] = parse_incoming(data, source="export.txt", max_chars=1000)
    assert (article.title, article.body) == ("Rat beschließt Brücke", "Der Rat hat entschieden.")
    with pytest.raises(FormatError, match=r"XML with root <artikel> is not RSS, Atom or HTML"):
        detect_format(data, name="export.xml")
