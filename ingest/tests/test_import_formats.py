"""Real files of every format through `import_articles` and `incoming_import`."""

import datetime
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.importing import ImportStatus
from articles.models import Article, ArticleRevision
from ingest.pipeline import incoming_import
from newstext.formats import parse_incoming

DATA = Path(__file__).resolve().parents[2] / "newstext" / "tests" / "data" / "formats"
NINJS = DATA / "ninjs"
DPA_URI = "urn:newsml:dpa.com:20090101:190510-99-167362"


def run(*targets, expect_failure=False, capsys):
    if expect_failure:
        with pytest.raises(CommandError):
            call_command("import_articles", *map(str, targets))
    else:
        call_command("import_articles", *map(str, targets))
    return capsys.readouterr()


def test_every_ninjs_example_imports_with_its_metadata(db, capsys):
    out, err = run(NINJS, expect_failure=True, capsys=capsys)
    # NTB's example is metadata only: refused by name, the others land.
    assert err.strip().splitlines() == [
        f"{NINJS / 'ntb_text_3.0.json'}: failed: "
        "the ninjs item has no text body (body_text, body_html, bodies)"
    ]
    dpa = Article.objects.get(origin=DPA_URI)
    assert dpa.title == "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    assert dpa.byline == "Von Christian Hollmann, dpa"
    assert dpa.language == "de"
    assert "«der größte Skandal im Fußball seit Jahren»" in dpa.body
    assert "<p>" not in dpa.body
    assert "<section" not in dpa.body
    assert dpa.blocks
    assert all(block["kind"] in {"paragraph", "heading"} for block in dpa.blocks)
    ap = Article.objects.get(origin="http://ninjs.example.com/newsitems/20130709med123")
    assert ap.title == "Captain of wrecked cruise ship on trial in Italy"
    assert ap.byline == "Paulo Santalucia and Frances d'Emilio"
    assert ap.language == "en"
    tt = Article.objects.get(origin="http://tt.se/media/text/210526-militarovning-a0f2d045")
    assert tt.title == "Militärövning i jätteformat hålls 2023"
    # Every example is an article under its own uri, never under its file name.
    assert not Article.objects.filter(origin__endswith=".json").exists()
    assert "Done:" in out


def test_ninjs_through_incoming_import_keeps_date_and_version(db):
    data = (NINJS / "dpa_text_3.0.json").read_bytes()
    items = parse_incoming(data, source="dpa_text_3.0.json", max_chars=10**6)
    [report] = incoming_import(items)
    assert report.status is ImportStatus.IMPORTED
    assert report.identity == DPA_URI
    article = Article.objects.get(pk=report.article_id)
    assert article.published_on == items[0].published_on
    assert article.date_precision == "day"
    revision = article.revisions.get()
    assert revision.version == (items[0].version or "")
    assert revision.imported_from == "dpa_text_3.0.json"
    # The same item again changes nothing.
    [again] = incoming_import(parse_incoming(data, source="again.json", max_chars=10**6))
    assert again.status is ImportStatus.UNCHANGED
    assert again.article_id == article.pk


def _ninjs_variant(tmp_path: Path, name: str, *, body: str, version: str) -> Path:
    item = json.loads((NINJS / "dpa_text_3.0.json").read_text(encoding="utf-8"))
    item["version"] = version
    for entry in item["bodies"]:
        entry["value"] = body
    path = tmp_path / name
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_bad_item_of_a_ninjs_list_fails_alone(db, capsys):
    h06 = DATA / "ninjs_newsdesk" / "h06_2x_list_missing_uri.json"
    out, err = run(h06, expect_failure=True, capsys=capsys)
    assert "Done: 1 imported, 0 unchanged, 0 revised, 1 failed." in out
    assert "failed: item 2: $: 'uri' is a required property" in err
    assert Article.objects.count() == 1


def test_a_new_version_of_the_same_uri_is_a_revision(db, tmp_path, capsys):
    first = _ninjs_variant(
        tmp_path,
        "v1.json",
        body="<p>Der Schiedsrichter entschied nach Ansicht der Fernsehbilder auf Handspiel "
        "im Strafraum, und Dortmund verlor das Derby mit 2:4 gegen Schalke.</p>",
        version="1",
    )
    run(first, capsys=capsys)
    second = _ninjs_variant(
        tmp_path,
        "v2.json",
        body="<p>Der Schiedsrichter entschied nach Ansicht der Fernsehbilder auf Handspiel "
        "im Strafraum, und Dortmund verlor das Derby mit 2:4 gegen Schalke.</p>"
        "<p>Korrektur: Das Spiel fand am Samstag statt.</p>",
        version="2",
    )
    out, _ = run(second, capsys=capsys)
    assert f"{second.name}: revised" in out
    article = Article.objects.get(origin=DPA_URI)
    assert article.body.endswith("Korrektur: Das Spiel fand am Samstag statt.")
    assert list(article.revisions.values_list("version", flat=True)) == ["1", "2"]


