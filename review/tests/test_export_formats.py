"""doccano, Label Studio, CSV and spaCy exports, each read back by that format's own reader."""

import csv
import io
import json

import pytest

from annotations.models import Annotation
from review.export import export_chunks
from review.export.csvfile import COLUMNS
from review.export.selection import Selection
from review.tests.support import build_export_set

BASE = "https://newsdesk.example/"


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def exported(format_name: str, selection: Selection | None = None) -> bytes:
    selection = selection or Selection()
    return b"".join(export_chunks(format_name, selection, base_url=BASE, chunk_size=3))


def live_annotations():
    return {a.pk: a for a in Annotation.objects.filter(deleted_at=None, is_orphaned=False)}


def test_doccano_lines_carry_text_labels_and_label_set(export_set):
    lines = [json.loads(line) for line in exported("doccano").decode("utf-8").splitlines()]
    assert len(lines) == 3
    database = live_annotations()
    seen = 0
    for line in lines:
        assert set(line) >= {"text", "label", "label_set"}
        for (start, end, label), details in zip(line["label"], line["annotations"], strict=True):
            annotation = database[details["id"]]
            assert (start, end, label) == (annotation.start, annotation.end, annotation.label.name)
            assert line["text"][start:end] == annotation.exact
            seen += 1
    assert seen == len(database) == 8
    assert {label["name"] for label in lines[0]["label_set"]} == {"Behauptung", "Zitat", "Zahl"}


def test_label_studio_tasks_validate_with_the_sdk(export_set):
    from label_studio_sdk.label_interface import LabelInterface

    tasks = json.loads(exported("labelstudio"))
    assert len(tasks) == 3
    database = live_annotations()
    seen = 0
    for task in tasks:
        interface = LabelInterface(task["data"]["label_config"])
        text = task["data"]["text"]
        for annotation in task["annotations"]:
            assert interface.validate_annotation(annotation)
            for result in annotation["result"]:
                value = result["value"]
                stored = database[int(result["id"].removeprefix("a"))]
                assert result["meta"]["annotator"] == stored.author.username
                assert (value["start"], value["end"]) == (stored.start, stored.end)
                assert text[value["start"] : value["end"]] == value["text"] == stored.exact
                assert value["labels"] == [stored.label.name]
                seen += 1
    assert seen == 8


def test_label_studio_sdk_refuses_an_unknown_label(export_set):
    from label_studio_sdk.label_interface import LabelInterface

    task = json.loads(exported("labelstudio"))[0]
    annotation = task["annotations"][0]
    annotation["result"][0]["value"]["labels"] = ["Erfunden"]
    assert not LabelInterface(task["data"]["label_config"]).validate_annotation(annotation)


def test_csv_rows_match_the_database(export_set):
    data = exported("csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == COLUMNS
    database = live_annotations()
    assert len(rows) == len(database) == 8
    for row in rows:
        stored = database[int(row["annotation_id"])]
        assert (int(row["start"]), int(row["end"])) == (stored.start, stored.end)
        assert row["exact"].removeprefix("'") == stored.exact
        assert row["label"] == stored.label.name
        assert row["author"] == stored.author.username
        assert set(filter(None, row["sources"].split("; "))) == {
            s.name for s in stored.sources.all()
        }
        assert row["note"] == stored.note  # "Zahl prüfen; = laut dpa" needs no apostrophe


def test_csv_guards_cells_a_spreadsheet_would_run_as_formulas(export_set):
    Annotation.objects.filter(note__startswith="Zahl").update(note='=HYPERLINK("x")')
    rows = list(csv.DictReader(io.StringIO(exported("csv").decode("utf-8-sig"), newline="")))
    assert '\'=HYPERLINK("x")' in {row["note"] for row in rows}


def test_spacy_docbin_reads_back_with_exact_spans(export_set):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    docs = list(DocBin().from_bytes(exported("spacy")).get_docs(nlp.vocab))
    assert len(docs) == 3
    database = live_annotations()
    seen = 0
    for doc in docs:
        meta = doc.user_data["newsdesk"]
        for span, details in zip(doc.spans["sc"], meta["annotations"], strict=True):
            stored = database[details["id"]]
            assert doc.text[stored.start : stored.end] == stored.exact
            assert (span.start_char, span.end_char) == (stored.start, stored.end)
            assert span.label_ == stored.label.name
            assert details["token_aligned"]
            seen += 1
        assert {label["name"] for label in meta["label_set"]} == {"Behauptung", "Zitat", "Zahl"}
    assert seen == 8


@pytest.mark.parametrize("format_name", ["doccano", "labelstudio", "csv", "spacy", "w3c"])
def test_every_format_handles_an_empty_selection(export_set, format_name):
    data = exported(format_name, Selection(author="otto", status="accepted"))
    assert data == b"" if format_name == "doccano" else data
