"""The History of an annotation card in a real Chromium: loaded on demand, no script errors."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from annotations.services import AnnotationContent, annotation_update
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


def test_card_history_opens_with_the_change(
    live_server, page, editor, article, labels, make_annotation
):
    annotation = make_annotation(article, editor, QUOTE, note="Opferzahl")
    annotation_update(
        annotation=annotation,
        user=editor,
        version=1,
        content=AnnotationContent(labels["claim"], "geprüft", []),
    )
    problems = page_errors(page)
    log_in_on_form(page, f"{live_server.url}{reverse('login')}", "erika")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    card = page.locator(f"#annotation-{annotation.pk}")
    expect(card.locator(".history-entry")).to_have_count(0)
    card.get_by_role("link", name="Verlauf").click()
    entries = card.locator(".history-entry")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text("erika")
    expect(entries.first.locator("tr", has_text="Notiz")).to_contain_text(
        re.compile(r"Opferzahl\s*geprüft")
    )
    assert problems == []
