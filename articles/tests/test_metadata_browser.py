"""An editor corrects an article's title in the workspace, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from annotations.tests.support import demo_putin_article_open
from articles.models import Article
from newsdesk.tests.axe import axe_violations
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_corrects_the_title_where_they_read(
    live_server, page, demo_editor_password, screenshots_dir
):
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    page.locator(".metadata-edit summary").click()
    title = page.locator("#article-metadata-title")
    expect(title).to_have_value(re.compile("^Kremlchef Wladimir Putin"))
    title.fill("Putin räumt Fehler der Flugabwehr ein")
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "metadata")
    page.locator("#article-metadata-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Putin räumt Fehler der Flugabwehr ein")
    article = Article.objects.get(title="Putin räumt Fehler der Flugabwehr ein")
    assert article.history.latest().history_user.username == "editor"
