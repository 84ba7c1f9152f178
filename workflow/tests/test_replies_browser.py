"""Replies in a real Chromium: a reviewer asks the editor under her annotation, the editor
finds the question in her inbox and lands on the card."""

import re

import pytest
from playwright.sync_api import expect

from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form, log_out
from newsdesk.tests.screenshots import docs_screenshot
from workflow.tests.support import annotate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_mentions_the_editor_who_finds_it_in_her_inbox(
    live_server, page, editor, reviewer, labels, article, screenshots_dir
):
    annotation = annotate(article, editor, "Putin", label=labels["claim"])
    card_id = f"#annotation-{annotation.pk}"
    problems = page_errors(page)

    log_in_on_form(page, f"{live_server.url}/accounts/login/", "rita")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    card = page.locator(card_id)
    card.get_by_role("link", name="Antworten").click()
    thread = page.locator(f"#replies-{annotation.pk}")
    expect(thread).to_contain_text("Noch keine Antworten.")
    box = thread.get_by_label("Antworten", exact=True)
    box.fill("@erika Woher stammt das Zitat?")
    expect(thread.locator(".char-count")).to_have_text(
        f"{len('@erika Woher stammt das Zitat?')} / 2.000"
    )
    thread.get_by_role("button", name="Antworten").click()
    new_reply = thread.locator("li.reply").last
    expect(new_reply).to_contain_text("Woher stammt das Zitat?")
    expect(new_reply).to_be_focused()
    expect(thread.locator("h3")).to_have_text("Antwort (1)")
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "replies")

    log_out(page)
    log_in_on_form(page, f"{live_server.url}/accounts/login/", "erika")
    inbox_link = page.get_by_role("link", name=re.compile("Posteingang"))
    expect(inbox_link).to_contain_text("1 ungelesen")
    inbox_link.click()
    expect(page.locator("#notifications")).to_contain_text("rita hat Sie erwähnt")
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "inbox")
    page.locator("#notifications a").first.click()
    expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/#annotation-{annotation.pk}$"))
    expect(page.locator(card_id)).to_be_visible()
    page.locator(card_id).get_by_role("link", name="Antworten").click()
    expect(page.locator(f"#replies-{annotation.pk}")).to_contain_text("Woher stammt das Zitat?")
    assert problems == []
