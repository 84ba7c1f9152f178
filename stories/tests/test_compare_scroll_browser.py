"""Issue 14 item 20: the result of "copy to the other article" appeared far above the
viewport; it must be visible where the editor clicked."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Label
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from ingest.pipeline import files_import
from newsdesk.tests.browser_session import log_in
from newstext.offsets import CodePointRange

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHARED = "räumte das erste Mal direkt ein, dass die Maschine wegen eines Fehlers"


def test_the_copy_result_is_in_view(live_server, page: Page, seeds_dir: Path, editor) -> None:
    seeds = [seeds_dir / "000_2881edf72164acbb.txt", seeds_dir / "001_9820c8e68323574d.txt"]
    list(files_import(seeds, max_bytes=10**7))
    left, right = Article.objects.order_by("origin")
    label = Label.objects.create(name="Behauptung", name_en="Claim", key="1", colour="#ffd54f")
    start = left.body.index(SHARED)
    annotation_create(
        article=left,
        author=editor,
        span=CodePointRange(start, start + len(SHARED)),
        content=AnnotationContent(label=label, note="", source_names=[]),
    )
    log_in(page, live_server.url, editor)
    page.set_viewport_size({"width": 1200, "height": 700})
    page.goto(f"{live_server.url}/compare/{left.pk}/{right.pk}/")
    button = page.locator(f"#compare-annotation-{left.annotations.get().pk} button")
    button.scroll_into_view_if_needed()
    button.click()
    message = page.locator("#compare-message")
    expect(message).to_contain_text("kopiert")
    expect(message).to_be_in_viewport()