def test_a_different_text_under_the_same_uri_is_refused(db, tmp_path, capsys):
    run(NINJS / "dpa_text_3.0.json", capsys=capsys)
    before = Article.objects.get(origin=DPA_URI).body
    other = _ninjs_variant(
        tmp_path,
        "other.json",
        body="<p>Der Gemeinderat hat am Dienstag den Haushalt für das kommende Jahr "
        "beschlossen; die Grundsteuer steigt um drei Prozent.</p>",
        version="9",
    )
    _, err = run(other, expect_failure=True, capsys=capsys)
    assert "differs from the article already imported under this identity" in err
    assert "(containment 0.00 < 0.5)" in err
    assert Article.objects.get(origin=DPA_URI).body == before
    assert ArticleRevision.objects.count() == 1


def test_feed_and_pages_import_with_identity_and_without_furniture(db, tmp_path, capsys):
    feed = DATA / "feeds" / "stadtanzeiger_atom.xml"
    _, err = run(
        feed, DATA / "html" / "rheinland_kurier_radwege.html", expect_failure=True, capsys=capsys
    )
    # The item without full text needs its page, on a host that does not exist.
    assert "[tag:stadtanzeiger-nord.example,2025:artikel-48177]: failed: no full text" in err
    bus = Article.objects.get(origin="tag:stadtanzeiger-nord.example,2025:artikel-48213")
    assert bus.byline == "Tobias Krentzel"
    assert "<" not in bus.body
    page = Article.objects.get(title="Radwegenetz: Stadtrat stimmt knapp zu")
    assert page.byline == "Miriam Hollenbach"
    assert page.origin.startswith("https://")
    assert "Cookie" not in page.body


def test_rss_items_without_text_fail_alone_when_their_page_cannot_be_fetched(db, capsys, settings):
    settings.NEWSDESK_FETCH_TIMEOUT = 2
    _, err = run(DATA / "feeds" / "rheinland_kurier_rss.xml", expect_failure=True, capsys=capsys)
    assert "no full text in the feed, and its page" in err
    titles = set(Article.objects.values_list("title", flat=True))
    assert "Stadtrat beschließt neues Radwegenetz für die Innenstadt" in titles
    assert "Theater eröffnet Spielzeit mit Uraufführung" in titles
    assert "Bäckerei-Kette schließt drei Filialen im Kreis" not in titles


def test_a_zip_of_mixed_files_reports_every_file(db, tmp_path, seeds_dir, capsys):
    archive = tmp_path / "lieferung.zip"
    with zipfile.ZipFile(archive, "w") as zip_file:
        zip_file.write(seeds_dir / "000_2881edf72164acbb.txt", "texte/000.txt")
        zip_file.write(NINJS / "dpa_text_3.0.json", "agentur/dpa.json")
        zip_file.write(DATA / "html" / "taunus_bote_faktencheck.html", "web/wald.html")
        zip_file.writestr("leer.txt", b"")
        zip_file.writestr("../ausbruch.txt", "Ein Text, der aus dem Ordner will.")
    out, err = run(archive, expect_failure=True, capsys=capsys)
    assert f"{archive}:texte/000.txt: imported" in out
    assert f"{archive}:agentur/dpa.json: imported" in out
    assert f"{archive}:web/wald.html: imported" in out
    assert f"{archive}:leer.txt: failed: file is empty" in err
    assert f"{archive}:../ausbruch.txt: failed: unsafe path in the zip" in err
    assert Article.objects.filter(origin="texte/000.txt").exists()
    assert Article.objects.filter(origin=DPA_URI).exists()
    assert Article.objects.count() == 3


def test_a_zip_over_its_limits_is_refused_whole(db, tmp_path, settings, capsys):
    settings.NEWSDESK_ZIP_MAX_ENTRIES = 2
    archive = tmp_path / "viele.zip"
    with zipfile.ZipFile(archive, "w") as zip_file:
        for number in range(3):
            zip_file.writestr(f"{number}.txt", f"Meldung Nummer {number} aus dem Rathaus.")
    _, err = run(archive, expect_failure=True, capsys=capsys)
    assert "zip holds 3 files, over the limit of 2" in err
    assert not Article.objects.exists()


def test_text_dates_survive_the_command(db, seeds_dir, capsys):
    run(seeds_dir / "003_b0def7ef3eed8443.txt", capsys=capsys)
    article = Article.objects.get()
    assert article.published_on == datetime.date(2023, 9, 1)
    assert article.origin == "003_b0def7ef3eed8443.txt"


def test_a_text_files_head_and_dateline_become_its_metadata(db, capsys):
    run(DATA / "text" / "dpa_regional_von_fusszeile.txt", capsys=capsys)
    article = Article.objects.get()
    assert article.title == "Elbtunnel: Sanierung dauert länger als geplant"
    assert article.byline == "Anna Beispiel"
    assert (article.dateline_place, article.publisher.name) == ("Hamburg/Berlin", "dpa")
    assert article.body.startswith("Die Sanierung der vierten Röhre")
    assert "Von Anna Beispiel" not in article.body


def test_seeds_in_a_folder_keep_their_identities(db, seeds_dir, tmp_path, capsys):
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    run(tmp_path / "seeds", capsys=capsys)
    out, _ = run(seeds_dir, capsys=capsys)
    assert "Done: 0 imported, 5 unchanged, 0 revised, 0 failed." in out
