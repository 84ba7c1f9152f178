"""Why an import refused something, in the reader's language: German in the German
interface, English on the command line and in the English interface."""

import ast
import copy
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ingest.models import ImportItemResult, ImportJob
from ingest.reasons import reason_shown, reason_text
from newsdesk.tests.catalogue import po_entries
from newstext.reasons import REASONS, Reason

BASE_DIR = Path(django_settings.BASE_DIR)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
DE = {"Accept-Language": "de"}
EN = {"Accept-Language": "en"}


def calls_in_code(name: str) -> list[ast.Call]:
    """Every call of the function or class `name` in the code, tests aside."""
    found = []
    for package in ("newstext", "articles", "ingest"):
        for path in (BASE_DIR / package).rglob("*.py"):
            if "tests" not in path.parts:
                tree = ast.parse(path.read_text(encoding="utf-8"))
                found += [
                    node
                    for node in ast.walk(tree)
                    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == name
                ]
    return found


def test_every_declared_reason_is_known_where_results_are_shown():
    """Declared in a module's table, `declare({"code": …})`."""
    in_tables = [key for call in calls_in_code("declare") for key in call.args[0].keys]
    declared = {code.value for code in in_tables if isinstance(code, ast.Constant)}
    assert len(REASONS) > 80
    assert declared == set(REASONS)


def test_every_reason_given_is_declared():
    """`Reason("code", …)` names a declared code."""
    given = {
        call.args[0].value
        for call in calls_in_code("Reason")
        if isinstance(call.args[0], ast.Constant)
    }
    assert len(given) > 80
    assert given <= set(REASONS)


def test_every_reason_has_a_german_translation_with_the_same_placeholders():
    entries = po_entries()
    missing, mismatched, not_compiled = [], [], []
    for code, template in REASONS.items():
        german = entries.get(template.replace('"', '\\"'))
        if not german:
            missing.append(code)
            continue
        if sorted(PLACEHOLDER.findall(german)) != sorted(PLACEHOLDER.findall(template)):
            mismatched.append(code)
        with translation.override("de"):
            if translation.gettext(template) != german.replace('\\"', '"'):
                not_compiled.append(code)
    assert missing == []
    assert mismatched == []
    assert not_compiled == []  # run `manage.py compilemessages -l de`


def test_a_reason_is_its_english_text_and_keeps_code_and_parameters():
    reason = Reason("file_too_large", size=2000, limit=1000)
    assert reason == "file is 2,000 bytes, over the limit of 1,000 bytes"
    assert (reason.code, reason.params) == ("file_too_large", {"size": 2000, "limit": 1000})
    for kept in (copy.copy(reason), copy.deepcopy(reason)):
        assert kept == reason
        assert (kept.code, kept.params) == (reason.code, reason.params)


def test_a_reason_is_translated_with_numbers_and_inner_reasons_in_the_language():
    inner = Reason("file_too_large", size=2000, limit=1000)
    reason = Reason("feed_broken_item", problem="mismatched tag", reason=inner)
    assert reason == (
        "broken feed XML (mismatched tag): file is 2,000 bytes, over the limit of 1,000 bytes"
    )
    stored = reason.to_json()
    assert stored["params"]["reason"] == {
        "code": "file_too_large",
        "params": {"size": 2000, "limit": 1000},
    }
    german = (
        "fehlerhaftes Feed-XML (mismatched tag): "
        "Datei hat 2.000 Bytes, mehr als die Grenze von 1.000 Bytes"
    )
    with translation.override("de"):
        assert reason_text(stored["code"], stored["params"]) == german
        assert reason_shown(reason) == german
    with translation.override("en"):
        assert reason_text(stored["code"], stored["params"]) == reason


def test_a_result_without_a_known_code_shows_its_stored_text():
    with translation.override("de"):
        assert reason_text("no_such_code", {}, english="something else") == "something else"
        assert reason_shown("plain words") == "plain words"


def _upload(client: Client, name: str, data: bytes, headers: dict[str, str]) -> object:
    handle = io.BytesIO(data)
    handle.name = name
    return client.post(reverse("ingest:upload"), {"upload": [handle]}, headers=headers)


@pytest.fixture
def editor_client(client: Client, editor) -> Client:
    client.force_login(editor)
    return client


def test_a_refused_file_shows_its_reason_in_german_in_the_german_interface(editor_client):
    response = _upload(editor_client, "kaputt.json", b'{"uri": "urn:x", "headline": ', DE)
    job = ImportJob.objects.get()
    result = ImportItemResult.objects.get(job=job)
    assert result.status == "failed"
    assert result.reason_code == "json_invalid"
    assert result.reason.startswith("invalid JSON at line 1 column")  # as the command line says

    page = editor_client.get(response["Location"], headers=DE).content.decode()
    assert "ungültiges JSON in Zeile 1, Spalte" in page
    assert "invalid JSON" not in page
    english = editor_client.get(response["Location"], headers=EN).content.decode()
    assert "invalid JSON at line 1 column" in english


def test_a_zip_member_that_is_not_read_says_why_in_german(editor_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("innen.zip", b"PK\x03\x04")
        archive.writestr("leer.txt", b"   \n")
    response = _upload(editor_client, "lieferung.zip", buffer.getvalue(), DE)
    page = editor_client.get(response["Location"], headers=DE).content.decode()
    assert "ein Zip in einem Zip wird nicht entpackt" in page
    assert "Datei ist leer" in page


def test_a_refused_upload_says_why_in_german_with_german_numbers(editor_client, settings):
    settings.NEWSDESK_IMPORT_MAX_BYTES = 1000
    response = _upload(editor_client, "lang.txt", b"Wort " * 400, DE)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Nichts wurde importiert: lang.txt: 2.000 Bytes, mehr als die Grenze von" in page
    assert "1.000 Bytes je Datei." in page
    assert not ImportJob.objects.exists()


def test_the_admin_shows_a_results_reason_in_german(editor_client, admin_client):
    _upload(editor_client, "kaputt.json", b'{"uri": "urn:x", "headline": ', DE)
    job = ImportJob.objects.get()
    url = reverse("admin:ingest_importjob_change", args=[job.pk])
    page = admin_client.get(url, headers=DE).content.decode()
    assert "ungültiges JSON in Zeile 1, Spalte" in page
