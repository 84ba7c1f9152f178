import datetime
import gc
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from annotations.models import Label
from annotations.tests.support import annotate
from articles.importing import ImportStatus
from articles.models import Article, ArticleRevision, Source
from ingest import sources
from ingest.pipeline import files_import

LIMIT = 5 * 1024 * 1024


def import_paths(*paths, **options):
    return list(files_import([Path(p) for p in paths], max_bytes=LIMIT, **options))


@pytest.fixture
def seeded(db, seeds_dir):
    reports = import_paths(seeds_dir)
    assert [r.status for r in reports] == [ImportStatus.IMPORTED] * 5
    return {r.path.name[:3]: Article.objects.get(pk=r.article_id) for r in reports}


def block_texts(article, kind):
    return [text for block_kind, text in article.block_texts() if block_kind == kind]


# What an editor checks on each seed -----------------------------------------------------


def test_seed_000_dpa_story_with_dateline_and_subheadings(seeded):
    article = seeded["000"]
    assert article.publisher.name == "dpa"
    assert article.publisher.kind == Source.Kind.AGENCY
    assert article.dateline_place == "Duschanbe"
    assert article.body.startswith("Kremlchef Wladimir Putin hat mehr als neun Monate")
    assert block_texts(article, "heading") == [
        "Putin: Flugzeug nicht direkt von Raketen getroffen",
        "Gespannte Beziehungen zwischen Russland und Aserbaidschan",
    ]
    assert article.published_on is None
    assert article.date_precision == "unknown"


def test_seed_001_date_prefix_and_glued_subheading(seeded):
    article = seeded["001"]
    assert article.published_on == datetime.date(2025, 10, 10)
    assert article.date_precision == "day"
    assert article.body.startswith("Wladimir Putin")
    assert block_texts(article, "heading") == ["Putin: Flugzeug nicht direkt von Raketen getroffen"]
    assert "würden. Putin:" not in article.body


def test_seed_002_has_no_date_and_no_dateline(seeded):
    article = seeded["002"]
    assert article.published_on is None
    assert article.dateline_place == ""
    assert article.publisher is None
    assert article.title.startswith("Nach dem tragischen Absturz eines aserbaidschanischen")
    assert article.title_derived


def test_seed_003_month_precision_and_collapsed_blank_lines(seeded):
    article = seeded["003"]
    assert article.published_on == datetime.date(2023, 9, 1)
    assert article.date_precision == "month"
    assert article.body.startswith("Im Kriegsgebiet in Bergkarabach")
    assert "\n\n\n" not in article.body


def test_seed_004_cited_sources_no_boilerplate_and_subheadings(seeded):
    article = seeded["004"]
    assert sorted(s.name for s in article.cited_sources.all()) == [
        "Digi24",
        "Euronews",
        "The Moscow Times",
    ]
    for boilerplate in ("Gerade lesen andere", "Lesen Sie auch", "Quellen:"):
        assert boilerplate not in article.body
    assert block_texts(article, "heading") == [
        "Wachsende Unruhe",
        "Offene Fragen",
        "Muster von Zwischenfällen",
        "Druck aus dem Kreml",
    ]
    assert "Alijew" in article.body


def test_revision_keeps_the_raw_decoded_text(seeded, seeds_dir):
    revision = ArticleRevision.objects.get(article=seeded["001"])
    raw = (seeds_dir / "001_9820c8e68323574d.txt").read_text(encoding="utf-8")
    assert revision.raw_text == raw
    assert revision.number == 1
    assert revision.encoding == "utf-8"


def test_word_counts_are_plausible(seeded):
    for article in seeded.values():
        assert 250 < article.word_count < 600


# Idempotency and revisions --------------------------------------------------------------


def test_importing_twice_changes_nothing(seeded, seeds_dir):
    before = list(Article.objects.values_list("pk", "content_hash", "updated_at"))
    reports = import_paths(seeds_dir)
    assert {r.status for r in reports} == {ImportStatus.UNCHANGED}
    assert list(Article.objects.values_list("pk", "content_hash", "updated_at")) == before
    assert ArticleRevision.objects.count() == 5
    assert Source.objects.count() == 4


