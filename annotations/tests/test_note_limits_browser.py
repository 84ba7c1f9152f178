"""Issue 14 item 8: a 12,000-character note was cut to 5,000 without a word, and leaving
the page mid-edit lost the text without a prompt."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation, Label
from articles.models import Article
from ingest.pipeline import files_import
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def workspace(live_server, page: Page, seeds_dir: Path, editor) -> Page:
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    Label.objects.create(name="Behauptung", name_en="Claim", key="1", colour="#ffd54f")
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}{Article.objects.get().get_absolute_url()}")
    page.wait_for_load_state()
    return page


def test_a_long_note_is_counted_and_refused_not_cut(workspace: Page) -> None:
    note = workspace.locator("#id_note")
    note.fill("x" * 12_000)
    assert len(note.input_value()) == 12_000  # nothing cut
    counter = workspace.locator("#annotation-form .char-count")
    expect(counter).to_contain_text("12.000 / 5.000")
    expect(counter).to_have_class("char-count over")
    note.fill("x" * 4_000)
    expect(counter).to_contain_text("4.000 / 5.000")
    expect(counter).to_have_class("char-count")
    note.fill("x" * 12_000)
    note.press("Control+Enter")
    message = note.evaluate("element => element.validationMessage")
    assert message == "Dieser Text hat 12.000 Zeichen; erlaubt sind höchstens 5.000."
    assert Annotation.objects.count() == 0


def test_leaving_with_unsaved_text_asks_first(workspace: Page) -> None:
    workspace.locator("#id_note").fill("Noch nicht gespeichert")
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.accept()

    workspace.on("dialog", on_dialog)
    workspace.close(run_before_unload=True)
    workspace.wait_for_event("close")
    assert dialogs == ["beforeunload"]


def test_leaving_without_typed_text_does_not_ask(workspace: Page) -> None:
    dialogs: list[str] = []
    workspace.on("dialog", lambda dialog: dialogs.append(dialog.type))
    workspace.locator("#id_note").click()
    workspace.close(run_before_unload=True)
    workspace.wait_for_event("close")
    assert dialogs == []
