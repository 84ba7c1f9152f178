"""A fuzz run over the importer: odd and broken files beside a good one in one folder.

Whatever a file holds, it is either imported whole or refused with a report naming the
file and the reason; a refused file leaves the database as it was, and the good file in
the same folder is imported all the same.
"""

import random
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, transaction
from hypothesis import given
from hypothesis import strategies as st

from annotations.models import Label
from annotations.tests.support import annotate
from articles.importing import ImportReport, ImportStatus
from articles.models import Article, ArticleRevision
from ingest import pipeline
from ingest.pipeline import files_import

LIMIT = 5 * 1024 * 1024
GOOD = "000_2881edf72164acbb.txt"
GERMAN = (
    "Berlin (dpa) – Die Präsidentin äußerte sich über die Größe der Schäden. "
    "«Überall Ärger», sagte sie.\n\nZweiter Absatz über Öl und Straßen."
)


def truncated_utf8() -> bytes:
    data = GERMAN.encode("utf-8")
    return data[: data.index("Ärger".encode()) + 1]  # cut inside the Ä


ODD_FILES = {
    "random-bytes": random.Random(6).randbytes(4096),
    "random-bytes-no-nul": bytes(b or 1 for b in random.Random(7).randbytes(4096)),
    "truncated-utf8": truncated_utf8(),
    "empty": b"",
    "only-white-space": " \t\r\n\u00a0\u3000".encode(),
    "only-zero-width": "\u200b\u200c\ufeff\n\u2060".encode(),
    "utf16-mark-then-garbage": b"\xff\xfe\x00\xd8",
    "huge-line": ("Ein langer Satz ohne Zeilenende. " * 60_000).encode(),
    "huge-line-over-limit": b"x" * (LIMIT + 1),
    "cr-only-line-ends": GERMAN.replace("\n", "\r").encode(),
    "nbsp-zero-width-tabs": GERMAN.replace(" ", "\u00a0", 5)
    .replace("Die", "Die\u200b")
    .replace("\n\n", "\n\t\n")
    .encode(),
    "cp1252": GERMAN.encode("cp1252"),
    "utf16-with-mark": GERMAN.encode("utf-16"),
}
REFUSED = {
    "random-bytes": "binary",
    "random-bytes-no-nul": "",
    "truncated-utf8": "ends in the middle of a UTF-8 character",
    "empty": "file is empty",
    "only-white-space": "file is empty",
    "only-zero-width": "no article text",
    "utf16-mark-then-garbage": "",
    "huge-line-over-limit": "over the limit",
}


def import_folder(folder: Path) -> dict[str, ImportReport]:
    return {r.path.name: r for r in files_import([folder], max_bytes=LIMIT)}


def assert_whole_or_refused(report: ImportReport, path: Path) -> None:
    """Imported whole (article, body with text, one revision) or refused with a reason."""
    if report.status is ImportStatus.FAILED:
        assert report.reason
        assert str(path) in str(report)
        assert report.reason in str(report)
        assert not Article.objects.filter(origin=path.name).exists()
        assert not ArticleRevision.objects.filter(article__origin=path.name).exists()
    else:
        assert report.status is ImportStatus.IMPORTED
        article = Article.objects.get(origin=path.name)
        assert article.body.strip()
        assert "\r" not in article.body
        assert article.revisions.count() == 1


@pytest.mark.parametrize("name", ODD_FILES)
def test_odd_file_is_imported_whole_or_refused_and_the_good_one_imported(
    db, seeds_dir, tmp_path, name
):
    shutil.copy(seeds_dir / GOOD, tmp_path / GOOD)
    odd = tmp_path / f"{name}.txt"
    odd.write_bytes(ODD_FILES[name])

    reports = import_folder(tmp_path)

    assert reports[GOOD].status is ImportStatus.IMPORTED
    assert_whole_or_refused(reports[odd.name], odd)
    if name in REFUSED:
        assert reports[odd.name].status is ImportStatus.FAILED
        assert REFUSED[name] in reports[odd.name].reason
    assert Article.objects.count() == 1 + (reports[odd.name].status is ImportStatus.IMPORTED)


def test_odd_whitespace_is_kept_as_text_and_line_ends_normalised(db, tmp_path):
    for name in ("cr-only-line-ends", "nbsp-zero-width-tabs"):
        (tmp_path / f"{name}.txt").write_bytes(ODD_FILES[name])
    reports = import_folder(tmp_path)
    assert {r.status for r in reports.values()} == {ImportStatus.IMPORTED}
    cr_only = Article.objects.get(origin="cr-only-line-ends.txt")
    assert "Zweiter Absatz über Öl und Straßen." in cr_only.body
    odd = Article.objects.get(origin="nbsp-zero-width-tabs.txt")
    assert "Die\u200b" in odd.body
    assert "\u00a0" in odd.body


@given(st.binary(max_size=3000))
def test_fuzzed_bytes_are_imported_whole_or_refused(tmp_path_factory, db, data):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "fuzz.txt"
    path.write_bytes(data)
    with transaction.atomic():  # each example starts from the same empty database
        [report] = files_import([path], max_bytes=LIMIT)
        assert_whole_or_refused(report, path)
        transaction.set_rollback(True)


def test_a_database_failure_in_one_revision_leaves_that_file_as_it_was(
    db, seeds_dir, tmp_path, editor, monkeypatch
):
    shutil.copy(seeds_dir / GOOD, tmp_path / GOOD)
    import_folder(tmp_path)
    article = Article.objects.get()
    quote = "Kremlchef Wladimir Putin"
    start = article.body.index(quote)
    annotation = annotate(article, editor, quote, label=Label.objects.create(name="Zitat"))
    other = seeds_dir / "001_9820c8e68323574d.txt"
    shutil.copy(other, tmp_path / other.name)
    (tmp_path / GOOD).write_text("Eilmeldung. " + (seeds_dir / GOOD).read_text("utf-8"))

    def fail(**kwargs: object) -> None:
        raise DatabaseError("disk full")

    monkeypatch.setattr(pipeline, "annotations_reanchor", fail)
    reports = import_folder(tmp_path)

    assert reports[GOOD].status is ImportStatus.FAILED
    assert reports[GOOD].reason == "database error, see log"
    assert reports[other.name].status is ImportStatus.IMPORTED
    article.refresh_from_db()
    annotation.refresh_from_db()
    assert not article.body.startswith("Eilmeldung")
    assert article.revisions.count() == 1
    assert (annotation.start, annotation.is_orphaned) == (start, False)


def test_command_names_each_refused_file_and_imports_the_rest(db, seeds_dir, tmp_path, capsys):
    shutil.copy(seeds_dir / GOOD, tmp_path / GOOD)
    for name in ("random-bytes", "truncated-utf8", "only-zero-width"):
        (tmp_path / f"{name}.txt").write_bytes(ODD_FILES[name])
    with pytest.raises(CommandError, match="3 file"):
        call_command("import_articles", str(tmp_path))
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'truncated-utf8.txt'}: failed: file ends in the middle" in err
    assert f"{tmp_path / 'only-zero-width.txt'}: failed: file holds no article text" in err
    assert f"{tmp_path / GOOD}: imported" in out
    assert Article.objects.count() == 1
