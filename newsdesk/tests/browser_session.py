"""Log a browser page in as a user without typing a password (browser tests)."""

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Page


def log_in(page: Page, base_url: str, user: User) -> None:
    """Give the page's browser context a session of `user` on `base_url`."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
    )
