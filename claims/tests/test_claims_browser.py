"""Claims in a real Chromium: accept a suggestion by key, attach another article's quote."""

import re

import pytest
from playwright.sync_api import Page, expect

from annotations.tests.support import demo_putin_article_open, select_quote
from claims.models import Claim
from newsdesk.tests.browser_errors import page_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DENIAL = "Putin bestritt jedoch einen Treffer des Flugzeugs mit russischen Flugabwehrraketen."
IN_001 = "Die Ermittlungen zur Ursache seien abgeschlossen"


def test_editor_accepts_a_suggestion_and_links_the_claim_in_another_article(
    live_server, page: Page, demo_editor_password: str
) -> None:
    problems = page_errors(page)
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    page.locator("body").press("s")  # open the claim suggestions
    suggestion = page.locator("#claim-suggestions li.suggestion", has_text=DENIAL)
    # The panel runs entity detection over the article: give a loaded machine time.
    expect(suggestion).to_contain_text("Wladimir Putin", timeout=30_000)
    suggestion.locator("q").click()
    page.keyboard.press("a")  # accept: annotate as a claim
    expect(page.locator("#annotation-list li.card", has_text=DENIAL)).to_have_count(1)
    expect(page.locator("#claim-suggestions li.suggestion", has_text=DENIAL)).to_have_count(0)
    claim = Claim.objects.get()
    assert claim.attributed_entity is not None
    assert claim.attributed_entity.name == "Wladimir Putin"

    page.goto(f"{live_server.url}/articles/")
    page.get_by_role("link", name=re.compile("^Wladimir Putin hat über neun Monate")).click()
    page.wait_for_load_state()
    select_quote(page, IN_001)
    page.locator("body").press("1")
    page.locator("#id_note").press("Control+Enter")
    card = page.locator("#annotation-list li.card", has_text=IN_001)
    expect(card).to_have_count(1)
    card.click()
    page.keyboard.press("c")  # the claim panel of the focused card
    box = card.locator(".claim-box")
    expect(box.get_by_role("button", name="Behauptung anlegen")).to_be_visible()
    box.locator(".claim-q").fill("Flugabwehrraketen")
    box.get_by_role("button", name="Zuordnen").click()
    expect(card.locator(".claim-linked")).to_contain_text("Putin bestritt jedoch")

    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    expect(page.locator(".claim-appearances tbody tr")).to_have_count(2)
    expect(page.locator(".claim-appearances")).to_contain_text(IN_001)
    assert problems == []
