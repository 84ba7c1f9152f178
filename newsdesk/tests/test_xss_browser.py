"""In a real Chromium: pages full of XSS payloads run none of them (no dialog, no
`window.__xss`, not even a script the Content Security Policy had to block)."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect

from newsdesk.tests.browser_session import log_in_on_form
from newsdesk.tests.xss_payloads import hostile_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_payload_runs_anywhere(
    live_server, page: Page, tmp_path, editor: User, admin_user: User
) -> None:
    hostile = hostile_world(tmp_path, editor)
    ran: list[str] = []
    page.on("dialog", lambda dialog: (ran.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: ran.append(f"page error {error}"))

    def console(message: ConsoleMessage) -> None:
        # Failed loads are caught by the response listener, with their URL (Chromium's own
        # /favicon.ico request on admin pages is no page's doing).
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            ran.append(f"console {message.text}")

    page.on("console", console)
    page.on("response", lambda r: ran.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # A CSP violation (a payload the policy had to block) is a console error too.
    log_in_on_form(page, f"{live_server.url}/accounts/login/", admin_user.username, "pw-ada")
    expect(page.locator(".who")).to_have_text(admin_user.username)

    urls = [
        reverse("articles:list"),
        hostile.article.get_absolute_url(),
        reverse("review:list"),
        reverse("review:article", args=[hostile.article.pk]),
        reverse("entities:list"),
        reverse("entities:detail", args=[hostile.entity.pk]),
        reverse("entities:candidates"),
        reverse("admin:articles_source_changelist"),
        reverse("admin:annotations_annotation_change", args=[hostile.annotation.pk]),
    ]
    for url in urls:
        page.goto(live_server.url + url)  # waits for the load event: scripts have run
        assert page.evaluate("window.__xss") is None, url

    # htmx swaps: the annotation's edit form (note in a textarea) and source suggestions.
    page.goto(live_server.url + hostile.article.get_absolute_url())
    card = page.locator(f"#annotation-{hostile.annotation.pk}")
    card.locator(".edit-link").click()
    expect(card.locator("textarea[name=note]")).to_have_value(hostile.annotation.note)
    page.fill("#id_sources", "scr")
    expect(page.locator("#source-options option")).to_have_count(1)  # the alias's source
    assert page.evaluate("window.__xss") is None
    assert ran == []
