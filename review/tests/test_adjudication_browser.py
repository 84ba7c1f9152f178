"""Adjudication in a real Chromium: a reviewer merges two editors' versions of an article
into one reviewed set and downloads it, with axe-core clean on the way."""

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form
from newsdesk.tests.screenshots import docs_screenshot
from review.tests.support import build_two_versions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_merges_two_versions_into_one_reviewed_set(
    live_server, page: Page, article, editor, other_editor, reviewer, labels, screenshots_dir
):
    versions = build_two_versions(article, editor, other_editor)
    problems = page_errors(page)
    log_in_on_form(
        page,
        f"{live_server.url}/accounts/login/?next=/review/articles/{article.pk}/",
        reviewer.username,
    )

    # From the article's review page to its versions side by side.
    page.get_by_role("link", name="Abgleich: Versionen nebeneinander").click()
    table = page.locator(".adjudication-table")
    expect(table.locator("thead")).to_contain_text("erika")
    expect(table.locator("thead")).to_contain_text("otto")
    putin = page.locator(f"#unit-{versions['erika_putin'].pk}")
    expect(putin.locator("mark")).to_have_text(["Kremlchef Wladimir Putin", "Wladimir Putin"])
    expect(putin.locator(".badge-match")).to_have_text("gleich")
    dead = page.locator(f"#unit-{versions['erika_dead'].pk}")
    expect(dead.locator(".badge-differs")).to_have_text("verschieden")
    expect(dead.locator(".chip")).to_have_text(["Behauptung", "Zitat"])
    assert axe_violations(page) == []

    # Merge the matching pair: erika's is kept, otto's rejected as its duplicate.
    putin.get_by_role("button", name="2 gleiche zusammenführen (die von erika behalten)").click()
    expect(page.locator("#announcer")).to_have_text("2 Entscheidungen gespeichert.")
    expect(putin).to_be_focused()
    expect(putin.locator(".status")).to_have_text(["angenommen", "abgelehnt"])
    docs_screenshot(page, screenshots_dir, "adjudication", full_page=True)

    # Where they differ, accept otto's version; erika's there is rejected.
    dead.get_by_role("button", name="Diese annehmen (otto)").click()
    expect(dead.locator(".status")).to_have_text(["abgelehnt", "angenommen"])
    expect(dead).to_be_focused()

    # Only otto marked the place: relabel it before accepting.
    place = page.locator(f"#unit-{versions['otto_place'].pk}")
    place.get_by_label("Label, mit dem die Annotation von otto angenommen wird").select_option(
        label="Behauptung"
    )
    place.get_by_role("button", name="Diese annehmen (otto)").click()
    expect(place.locator(".chip")).to_have_text("Behauptung")
    expect(place.locator(".status")).to_have_text("angenommen")

    reviewed = page.locator(".reviewed-set li")
    expect(reviewed.locator("mark")).to_have_text(
        ["Kremlchef Wladimir Putin", "Tadschikistan", "38 Menschen starben"]
    )
    expect(page.locator("#reviewed-set + .count")).to_have_text("3 angenommene Annotationen")
    assert axe_violations(page) == []

    # The reviewed set is what the export of accepted annotations holds.
    with page.expect_download() as info:
        page.locator("a[data-export='csv']").click()
    with open(info.value.path(), encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(io.StringIO(file.read())))
    assert sorted((row["author"], row["label"], row["exact"]) for row in rows) == [
        ("erika", "Behauptung", "Kremlchef Wladimir Putin"),
        ("otto", "Behauptung", "Tadschikistan"),
        ("otto", "Zitat", "38 Menschen starben"),
    ]
    assert problems == []
