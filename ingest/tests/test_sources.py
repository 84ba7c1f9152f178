"""Where the import reads from: roots, links, system files, odd names, URLs (issue 14, 16)."""

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.importing import ImportStatus
from articles.models import Article, Source
from ingest.pipeline import files_import, incoming_import
from newstext.formats import parse_incoming

DATA = Path(__file__).resolve().parents[2] / "newstext" / "tests" / "data" / "formats"
LIMIT = 5 * 1024 * 1024
BUNDESTAG = (
    "Der Bundestag hat am Donnerstag den Haushalt für das kommende Jahr beschlossen. "
    "Die Opposition kritisierte die Neuverschuldung als zu hoch."
)
FUSSBALL = (
    "Der FC Schalke gewann das Derby in Dortmund mit vier zu zwei Toren. "
    "Der Trainer lobte die Mannschaft nach dem Spiel ausdrücklich."
)


def import_paths(*paths: Path) -> list:
    return list(files_import(list(paths), max_bytes=LIMIT))


def test_same_file_name_in_two_folders_of_one_root_are_two_articles(db, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "bericht.txt").write_text(BUNDESTAG)
    (tmp_path / "y" / "bericht.txt").write_text(FUSSBALL)
    reports = import_paths(tmp_path)
    assert [(r.identity, r.status) for r in reports] == [
        ("x/bericht.txt", ImportStatus.IMPORTED),
        ("y/bericht.txt", ImportStatus.IMPORTED),
    ]


def test_an_unrelated_text_under_an_existing_identity_is_refused(db, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "bericht.txt").write_text(BUNDESTAG)
    (tmp_path / "y" / "bericht.txt").write_text(FUSSBALL)
    [first] = import_paths(tmp_path / "x")
    [second] = import_paths(tmp_path / "y")  # another root: the same identity "bericht.txt"
    assert second.status is ImportStatus.FAILED
    assert "differs from the article already imported under this identity" in second.reason
    assert second.article_id == first.article_id
    assert Article.objects.get().body == BUNDESTAG


def test_symlinks_in_a_folder_are_not_followed(db, tmp_path):
    (tmp_path / "echt.txt").write_text(BUNDESTAG)
    (tmp_path / "passwd_link.txt").symlink_to("/etc/passwd")
    (tmp_path / "ordner_link").symlink_to("/etc", target_is_directory=True)
    reports = {r.path.name: r for r in import_paths(tmp_path)}
    assert reports["echt.txt"].status is ImportStatus.IMPORTED
    assert reports["passwd_link.txt"].reason == "symbolic link, not followed"
    assert reports["ordner_link"].reason == "symbolic link, not followed"
    assert Article.objects.count() == 1


def test_a_symlink_named_directly_is_not_followed(db, tmp_path):
    (tmp_path / "passwd_link.txt").symlink_to("/etc/passwd")
    [report] = import_paths(tmp_path / "passwd_link.txt")
    assert report.status is ImportStatus.FAILED
    assert report.reason == "symbolic link, not followed"
    assert not Article.objects.exists()


def test_proc_files_are_not_read(db):
    [report] = import_paths(Path("/proc/self/status"))
    assert report.status is ImportStatus.FAILED
    assert "system file" in report.reason
    assert not Article.objects.exists()


