"""Issue 14 item 21: `a` and `x` acted on the first suggestion when none was chosen, and
`x` right after `a` dismissed a suggestion nobody had chosen."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation, Label
from articles.models import Article
from claims.models import DismissedSuggestion
from ingest.pipeline import files_import
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_suggestion_keys_act_only_on_a_chosen_suggestion(
    live_server, page: Page, seeds_dir: Path, editor
) -> None:
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    article = Article.objects.get()
    Label.objects.create(name="Behauptung", name_en="Claim", key="1", colour="#ffd54f")
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_load_state()
    page.locator("body").press("s")
    items = page.locator("#claim-suggestions li.suggestion")
    expect(items.first).to_be_visible()
    count = items.count()

    page.keyboard.press("a")  # nothing chosen: nothing happens
    page.keyboard.press("x")
    page.wait_for_timeout(300)  # give a wrongly sent request the time to arrive
    assert Annotation.objects.count() == 0
    assert DismissedSuggestion.objects.count() == 0

    page.keyboard.press("ArrowDown")  # choose the first
    expect(items.first).to_be_focused()
    page.keyboard.press("a")
    expect(items).to_have_count(count - 1)
    assert Annotation.objects.count() == 1
    page.keyboard.press("x")  # the next one was not chosen
    page.wait_for_timeout(300)
    assert DismissedSuggestion.objects.count() == 0
    expect(items).to_have_count(count - 1)
