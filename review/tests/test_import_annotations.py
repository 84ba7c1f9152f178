"""Importing exported W3C and doccano files: round trip, placement by quote, reported failures."""

import json
import re

import pytest
from django.core.management import CommandError, call_command

from annotations.models import Annotation
from articles.models import Article
from review.export import export_chunks
from review.export.selection import Selection
from review.importing import (
    ImportFormat,
    import_annotations,
    read_doccano,
    read_file,
    read_w3c,
)
from review.tests.support import build_export_set

BASE = "https://newsdesk.example/"


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def export(format_name: str) -> str:
    chunks = export_chunks(format_name, Selection(), base_url=BASE, chunk_size=3)
    return b"".join(chunks).decode("utf-8")


def comparable(collection: dict) -> list[dict]:
    """The items without what an import cannot keep (ids, times), in a stable order."""
    items = []
    for item in collection["first"]["items"]:
        item = {k: v for k, v in item.items() if k not in {"id", "created", "modified"}}
        item["body"] = sorted(item["body"], key=lambda b: (b["purpose"], b["value"]))
        items.append(item)
    return sorted(items, key=json.dumps)


def remove_annotations():
    Annotation.objects.all().delete()


def test_w3c_round_trip_recreates_the_same_annotations(export_set):
    before = json.loads(export("w3c"))
    remove_annotations()
    report = import_annotations(read_w3c(before), default_author=None)
    assert report.problems == []
    assert report.created == 8
    assert report.moved == 0
    after = json.loads(export("w3c"))
    assert comparable(after) == comparable(before)
    assert after["newsdesk:articles"] == before["newsdesk:articles"]


def test_importing_twice_creates_nothing_the_second_time(export_set):
    data = json.loads(export("w3c"))
    report = import_annotations(read_w3c(data), default_author=None)
    assert (report.created, report.existing) == (0, 8)


def test_doccano_round_trip(export_set):
    lines = export("doccano").splitlines()
    before = sorted(
        Annotation.objects.filter(deleted_at=None, is_orphaned=False).values_list(
            "article__origin", "author__username", "start", "end", "label__name", "note", "status"
        )
    )
    remove_annotations()
    report = import_annotations(read_doccano(lines), default_author=None)
    assert report.problems == []
    after = sorted(
        Annotation.objects.values_list(
            "article__origin", "author__username", "start", "end", "label__name", "note", "status"
        )
    )
    assert after == before


def test_plain_doccano_needs_an_author_and_places_by_text(export_set, editor):
    article = export_set["emoji"]
    line = json.dumps({"text": article.body, "origin": article.origin, "label": [[0, 6, "Zitat"]]})
    report = import_annotations(read_doccano([line]), default_author=None)
    assert report.created == 0
    assert "unknown annotator" in report.problems[0]
    report = import_annotations(read_doccano([line]), default_author=editor)
    assert report.created == 1
    assert Annotation.objects.filter(article=article, start=0, end=6, author=editor).exists()


def test_quotes_are_placed_where_the_text_moved_and_missing_ones_reported(export_set):
    data = json.loads(export("w3c"))
    remove_annotations()
    article = export_set["emoji"]
    # The article gained a sentence at the start: positions are off, quotes still there.
    Article.objects.filter(pk=article.pk).update(body="Neu: ein Satz davor. " + article.body)
    # And one quote no longer exists anywhere (a one-digit edit would be re-anchored).
    lost = next(
        i for i in data["first"]["items"] if i["target"]["selector"][0]["exact"] == "12,5 Prozent"
    )
    lost["target"]["selector"][0]["exact"] = "ganz andere Worte"
    report = import_annotations(read_w3c(data), default_author=None)
    assert report.created == 7
    assert report.moved == 1
    assert len(report.problems) == 1
    assert "quote not found" in report.problems[0]
    assert lost["id"] in report.problems[0]


def test_unknown_articles_labels_and_bad_items_are_reported(export_set):
    data = json.loads(export("w3c"))
    items = data["first"]["items"]
    items[0]["body"][0]["value"] = "Erfunden"
    items[1]["target"] = 7
    for article in data["newsdesk:articles"]:
        article["newsdesk:origin"] = "missing.txt"
        article["newsdesk:contentHash"] = "0" * 64
    remove_annotations()
    report = import_annotations(read_w3c(data), default_author=None)
    assert report.created == 0
    assert len(report.problems) == 8
    assert any("unreadable" in p for p in report.problems)
    assert sum("article not found" in p for p in report.problems) == 7


def test_command_reports_and_fails_on_problems(export_set, tmp_path, capsys):
    path = tmp_path / "set.jsonld"
    data = json.loads(export("w3c"))
    data["first"]["items"][0]["target"]["selector"][0]["exact"] = "nirgends im Text"
    path.write_text(json.dumps(data), encoding="utf-8")
    remove_annotations()
    with pytest.raises(CommandError, match="1 annotation"):
        call_command("import_annotations", path)
    captured = capsys.readouterr()
    assert "quote not found" in captured.err
    assert "7 created" in captured.out
    assert Annotation.objects.count() == 7


def test_command_dry_run_writes_nothing(export_set, tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(export("doccano"), encoding="utf-8")
    remove_annotations()
    call_command("import_annotations", path, "--dry-run")
    assert read_file(path, ImportFormat.DOCCANO)
    assert Annotation.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.jsonld", "{not json"),
        ("nested.jsonld", "[" * 100_000 + "]" * 100_000),  # past the decoder's depth
        ("nested.jsonl", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ],
)
def test_command_refuses_a_broken_file(db, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=rf"/{re.escape(name)}: |^line 1: not a doccano"):
        call_command("import_annotations", path)
    assert Annotation.objects.count() == 0
