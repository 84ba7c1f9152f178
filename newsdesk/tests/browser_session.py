"""Log a browser page in and out (browser tests)."""

import re

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Page, expect


def log_in(page: Page, base_url: str, user: User) -> None:
    """Give the page's browser context a session of `user` on `base_url`."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )


def log_in_on_form(page: Page, url: str, username: str, password: str = "") -> None:
    """Open `url` (a page that asks for a login, or the login form), log in on the form as
    `username` (by default with the password the root conftest's `member` gives,
    `pw-<username>`) and wait until the page the form leads to has loaded: its module
    scripts have run, so keys and clicks reach them."""
    page.goto(url)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password or f"pw-{username}")
    page.click(".login button[type=submit]")
    page.wait_for_url(lambda address: "/accounts/login/" not in address)


def log_out(page: Page) -> None:
    """Leave the current page, then drop the context's cookies.

    The page is left first: a request of its own (an htmx fragment, a poll) answered after
    the cookies are gone is redirected to the login form, whose response sets a new CSRF
    cookie. A login form loaded meanwhile would then post a token that no longer matches
    (403 "CSRF token from POST incorrect")."""
    page.goto("about:blank")
    page.context.clear_cookies()
