"""Filtering the workspace's cards in a real Chromium: the list reloads as one types."""

import pytest
from playwright.sync_api import expect

from annotations.tests.support import demo_putin_article_open
from newsdesk.tests.axe import axe_violations
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_searches_and_filters_the_cards(
    live_server, page, demo_editor_password, screenshots_dir
):
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    cards = page.locator("#cards > li.card")
    expect(cards.first).to_be_visible()
    page.locator(".card-filters-box summary").click()
    page.locator("#card-filter-q").fill("Putin bestritt")
    expect(cards).to_have_count(1)
    expect(cards.first.locator("blockquote")).to_contain_text("Putin bestritt")
    assert axe_violations(page) == []
    page.locator(".card-filters-box").evaluate("box => box.scrollIntoView({block: 'start'})")
    docs_screenshot(page, screenshots_dir, "card-filters")
    page.locator("#card-filter-q").fill("Mondlandung")
    expect(page.locator("#cards li.empty")).to_be_visible()
    page.locator("#card-filter-q").fill("")
    page.locator("#card-filter-status").select_option("rejected")
    expect(page.locator("#cards li.empty")).to_be_visible()
    page.locator("#card-filter-status").select_option("")
    expect(cards.first).to_be_visible()
