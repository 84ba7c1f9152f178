"""Progress in a real Chromium: a reviewer decides two of the demo's annotations and sees
them counted per label and per person, beside the stories' articles by status."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from annotations.models import Annotation
from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_session import log_in
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_sees_her_decisions_counted_on_the_progress_page(
    live_server, page: Page, demo_editor_password, screenshots_dir
) -> None:
    made = Annotation.objects.filter(author__username="editor", deleted_at__isnull=True).count()
    assert made > 0  # the demo's annotations
    log_in(page, live_server.url, User.objects.get(username="reviewer"))
    page.goto(f"{live_server.url}/review/")
    rows = page.locator("#review-rows > li.review-row")
    first, second = rows.nth(0), rows.nth(1)
    first.get_by_role("button", name="Annehmen").click()
    expect(first.locator(".status")).to_have_text("angenommen")
    second.get_by_role("button", name="Ablehnen").click()
    expect(second.locator(".status")).to_have_text("abgelehnt")

    page.get_by_role("link", name="Fortschritt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fortschritt")
    stories = page.locator("#progress-stories tbody tr")
    expect(stories.first).to_be_visible()
    expect(stories.first.locator("svg.progress-bar rect")).not_to_have_count(0)
    people = page.locator("#progress-people tbody tr")
    expect(people.filter(has_text="editor").locator("td.num")).to_have_text([str(made), "0"])
    expect(people.filter(has_text="reviewer").locator("td.num")).to_have_text(["0", "2"])
    live = page.locator("#progress-labels tbody tr td.num:nth-of-type(4)").all_text_contents()
    assert sum(int(n) for n in live) == made
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "progress")