def test_changed_file_makes_a_second_revision_of_the_same_article(seeded, seeds_dir, tmp_path):
    original = seeds_dir / "002_e97f530385a949cd.txt"
    changed = tmp_path / original.name
    changed.write_text(original.read_text() + "\nEin neuer Absatz am Ende.\n", encoding="utf-8")

    [report] = import_paths(changed)

    assert report.status is ImportStatus.REVISED
    article = Article.objects.get(origin=original.name)
    assert article.pk == seeded["002"].pk
    assert article.body.endswith("Ein neuer Absatz am Ende.")
    assert list(article.revisions.values_list("number", flat=True)) == [1, 2]
    assert "Ein neuer Absatz" not in article.revisions.get(number=1).raw_text
    assert Article.objects.count() == 5


def test_revision_moves_annotations_by_their_quote(seeded, seeds_dir, tmp_path, editor):
    article = seeded["002"]
    quote = "38 Menschen ums Leben kamen"
    start = article.body.index(quote)
    label = Label.objects.create(name="Zahl", key="3")
    annotation = annotate(article, editor, quote, label=label)
    gone = annotate(article, editor, "tragischen Absturz", label=label)
    original = seeds_dir / "002_e97f530385a949cd.txt"
    changed = tmp_path / original.name
    changed.write_text(
        "Eilmeldung vorab.\n" + original.read_text().replace("tragischen Absturz", "Absturz", 1)
    )

    [report] = import_paths(changed)

    assert report.status is ImportStatus.REVISED
    annotation.refresh_from_db()
    article.refresh_from_db()
    assert article.body[annotation.start : annotation.end] == quote
    assert annotation.start > start
    assert not annotation.is_orphaned
    gone.refresh_from_db()
    assert gone.is_orphaned
    assert gone.exact == "tragischen Absturz"


