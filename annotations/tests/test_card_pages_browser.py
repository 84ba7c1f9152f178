"""Cards come in pages: scrolling and the keyboard reach every one, in text order."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from annotations.models import Annotation
from annotations.selectors import CARDS_PER_PAGE
from annotations.tests.support import annotations_across
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_walks_past_the_first_page_in_text_order(
    live_server, page, editor, article, labels
):
    annotations_across(article, editor, labels["claim"], CARDS_PER_PAGE + 3, step=97, length=6)
    in_order = list(Annotation.objects.order_by("start", "end", "pk").values_list("pk", flat=True))
    problems = page_errors(page)
    page.set_viewport_size({"width": 1400, "height": 400})  # the next page is out of sight
    log_in_on_form(page, f"{live_server.url}{reverse('login')}", "erika")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_load_state()
    expect(page.locator("#cards > li.card")).to_have_count(CARDS_PER_PAGE)

    for _ in range(CARDS_PER_PAGE + 1):  # "j" from nothing focused starts at the first card
        page.locator("body").press("j")
    focused = page.locator(f"#annotation-{in_order[CARDS_PER_PAGE]}")
    expect(focused).to_have_class(re.compile(r"\bfocused\b"))
    shown = page.locator("#cards > li.card").evaluate_all("els => els.map(e => e.dataset.id)")
    assert shown == [str(pk) for pk in in_order]
    expect(page.locator("#more-cards")).to_have_count(0)
    assert problems == []
