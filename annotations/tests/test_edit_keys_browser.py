"""Issue 14 item 18: Ctrl+Enter saved a new annotation but did nothing in the edit form."""

import pytest
from playwright.sync_api import Page, expect

from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


def test_ctrl_enter_saves_the_edit_form(live_server, page: Page, article, make_annotation, editor):
    annotation = make_annotation(article, editor, QUOTE, note="alt")
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_load_state()
    card = page.locator(f"#annotation-{annotation.pk}")
    card.click()
    page.keyboard.press("e")
    note = card.locator("textarea[name=note]")
    expect(note).to_be_visible()
    note.fill("neu geprüft")
    note.press("Control+Enter")
    expect(card).not_to_have_class("card editing")
    expect(card).to_contain_text("neu geprüft")
    annotation.refresh_from_db()
    assert annotation.note == "neu geprüft"
