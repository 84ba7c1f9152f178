"""Issue 14 item 26: a mention link from an entity page marks the mention in the article."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from entities.models import Mention
from ingest.pipeline import files_import
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_linked_mention_is_marked_and_in_view(
    live_server, page: Page, seeds_dir: Path, editor
) -> None:
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    mention = Mention.objects.order_by("-start").select_related("entity").first()
    assert mention is not None
    entity = mention.entity
    log_in(page, live_server.url, editor)
    page.set_viewport_size({"width": 1200, "height": 600})
    page.goto(f"{live_server.url}/entities/{entity.pk}/")
    page.locator(f"#mention-line-{mention.pk} .kwic-keyword a").click()
    target = page.locator(f"#mention-{mention.pk}")
    expect(target).to_have_class(re.compile(r"\bmention-target\b"))
    expect(target).to_be_in_viewport()
