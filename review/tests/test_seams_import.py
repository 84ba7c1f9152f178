"""Issue 14, item 13: a bad item of an annotation file is reported by number with the
reason and the rest is imported; with --atomic nothing is imported when one item is bad."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from annotations.models import Annotation
from review.export import export_chunks
from review.export.selection import Selection
from review.tests.support import build_export_set

BASE = "https://newsdesk.example/"


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def export(format_name: str) -> str:
    return b"".join(export_chunks(format_name, Selection(), base_url=BASE)).decode("utf-8")


def run(path: Path, *args: str) -> tuple[str, str, bool]:
    out, err = io.StringIO(), io.StringIO()
    failed = False
    try:
        call_command("import_annotations", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        failed = True
        err.write(str(error))
    return out.getvalue(), err.getvalue(), failed


def w3c_without_quote_selector(tmp_path: Path) -> tuple[Path, int]:
    collection = json.loads(export("w3c"))
    items = collection["first"]["items"]
    target = items[1]["target"]
    target = target[0] if isinstance(target, list) else target
    target["selector"] = [s for s in target["selector"] if s["type"] != "TextQuoteSelector"]
    path = tmp_path / "bad.jsonld"
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path, len(items)


def test_a_w3c_item_without_a_quote_selector_is_reported_and_the_rest_imported(
    export_set, tmp_path
):
    path, count = w3c_without_quote_selector(tmp_path)
    Annotation.objects.all().delete()
    _out, err, failed = run(path)
    assert failed
    assert "item 2" in err
    assert "TextQuoteSelector" in err
    assert Annotation.objects.count() == count - 1


def test_with_atomic_nothing_is_imported_when_an_item_is_bad(export_set, tmp_path):
    path, _count = w3c_without_quote_selector(tmp_path)
    Annotation.objects.all().delete()
    out, err, failed = run(path, "--atomic")
    assert failed
    assert "item 2" in err
    assert Annotation.objects.count() == 0
    assert "nothing imported" in (out + err).lower()


@pytest.mark.parametrize("bad_span", [["a", 5, "X"], [0], [[0]], "x", [5, 2, "Behauptung"]])
def test_a_bad_doccano_span_is_reported_and_the_rest_imported(export_set, tmp_path, bad_span):
    lines = export("doccano").splitlines()
    count = sum(len(json.loads(line)["label"]) for line in lines)
    record = json.loads(lines[0])
    record["label"].append(bad_span)
    lines[0] = json.dumps(record)
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    Annotation.objects.all().delete()
    _out, err, failed = run(path)
    assert failed
    assert f"line 1, span {len(record['label'])}" in err
    assert Annotation.objects.count() == count
