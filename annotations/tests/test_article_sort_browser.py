"""Sorting the article table in a real Chromium: a click on a column heading sorts by it,
a second click reverses the order, and the filters stay."""

import re

import pytest
from playwright.sync_api import Page, expect

from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_session import log_in_on_form
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def annotation_counts(page: Page) -> list[int]:
    """The table's annotations column, top to bottom (the editor's table has no ticks)."""
    cells = page.locator("table.articles tbody tr td:nth-child(5)").all_text_contents()
    return [int(cell) for cell in cells]


def test_an_editor_sorts_the_articles_by_their_annotations(
    live_server, page: Page, demo_editor_password, screenshots_dir
) -> None:
    log_in_on_form(page, f"{live_server.url}/articles/", "editor", demo_editor_password)
    heading = page.locator("table.articles th", has_text="Annotationen")
    expect(heading).not_to_have_attribute("aria-sort", re.compile("."))

    heading.get_by_role("link").click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    expect(page).to_have_url(re.compile(r"[?&]sort=annotations\b"))
    ascending = annotation_counts(page)
    assert ascending == sorted(ascending)
    assert ascending[0] < ascending[-1], ascending

    heading.get_by_role("link").click()
    expect(heading).to_have_attribute("aria-sort", "descending")
    expect(page).to_have_url(re.compile(r"[?&]sort=-annotations\b"))
    assert annotation_counts(page) == sorted(ascending, reverse=True)
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "articles")

    # A filter keeps the sort: only the articles in progress, still most annotated first.
    page.locator("#id_status").select_option("in_progress")
    expect(page).to_have_url(re.compile(r"status=in_progress"))
    expect(page).to_have_url(re.compile(r"sort=-annotations\b"))
    expect(heading).to_have_attribute("aria-sort", "descending")
    filtered = annotation_counts(page)
    assert filtered
    assert filtered == sorted(filtered, reverse=True)
