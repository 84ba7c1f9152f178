"""Issue 14 item 22: the download progress said "(0 MB)" for 20 KB."""

import re

import pytest
from playwright.sync_api import Page, expect

from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_small_downloads_are_counted_in_kilobytes(live_server, page: Page, reviewer) -> None:
    log_in(page, live_server.url, reviewer)
    page.goto(f"{live_server.url}/review/")
    sizes = page.evaluate(
        """async () => {
          const { fileSize } = await import('/static/js/review.js');
          return [fileSize(20_000, 'de'), fileSize(400, 'en'), fileSize(2_400_000, 'de')];
        }"""
    )
    assert sizes == ["20 KB", "1 KB", "2,4 MB"]
    with page.expect_download():
        page.locator("a[data-export=csv]").click()
    text = page.locator("#export-progress .export-progress-text")
    expect(text).to_have_text(re.compile(r"\b1 KB\b"))
    expect(text).not_to_contain_text("0 MB")
