"""Issue 14 item 19: after a refused decision (alias field empty) the focus jumped to the
next candidate, so the next key decided the wrong name."""

import pytest
from playwright.sync_api import Page, expect

from entities.models import Entity, EntityCandidate
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_refused_decision_keeps_the_focus_on_its_candidate(
    live_server, page: Page, editor
) -> None:
    first = EntityCandidate.objects.create(name="Alijew", kind=Entity.Kind.PERSON)
    second = EntityCandidate.objects.create(name="Nigar Hasanova", kind=Entity.Kind.PERSON)
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/entities/candidates/")
    row = page.locator(f"#candidate-{first.pk}")
    expect(row).to_be_focused()
    page.keyboard.press("a")  # alias of … nothing typed: refused
    expect(row.locator(".error")).to_be_visible()
    expect(row).to_be_focused()
    page.keyboard.press("r")  # meant for Alijew
    expect(row).to_contain_text("Abgelehnt")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == EntityCandidate.Status.REJECTED
    assert second.status == EntityCandidate.Status.OPEN
