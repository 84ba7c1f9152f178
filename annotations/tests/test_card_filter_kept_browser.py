"""The card filter in a real Chromium stays in force while the editor creates, deletes and
restores annotations: the list that comes back is filtered as the filter fields say."""

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation
from annotations.tests.support import demo_putin_article_open, select_quote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_CLAIM = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
NEW_NUMBER = "Kremlchef Wladimir Putin"


def chips(page: Page) -> list[str]:
    return page.locator("#cards > li.card .chip").all_inner_texts()


def test_the_filter_holds_through_create_delete_and_restore(
    live_server, page, demo_editor_password
):
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    cards = page.locator("#cards > li.card")
    page.locator(".card-filters-box summary").click()
    page.locator("#card-filter-label").select_option(label="Zahl")
    expect(cards).to_have_count(2)
    expect(page.locator("#announcer")).to_have_text("2 Annotationen passen zum Filter.")

    # A claim while only numbers are shown: saved, but its card stays hidden, and the
    # editor is told why.
    select_quote(page, NEW_CLAIM)
    page.locator("body").press("1")  # Behauptung
    page.locator("#annotation-form button[type=submit]").click()
    notice = page.locator("#cards .filter-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Der Kartenfilter blendet sie aus")
    expect(notice).to_be_focused()
    expect(page.locator("#announcer")).to_contain_text("Der Kartenfilter blendet sie aus")
    assert Annotation.objects.filter(exact=NEW_CLAIM).exists()
    assert chips(page) == ["Zahl", "Zahl"]
    expect(page.locator("#card-filter-label option:checked")).to_have_text("Zahl")

    # A number joins the filtered list.
    select_quote(page, NEW_NUMBER)
    page.locator("#annotation-form .label-choice", has_text="Zahl").locator("input").check()
    page.locator("#annotation-form button[type=submit]").click()
    expect(cards).to_have_count(3)
    number = Annotation.objects.get(exact=NEW_NUMBER)
    expect(page.locator(f"#annotation-{number.pk}")).to_be_focused()
    expect(cards).to_have_count(3)
    assert set(chips(page)) == {"Zahl"}

    # Deleting and restoring a card keep the filter.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#annotation-{number.pk} .delete-form button").click()
    expect(cards).to_have_count(2)
    assert chips(page) == ["Zahl", "Zahl"]
    page.locator("details.deleted summary").click()
    page.locator(f"#deleted-{number.pk} button").click()
    expect(page.locator(f"#annotation-{number.pk}")).to_be_visible()
    expect(cards).to_have_count(3)
    assert set(chips(page)) == {"Zahl"}

    # Restoring a card the filter hides says so.
    claim = Annotation.objects.get(exact=NEW_CLAIM)
    page.locator("#card-filter-label").select_option(label="Behauptung")
    expect(page.locator(f"#annotation-{claim.pk}")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#annotation-{claim.pk} .delete-form button").click()
    expect(page.locator(f"#annotation-{claim.pk}")).to_have_count(0)
    page.locator("#card-filter-label").select_option(label="Zahl")
    expect(cards).to_have_count(3)
    page.locator("details.deleted summary").click()
    page.locator(f"#deleted-{claim.pk} button").click()
    expect(page.locator("#annotation-list .notice")).to_contain_text("Kartenfilter")
    expect(page.locator(f"#annotation-{claim.pk}")).to_have_count(0)
    assert set(chips(page)) == {"Zahl"}
