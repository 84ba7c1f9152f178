"""Issue 14, items 7 and 27, in a real Chromium: the Back button brings the workspace back
as the server has it now, and Enter in a search field sends one request, not two."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, Request, expect
from pytest_django.live_server_helper import LiveServer

from annotations.models import Label
from annotations.tests.support import annotate
from articles.models import Article
from entities.models import Entity
from newsdesk.tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "38 Menschen starben im Dezember"


def test_back_shows_an_annotation_made_while_the_user_was_away(
    live_server: LiveServer, page: Page, editor: User, article: Article, labels: dict[str, Label]
) -> None:
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator("#annotation-count")).to_contain_text("0")
    page.locator("header.topbar a.brand").click()  # to the article list
    expect(page.locator("h1")).to_be_visible()
    annotate(article, editor, QUOTE, label=labels["claim"])  # a colleague, meanwhile
    page.go_back()
    expect(page.locator("#annotation-count")).to_contain_text("1")
    expect(page.locator("#cards > li.card blockquote")).to_contain_text(QUOTE)


def test_enter_in_the_entity_search_sends_one_request(
    live_server: LiveServer, page: Page, editor: User
) -> None:
    Entity.objects.create(name="Ilham Aliyev", kind=Entity.Kind.PERSON)
    Entity.objects.create(name="Wladimir Putin", kind=Entity.Kind.PERSON)
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/entities/")
    searches: list[str] = []

    def seen(request: Request) -> None:
        if "/entities/?" in request.url and "q=Aliyev" in request.url:
            searches.append(request.url)

    page.on("request", seen)
    page.locator("#entity-q").type("Aliyev")
    # The list follows the typing; the editor then presses Enter out of habit.
    expect(page.get_by_role("link", name="Wladimir Putin")).to_have_count(0)
    expect(page.get_by_role("link", name="Ilham Aliyev")).to_be_visible()
    page.locator("#entity-q").press("Enter")
    page.wait_for_timeout(1000)  # for a second request, if one were sent
    expect(page.get_by_role("link", name="Ilham Aliyev")).to_be_visible()
    assert len(searches) == 1, searches
