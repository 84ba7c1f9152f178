"""Issue 14 item 18: Ctrl+Enter saved a new annotation but did nothing in the edit form."""

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

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"


def test_ctrl_enter_saves_the_edit_form(live_server, page: Page, seeds_dir: Path, editor):
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    article = Article.objects.get()
    label = Label.objects.create(name="Behauptung", name_en="Claim", key="1", colour="#ffd54f")
    start = article.body.index(QUOTE)
    annotation = annotation_create(
        article=article,
        author=editor,
        span=CodePointRange(start, start + len(QUOTE)),
        content=AnnotationContent(label=label, note="alt", source_names=[]),
    )
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