def test_size_is_checked_on_the_bytes_read(db, tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("Ein Satz. " * 200)
    real_fstat = os.fstat

    def lying_fstat(descriptor: int) -> os.stat_result:
        # A file whose size the system reports as 0, as /proc does.
        values = list(real_fstat(descriptor))
        values[6] = 0
        return os.stat_result(values)

    monkeypatch.setattr("ingest.sources.os.fstat", lying_fstat)
    [report] = list(files_import([big], max_bytes=1000))
    assert report.status is ImportStatus.FAILED
    assert report.reason == "file is over the limit of 1,000 bytes"


def test_a_file_name_that_is_not_utf8_is_reported_and_imported(db, tmp_path, capsys):
    folder = os.fsencode(tmp_path / "ordner")
    os.mkdir(folder)
    with open(os.path.join(folder, b"\xff\xfe-bericht.txt"), "w") as file:
        file.write(BUNDESTAG)
    with open(os.path.join(folder, b"leer\xff.txt"), "wb"):
        pass
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_articles", os.fsdecode(folder))
    out, err = capsys.readouterr()
    assert "\\xff\\xfe-bericht.txt: imported" in out
    assert "leer\\xff.txt: failed: file is empty" in err
    assert Article.objects.get().origin == "\\xff\\xfe-bericht.txt"


@pytest.mark.parametrize("existing", [None, "Istanbul Post", "İstanbul Post"])
def test_source_names_that_lower_case_differently_do_not_break_the_batch(db, tmp_path, existing):
    if existing:
        Source.objects.create(name=existing)
    (tmp_path / "a.txt").write_text(BUNDESTAG + "\nQuellen: İSTANBUL POST, dpa")
    (tmp_path / "b.txt").write_text(FUSSBALL + "\nQuellen: İstanbul Post")
    (tmp_path / "c.txt").write_text("Noch ein Text über den Hafen von Izmir.\nQuellen: DPA")
    reports = import_paths(tmp_path)
    assert [r.status for r in reports] == [ImportStatus.IMPORTED] * 3
    for article in Article.objects.all():
        assert article.cited_sources.exists()


def test_incoming_import_reports_each_item(db):
    data = (DATA / "feeds" / "rheinland_kurier_rss.xml").read_bytes()
    items = [
        i for i in parse_incoming(data, source="feed.xml", max_chars=LIMIT) if not i.needs_fetch
    ]
    reports = list(incoming_import(items))
    assert [r.status for r in reports] == [ImportStatus.IMPORTED] * len(items)
    assert {r.identity for r in reports} == {i.identity for i in items}


def test_a_feed_file_cut_off_in_an_item_imports_the_others_and_names_the_broken_one(db, tmp_path):
    feed = tmp_path / "elbe.xml"
    feed.write_bytes((DATA / "feeds" / "elbe_bote_abgebrochen.xml").read_bytes())
    reports = import_paths(feed)
    assert [r.status for r in reports] == [ImportStatus.FAILED] + [ImportStatus.IMPORTED] * 2
    assert reports[0].source.endswith("elbe.xml (eb-4713)")
    assert "broken feed XML" in reports[0].reason
    assert "neither title nor text" in reports[0].reason
    assert set(Article.objects.values_list("title", flat=True)) == {
        "Fähre nach Blankenese fährt wieder",
        "Stadtbibliothek verlängert Öffnungszeiten",
    }


# URLs: a server on 127.0.0.1 ---------------------------------------------------------


class _Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self) -> None:
        if self.path not in self.pages:
            self.send_error(404)
            return
        content_type, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_port}"
    feed = (DATA / "feeds" / "rheinland_kurier_rss.xml").read_bytes()
    feed = feed.replace(b"https://www.rheinland-kurier.example", base.encode())
    _Site.pages = {
        "/feed.xml": ("application/rss+xml", feed),
        "/region/deich-altrip-100.html": (
            "text/html",
            (DATA / "html" / "taunus_bote_faktencheck.html").read_bytes(),
        ),
        "/wirtschaft/baeckerei-filialen-100.html": (
            "text/html",
            (DATA / "html" / "stadtanzeiger_schwimmbad.html").read_bytes(),
        ),
        "/seite.html": (
            "text/html",
            (DATA / "html" / "rheinland_kurier_radwege.html").read_bytes(),
        ),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_a_page_url_imports_under_its_canonical_url(db, site, capsys):
    call_command("import_articles", f"{site}/seite.html")
    article = Article.objects.get()
    assert article.title == "Radwegenetz: Stadtrat stimmt knapp zu"
    assert article.origin.startswith("https://www.rheinland-kurier.example/")
    assert f"{site}/seite.html: imported" in capsys.readouterr().out


def test_a_feed_url_fetches_the_pages_of_items_without_text(db, site, capsys):
    call_command("import_articles", f"{site}/feed.xml")
    deich = Article.objects.get(origin=f"{site}/region/deich-altrip-100.html")
    # The feed's title and identity stay; the text comes from the fetched page.
    assert deich.title == "Hochwasserschutz: Deich bei Altrip wird ab November erhöht"
    assert "Bäume" in deich.body
    assert Article.objects.count() == 4
    call_command("import_articles", f"{site}/feed.xml")
    assert "0 imported, 4 unchanged" in capsys.readouterr().out


def test_urls_on_private_addresses_are_refused_by_default(db, site, settings, capsys):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(CommandError):
        call_command("import_articles", f"{site}/seite.html")
    assert "resolves to non-public address 127.0.0.1, refused" in capsys.readouterr().err
    assert not Article.objects.exists()


def test_a_missing_page_is_reported(db, site, capsys):
    with pytest.raises(CommandError):
        call_command("import_articles", f"{site}/fehlt.html")
    assert "fehlt.html: failed: HTTP 404" in capsys.readouterr().err