def test_same_name_in_two_roots_and_a_similar_text_is_a_revision(db, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Erste Fassung des Textes über den Haushalt.")
    (tmp_path / "b" / "x.txt").write_text("Zweite Fassung des Textes über den Haushalt.")
    statuses = [r.status for r in import_paths(tmp_path / "a", tmp_path / "b")]
    assert statuses == [ImportStatus.IMPORTED, ImportStatus.REVISED]
    assert Article.objects.get().revisions.count() == 2


def test_batches_write_many_files(db, seeds_dir, tmp_path):
    for i in range(30):
        shutil.copy(seeds_dir / "003_b0def7ef3eed8443.txt", tmp_path / f"copy_{i:02}.txt")
    reports = import_paths(tmp_path, batch_size=7)
    assert [r.status for r in reports] == [ImportStatus.IMPORTED] * 30
    assert Article.objects.count() == 30
    assert ArticleRevision.objects.count() == 30


def test_dry_run_reports_and_writes_nothing(db, seeds_dir):
    reports = import_paths(seeds_dir, dry_run=True)
    assert [r.status for r in reports] == [ImportStatus.IMPORTED] * 5
    assert all("dry run" in r.reason for r in reports)
    assert not Article.objects.exists()
    assert not Source.objects.exists()


def test_known_source_alias_is_used_not_duplicated(db, tmp_path):
    dpa = Source.objects.create(name="Deutsche Presse-Agentur", kind=Source.Kind.AGENCY)
    dpa.aliases.create(name="dpa")
    (tmp_path / "a.txt").write_text("Berlin (DPA) – Es regnet in Berlin.")
    [report] = import_paths(tmp_path / "a.txt")
    assert Article.objects.get(pk=report.article_id).publisher == dpa
    assert Source.objects.count() == 1


# Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"\n \n", "file is empty"),
        (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "binary"),
        (b"Lesen Sie auch\nGerade lesen andere\n", "no article text"),
    ],
)
def test_bad_file_is_refused_with_reason_and_nothing_written(db, tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    [report] = import_paths(bad)
    assert report.status is ImportStatus.FAILED
    assert reason in report.reason
    assert str(bad) in str(report)
    assert not Article.objects.exists()
    assert not ArticleRevision.objects.exists()


def test_file_over_the_size_limit_is_refused(db, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Ein Satz. " * 200)
    [report] = list(files_import([big], max_bytes=1000))
    assert report.status is ImportStatus.FAILED
    assert "2,000 bytes, over the limit of 1,000 bytes" in report.reason
    assert not Article.objects.exists()


def test_missing_paths_and_special_files_are_reported(db, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    reports = import_paths(tmp_path / "nowhere", fifo)
    assert [r.reason for r in reports] == ["no such file or folder", "not a regular file"]


def test_unreadable_file_is_reported(db, tmp_path, monkeypatch):
    # Root reads files whatever their mode, so the OS refusal is injected here.
    locked = tmp_path / "locked.txt"
    locked.write_text("Text.")

    def refuse(path, flags):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sources.os, "open", refuse)
    [report] = import_paths(locked)
    assert report.status is ImportStatus.FAILED
    assert report.reason == "cannot read file: Permission denied"
    assert not Article.objects.exists()


def test_empty_folder_is_reported(db, tmp_path):
    [report] = import_paths(tmp_path)
    assert report.reason == "folder holds no article files"


def test_one_bad_file_does_not_stop_the_others(db, seeds_dir, tmp_path):
    shutil.copy(seeds_dir / "000_2881edf72164acbb.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    reports = {r.path.name: r.status for r in import_paths(tmp_path)}
    assert reports == {"empty.txt": ImportStatus.FAILED, "good.txt": ImportStatus.IMPORTED}
    assert Article.objects.count() == 1


# The command ----------------------------------------------------------------------------


def test_command_reports_per_file_and_fails_after_loading_the_rest(db, seeds_dir, tmp_path, capsys):
    shutil.copy(seeds_dir / "001_9820c8e68323574d.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_articles", str(tmp_path))
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'good.txt'}: imported" in out
    assert f"{tmp_path / 'empty.txt'}: failed: file is empty" in err
    assert "Done: 1 imported, 0 unchanged, 0 revised, 1 failed." in out
    assert Article.objects.count() == 1


def test_command_dry_run(db, seeds_dir, capsys):
    call_command("import_articles", str(seeds_dir), "--dry-run")
    assert "5 imported" in capsys.readouterr().out
    assert not Article.objects.exists()


def test_command_shows_a_progress_bar_for_many_files(db, seeds_dir, tmp_path, capsys):
    for i in range(8):
        shutil.copy(seeds_dir / "002_e97f530385a949cd.txt", tmp_path / f"{i}.txt")
    call_command("import_articles", str(tmp_path))
    assert "8/8" in capsys.readouterr().err


def test_the_collector_skips_older_objects_only_while_an_import_runs(db, tmp_path):
    (tmp_path / "a.txt").write_text("Titel\n\nText über Baku.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Titel\n\nText über Tiflis.\n", encoding="utf-8")
    assert gc.get_freeze_count() == 0
    reports = files_import([tmp_path], max_bytes=LIMIT)
    next(reports)
    assert gc.get_freeze_count() > 0
    assert [r.status for r in reports] == [ImportStatus.IMPORTED]
    assert gc.get_freeze_count() == 0


def test_an_import_leaves_objects_frozen_before_it_frozen(db, tmp_path):
    (tmp_path / "a.txt").write_text("Titel\n\nText über Baku.\n", encoding="utf-8")
    gc.freeze()
    try:
        assert [r.status for r in import_paths(tmp_path)] == [ImportStatus.IMPORTED]
        assert gc.get_freeze_count() > 0  # (objects freed meanwhile leave the count)
    finally:
        gc.unfreeze()
