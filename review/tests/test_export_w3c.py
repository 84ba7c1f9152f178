"""W3C export, checked with the W3C annotation-model suite's MUST assertions (jsonschema, as Ajv 4).

Schemas: `data/w3c-annotation-model/` (see `data/README.md`). Every assertion file listed
by a `.test` file is a draft-04 schema with `expectedResult` valid or invalid; an item
passes when every assertion gives the expected result.
"""

import json
import re
from functools import cache
from pathlib import Path

import pytest
from jsonschema import FormatChecker
from jsonschema import validators as js_validators
from referencing import Registry
from referencing.jsonschema import DRAFT4

from review.export import export_chunks
from review.export.selection import Selection
from review.tests.support import build_export_set

SUITE = Path(__file__).parent / "data" / "w3c-annotation-model"
ANNOTATION = "annotations/annotationMusts.test"
PAGE = "collections/pages/pageMusts.test"
COLLECTION = "collections/collectionMusts.test"

# Ajv 4.0.4 "fast" formats, which the suite ran with.
FORMATS = {
    "date-time": re.compile(
        r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s][0-2]\d:[0-5]\d:[0-5]\d(?:\.\d+)?(?:z|[+-]\d\d:\d\d)$",
        re.I,
    ),
    "uri": re.compile(r"^(?:[a-z][a-z0-9+\-.]*)?(?::|/)/?[^\s]*$", re.I),
}


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    for name, pattern in FORMATS.items():
        checker.checks(name)(
            lambda value, pattern=pattern: not isinstance(value, str) or bool(pattern.match(value))
        )
    return checker


# Draft-04, but keywords next to "$ref" still apply (as in Ajv 4; the suite relies on it).
Validator = js_validators.create(
    meta_schema=js_validators.Draft4Validator.META_SCHEMA,
    validators=js_validators.Draft4Validator.VALIDATORS,
    type_checker=js_validators.Draft4Validator.TYPE_CHECKER,
    format_checker=_format_checker(),
    id_of=DRAFT4.id_of,
    applicable_validators=lambda schema: schema.items(),
)


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted((SUITE / "definitions").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema.get("id", path.name), DRAFT4.create_resource(schema)))
    return Registry().with_resources(resources)


@cache
def _assertions(test: str) -> list[tuple[str, dict]]:
    listed = json.loads((SUITE / test).read_text(encoding="utf-8"))["assertions"]
    return [(name, json.loads((SUITE / name).read_text(encoding="utf-8"))) for name in listed]


def must_failures(test: str, instance: object) -> list[str]:
    """The MUST assertions of `test` that `instance` fails (empty: it passes)."""
    failures = []
    checker = _format_checker()
    for name, schema in _assertions(test):
        valid = Validator(schema, registry=_registry(), format_checker=checker).is_valid(instance)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            failures.append(f"{name}: {schema.get('errorMessage', '')}")
    return failures


def collection_failures(collection: dict) -> list[str]:
    """Run the collection, its embedded page and every item (items inherit the @context)."""
    failures = [f"collection: {f}" for f in must_failures(COLLECTION, collection)]
    page = collection.get("first")
    if isinstance(page, dict):
        context = collection["@context"]
        failures += [f"page: {f}" for f in must_failures(PAGE, {"@context": context, **page})]
        for index, item in enumerate(page.get("items", [])):
            item = {"@context": context, **item}
            failures += [f"item {index}: {f}" for f in must_failures(ANNOTATION, item)]
    return failures


# The export --------------------------------------------------------------------------

BASE = "https://newsdesk.example/"


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def w3c_export(selection: Selection | None = None, chunk_size: int = 2) -> dict:
    selection = selection or Selection()
    data = b"".join(export_chunks("w3c", selection, base_url=BASE, chunk_size=chunk_size))
    return json.loads(data.decode("utf-8"))


def test_the_suite_fails_a_broken_annotation():
    broken = {"@context": "https://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": []}
    assert len(must_failures(ANNOTATION, broken)) >= 3


def test_export_passes_the_w3c_must_assertions(export_set):
    collection = w3c_export()
    assert collection_failures(collection) == []
    assert collection["total"] == len(export_set["annotations"]) == 8
    assert len(collection["first"]["items"]) == 8


def test_empty_export_is_a_valid_collection(export_set):
    collection = w3c_export(Selection(author="otto", label="Zitat", status="accepted"))
    assert collection["total"] == 0
    assert "first" not in collection
    assert collection_failures(collection) == []


def test_values_match_the_database_and_the_embedded_texts(export_set):
    collection = w3c_export()
    texts = {article["id"]: article["value"] for article in collection["newsdesk:articles"]}
    assert len(texts) == 3
    by_id = {a.pk: a for a in export_set["annotations"]}
    for item in collection["first"]["items"]:
        annotation = by_id[int(item["id"].rstrip("/").rsplit("/", 1)[1])]
        annotation.refresh_from_db()
        quote, position = item["target"]["selector"]
        assert (position["start"], position["end"]) == (annotation.start, annotation.end)
        assert (
            quote["exact"]
            == annotation.exact
            == texts[item["target"]["source"]][position["start"] : position["end"]]
        )
        assert quote["prefix"] == annotation.prefix
        assert quote["suffix"] == annotation.suffix
        bodies = {(b["purpose"], b["value"]) for b in item["body"]}
        assert ("tagging", annotation.label.name) in bodies
        assert {v for p, v in bodies if p == "identifying"} == {
            s.name for s in annotation.sources.all()
        }
        assert item["creator"]["nickname"] == annotation.author.username
    assert [label["name"] for label in collection["newsdesk:labels"]] == [
        "Behauptung",
        "Zahl",
        "Zitat",
    ]


def test_offsets_are_code_points_beyond_the_bmp(export_set):
    article = export_set["emoji"]
    collection = w3c_export(Selection(article_id=article.pk))
    item = next(
        i for i in collection["first"]["items"] if "😀" in i["target"]["selector"][0]["exact"]
    )
    position = item["target"]["selector"][1]
    assert position["start"] == article.body.index("😀")
    assert position["end"] - position["start"] == len("😀 unglaublich") == 13  # UTF-16: 14
