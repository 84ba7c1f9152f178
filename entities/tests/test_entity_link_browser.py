"""Issue 17: an editor selects a name in the workspace and links it to an entity, or
makes another one a candidate, which then waits in the candidate queue."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from annotations.models import Label
from annotations.tests.support import select_quote
from entities.models import EntityCandidate, Mention
from entities.tests.support import article_imported, entity_added
from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_session import log_in
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_links_a_name_and_makes_another_a_candidate(
    live_server,
    page: Page,
    tmp_path: Path,
    editor: User,
    labels: dict[str, Label],
    screenshots_dir: Path,
) -> None:
    article = article_imported(tmp_path)
    scholz = entity_added("Olaf Scholz")  # an admin added him after the import
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    text = page.locator("#article-text")
    underlined = text.locator(".ent-PER", has_text="Olaf Scholz")
    expect(underlined).to_have_count(0)

    # Select the name and open the panel: the search starts from the selected words.
    select_quote(page, "Olaf Scholz")
    page.get_by_role("button", name="Mit Entität verknüpfen").click()
    panel = page.locator("#entity-link")
    search = panel.get_by_label("Entitäten nach Name oder Alias suchen")
    expect(search).to_be_focused()
    expect(search).to_have_value("Olaf Scholz")
    link = panel.get_by_role("button", name="Mit Olaf Scholz verknüpfen")
    expect(link).to_be_visible()
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "entity-link")

    # Link it: the name is underlined at once, the panel says so and keeps the focus.
    link.click()
    done = panel.get_by_text("„Olaf Scholz“ ist jetzt mit Olaf Scholz verknüpft.")
    expect(done).to_be_focused()
    expect(page.locator("#announcer")).to_have_text(re.compile("ist jetzt mit Olaf Scholz"))
    expect(underlined).to_have_count(1)
    mention = Mention.objects.get(article=article, entity=scholz, method=Mention.Method.EDITOR)
    assert article.body[mention.start : mention.end] == "Olaf Scholz"

    # Esc closes the panel and gives the focus back to the button that opened it.
    page.keyboard.press("Escape")
    expect(panel).to_be_empty()
    expect(page.get_by_role("button", name="Mit Entität verknüpfen")).to_be_focused()

    # Another name nobody knows: make it a candidate of the type organisation.
    select_quote(page, "Brückenschlag Ost")
    page.keyboard.press("l")
    expect(search).to_have_value("Brückenschlag Ost")
    expect(panel.get_by_text("Keine Entität heißt „Brückenschlag Ost“.")).to_be_visible()
    panel.get_by_label("Typ").select_option("ORG")
    panel.get_by_role("button", name="Namenskandidat anlegen").click()
    expect(panel.get_by_text("„Brückenschlag Ost“ steht jetzt auf der Liste")).to_be_focused()
    assert EntityCandidate.objects.get(name="Brückenschlag Ost").kind == "ORG"

    # The candidate waits in the queue, with the place it was selected in.
    panel.get_by_role("link", name="Namenskandidaten öffnen").click()
    row = page.locator(
        "section.candidate", has=page.get_by_role("heading", name=re.compile("Brückenschlag Ost"))
    )
    expect(row).to_be_visible()
    expect(row.locator(".kwic-examples mark")).to_have_text("Brückenschlag Ost")
