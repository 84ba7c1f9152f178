"""Comparing two articles and following their story in a real Chromium."""

import re

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation
from annotations.tests.support import demo_putin_article_open
from newsdesk.tests.browser_errors import page_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHARED_CLAIM = "räumte das erste Mal direkt ein, dass die Maschine wegen eines Fehlers"
ONLY_IN_000 = "Putin bestritt jedoch einen Treffer des Flugzeugs"


def copy_button(page: Page, quote: str):
    card = page.locator(".copy-list").first.locator("li.card", has_text=quote)
    return card.get_by_role("button", name="In den anderen Artikel kopieren")


def test_editor_compares_copies_an_annotation_and_opens_the_story(
    live_server,
    page: Page,
    demo_editor_password: str,
) -> None:
    problems = page_errors(page, console=False)
    demo_putin_article_open(page, live_server.url, demo_editor_password)

    related = page.locator("#related")
    expect(related).to_contain_text("Jaccard 0,60")  # loaded by htmx into the article page
    related.get_by_role("link", name="nebeneinander vergleichen").first.click()
    expect(page).to_have_url(re.compile(r"/compare/\d+/\d+/$"))
    expect(page.locator("tr.left-only", has_text="Der Vorfall hat das Verhältnis")).to_be_visible()

    copy_button(page, SHARED_CLAIM).click()
    expect(page.locator("#compare .notice")).to_contain_text("kopiert")
    right_marks = page.locator("tr.same td:last-child mark", has_text="räumte das erste Mal")
    expect(right_marks).to_have_count(1)
    copy_button(page, ONLY_IN_000).click()
    expect(page.locator("#compare .error")).to_contain_text("ist nicht in")
    assert Annotation.objects.filter(exact__startswith=SHARED_CLAIM).count() == 2

    # Make the original a claim, then attach the copy to it from the other workspace.
    original, copy = Annotation.objects.filter(exact__startswith=SHARED_CLAIM).order_by("pk")
    claim_box(page, live_server.url, original).get_by_role(
        "button", name="Behauptung anlegen"
    ).click()
    expect(card_of(page, original).locator(".claim-linked")).to_contain_text(SHARED_CLAIM[:30])
    box = claim_box(page, live_server.url, copy)
    box.locator(".claim-q").fill("erste Mal direkt")
    box.get_by_role("button", name="Zuordnen").click()
    expect(card_of(page, copy).locator(".claim-linked")).to_contain_text(SHARED_CLAIM[:30])

    page.get_by_role("link", name="Storys").click()
    page.locator("main table a").first.click()
    expect(page.locator("figure.timeline svg")).to_be_visible()
    expect(page.locator(".story-table.undated")).to_contain_text("000_2881edf72164acbb.txt")
    appearances = page.locator(".story-claims-table tbody.story-claim", has_text=SHARED_CLAIM[:30])
    expect(appearances.locator("tr:not(.claim-changes)")).to_have_count(2)
    for annotation in (original, copy):
        expect(appearances).to_contain_text(annotation.article.title)
    assert not problems


def card_of(page: Page, annotation: Annotation):
    return page.locator(f"#annotation-list li.card#annotation-{annotation.pk}")


def claim_box(page: Page, base_url: str, annotation: Annotation):
    """Open the annotation's article and its card's claim panel (key c on the card)."""
    page.goto(f"{base_url}{annotation.article.get_absolute_url()}")
    card = card_of(page, annotation)
    card.click()
    page.keyboard.press("c")
    return card.locator(".claim-box")
