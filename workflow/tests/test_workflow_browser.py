"""Assignment and "my work" in a real Chromium: an admin hands out articles from the
list, the editor finds them and her annotations on her own page."""

import re

import pytest
from playwright.sync_api import expect

from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form, log_out
from newsdesk.tests.screenshots import docs_screenshot
from workflow.tests.support import annotate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_assigns_articles_and_the_editor_finds_her_work(
    live_server, page, admin_user, editor, labels, articles, screenshots_dir
):
    annotation = annotate(
        articles[1], editor, "Kasachstan", label=labels["claim"], note="Ort prüfen"
    )
    chosen = [articles[0], articles[3]]

    problems = page_errors(page)
    log_in_on_form(page, f"{live_server.url}/accounts/login/", "ada")
    page.goto(f"{live_server.url}/articles/")
    form = page.locator("#assign-articles")
    expect(form).to_be_visible()  # loaded by htmx next to the list
    for article in chosen:
        page.locator(f'input[form="assign-articles"][value="{article.pk}"]').check()
    form.locator("select[name=user]").select_option(label="erika")
    form.locator("select[name=role]").select_option("editor")
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "assign")
    form.get_by_role("button", name="Zuweisen").click()
    expect(page.locator(".messages")).to_contain_text("2 Artikel an erika zugewiesen (2 neu).")

    # The workspace header says who works on the article.
    page.goto(f"{live_server.url}{chosen[0].get_absolute_url()}")
    expect(page.locator("#article-assignments")).to_contain_text("erika")

    log_out(page)
    log_in_on_form(page, f"{live_server.url}/accounts/login/", "erika")
    page.get_by_role("link", name="Meine Arbeit").click()
    assigned = page.locator("#work-not_started")
    for article in chosen:
        expect(assigned).to_contain_text(article.title)
    # The article she annotated went to "in progress" by itself; it is not assigned to her.
    expect(page.locator("#work-in_progress")).not_to_contain_text(articles[1].title)
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "my-work")

    mine = page.locator("#my-annotations")
    expect(mine.locator("li.card")).to_have_count(1)
    page.fill("#id_q", "nichts dergleichen")
    page.locator("#id_q").press("Enter")
    expect(mine).to_contain_text("Keine Ihrer Annotationen passt zu diesen Filtern.")
    expect(page).to_have_url(re.compile(r"q=nichts"))
    page.fill("#id_q", "Ort")
    page.locator("#id_q").press("Enter")
    expect(mine.locator("li.card")).to_have_count(1)
    mine.locator("li.card a").first.click()
    expect(page).to_have_url(
        re.compile(rf"/articles/{articles[1].pk}/#annotation-{annotation.pk}$")
    )
    expect(page.locator(f"#annotation-{annotation.pk}")).to_contain_text("Ort prüfen")
    assert problems == []
