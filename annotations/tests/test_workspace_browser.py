"""The workspace in a real Chromium: what an editor does with mouse and keyboard."""

import re

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation, Label
from annotations.tests.support import select_quote
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


def test_editor_annotates_edits_deletes_and_restores(
    live_server, page, demo_editor_password, screenshots_dir
):
    problems = page_errors(page)

    log_in_on_form(page, f"{live_server.url}/articles/", "editor", demo_editor_password)
    page.get_by_role("link", name=re.compile("^Kremlchef Wladimir Putin")).click()
    expect(page.locator("#article-text")).to_contain_text(QUOTE)
    page.wait_for_load_state()  # the workspace script runs once the page is parsed

    select_quote(page, QUOTE)
    expect(page.locator("#selection-preview")).to_have_text(QUOTE)
    page.locator("body").press("1")  # label key 1: Behauptung
    expect(page.locator("input[name=label][data-key='1']")).to_be_checked()
    page.fill("#id_sources", "Kreml")
    page.fill("#id_note", "Opferzahl gegenprüfen")
    page.locator("#id_note").press("Control+Enter")

    mark = page.locator("#article-text mark", has_text="Kasachstan")
    expect(mark).to_have_count(1)
    annotation = Annotation.objects.get(exact=QUOTE)
    card = page.locator(f"#annotation-{annotation.pk}")
    expect(card).to_contain_text("Kreml")
    expect(card).to_contain_text("Opferzahl gegenprüfen")
    assert annotation.label.key == "1"
    assert [s.name for s in annotation.sources.all()] == ["Kreml"]
    # The form is fresh and ready for the next annotation, with every label to choose.
    expect(page.locator("#selection-preview")).not_to_have_text(QUOTE)
    labels = page.locator("#annotation-form input[name=label]")
    expect(labels).to_have_count(Label.objects.filter(is_active=True).count())

    # The new card was put in its place in text order: as a reload shows the list.
    card_ids = "els => els.map(e => e.id)"
    shown = page.locator("#cards > li.card").evaluate_all(card_ids)
    page.reload()
    expect(page.locator(f"#annotation-{annotation.pk}")).to_contain_text("Opferzahl gegenprüfen")
    assert page.locator("#cards > li.card").evaluate_all(card_ids) == shown
    expect(page.locator("#article-text mark", has_text="Kasachstan")).to_have_count(1)
    # clicking the highlight focuses its card
    page.locator("#article-text mark", has_text="Kasachstan").click()
    expect(page.locator(f"#annotation-{annotation.pk}")).to_have_class(re.compile("focused"))
    docs_screenshot(page, screenshots_dir, "workspace")

    page.locator(f"#annotation-{annotation.pk}").press("e")
    page.locator(f"#annotation-{annotation.pk} textarea[name=note]").fill("Zahl bestätigt (dpa)")
    page.locator(f"#annotation-{annotation.pk} button[type=submit]").click()
    expect(page.locator(f"#annotation-{annotation.pk}")).to_contain_text("Zahl bestätigt (dpa)")
    annotation.refresh_from_db()
    assert annotation.note == "Zahl bestätigt (dpa)"
    assert annotation.version == 2

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#annotation-{annotation.pk}").press("Delete")
    expect(page.locator(f"#annotation-{annotation.pk}")).to_have_count(0)
    expect(page.locator("#article-text mark", has_text="Kasachstan")).to_have_count(0)
    page.locator("details.deleted summary").click()
    page.locator(f"#deleted-{annotation.pk} button").click()
    expect(page.locator(f"#annotation-{annotation.pk}")).to_be_visible()
    annotation.refresh_from_db()
    assert annotation.deleted_at is None

    page.locator("body").press("?")
    expect(page.locator("#help")).to_be_visible()
    assert problems == []
