"""The top bar: the most crowded menu (an admin's, in German, with unread mentions) fits one
line at 1280 px and wraps only on narrower windows such as a tablet."""

from collections.abc import Callable
from itertools import pairwise

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from annotations.models import Annotation
from articles.models import Article
from newsdesk.tests.browser_session import log_in
from workflow.services import reply_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def topbar_rows(page: Page) -> int:
    """How many lines the top bar's links and buttons take: items whose vertical centres
    lie within 12 px of each other share a line."""
    centres = sorted(
        page.locator(".topbar a, .topbar button").evaluate_all(
            "items => items.filter(i => i.offsetParent).map(i => {"
            " const box = i.getBoundingClientRect(); return box.top + box.height / 2; })"
        )
    )
    return 1 + sum(1 for above, below in pairwise(centres) if below - above > 12)


def test_an_admins_top_bar_fits_one_line_at_1280_px_and_wraps_on_a_tablet(
    live_server: LiveServer,
    page: Page,
    admin_user: User,
    editor: User,
    article: Article,
    make_annotation: Callable[..., Annotation],
) -> None:
    annotation = make_annotation(article, editor, article.body.split()[0])
    reply_create(annotation=annotation, author=editor, text="@ada bitte ansehen")
    log_in(page, live_server.url, admin_user)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/articles/")
    expect(page.locator("#inbox-unread")).to_have_text("1 ungelesen")
    assert topbar_rows(page) == 1
    page.set_viewport_size({"width": 800, "height": 1000})
    assert topbar_rows(page) > 1
    expect(page.get_by_role("link", name="Verwaltung")).to_be_visible()
