"""Issue 14 item 27: the history table broke words ("Fel d") and could not be closed."""

import pytest
from playwright.sync_api import Page, expect

from annotations.services import AnnotationContent, annotation_update
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


def test_the_history_keeps_words_whole_and_closes(
    live_server, page: Page, article, make_annotation, editor
) -> None:
    annotation = make_annotation(article, editor, QUOTE, note="Opferzahl")
    long_note = "Quelle: https://www.example.org/" + "kasachstan-absturz-opferzahl-" * 12
    annotation_update(
        annotation=annotation,
        user=editor,
        version=1,
        content=AnnotationContent(annotation.label, long_note, []),
    )
    log_in(page, live_server.url, editor)
    page.set_viewport_size({"width": 760, "height": 800})
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    card = page.locator(f"#annotation-{annotation.pk}")
    card.get_by_role("link", name="Verlauf").click()
    table = card.locator(".history-changes").first
    expect(table).to_be_visible()
    for header in ("Feld", "Vorher", "Nachher"):
        cell = table.locator("thead th", has_text=header)
        line = cell.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert cell.bounding_box()["height"] < 1.6 * line, f"“{header}” is broken"
    card.get_by_role("button", name="Verlauf schließen").click()
    expect(card.locator(".history-entry")).to_have_count(0)
    expect(card.get_by_role("link", name="Verlauf")).to_be_focused()
