"""Downloading an export from the review page in a real Chromium, with its progress line."""

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from newsdesk.tests.browser_session import log_in_on_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTES = [
    "38 Menschen starben im Dezember bei dem Absturz in Kasachstan",
    "Kremlchef Wladimir Putin",
]


def test_reviewer_downloads_the_filtered_set_with_progress(
    live_server, page: Page, article, editor, reviewer, make_annotation
):
    for quote in QUOTES:
        make_annotation(article, editor, quote, note=f"Notiz zu {quote[:10]}")
    log_in_on_form(page, f"{live_server.url}/review/", reviewer.username)
    expect(page.locator(".review-summary .count")).to_contain_text("2")

    with page.expect_download() as info:
        page.locator("a[data-export='csv']").click()
    download = info.value

    status = page.locator("#export-progress")
    expect(status).to_be_visible()
    expect(status).to_contain_text(
        re.compile(r"newsdesk-annotations-csv-\d{8}-\d{4}\.csv gespeichert")
    )
    assert re.fullmatch(r"newsdesk-annotations-csv-\d{8}-\d{4}\.csv", download.suggested_filename)
    with open(download.path(), encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(io.StringIO(file.read())))
    assert sorted(row["exact"] for row in rows) == sorted(QUOTES)
