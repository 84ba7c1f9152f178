"""Issue 14 item 20: the result of "copy to the other article" appeared far above the
viewport; it must be visible where the editor clicked."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from annotations.tests.support import annotate, labels_create
from articles.models import Article
from ingest.pipeline import files_import
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHARED = "räumte das erste Mal direkt ein, dass die Maschine wegen eines Fehlers"


def test_the_copy_result_is_in_view(live_server, page: Page, seeds_dir: Path, editor) -> None:
    seeds = [seeds_dir / "000_2881edf72164acbb.txt", seeds_dir / "001_9820c8e68323574d.txt"]
    list(files_import(seeds, max_bytes=10**7))
    left, right = Article.objects.order_by("origin")
    annotate(left, editor, SHARED, label=labels_create()["claim"])
    log_in(page, live_server.url, editor)
    page.set_viewport_size({"width": 1200, "height": 700})
    page.goto(f"{live_server.url}/compare/{left.pk}/{right.pk}/")
    button = page.locator(f"#compare-annotation-{left.annotations.get().pk} button")
    button.scroll_into_view_if_needed()
    button.click()
    message = page.locator("#compare-message")
    expect(message).to_contain_text("kopiert")
    expect(message).to_be_in_viewport()
