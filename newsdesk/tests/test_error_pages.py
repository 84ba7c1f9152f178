"""Issue 14 item 27: error pages in the interface's layout and language, without inline
styles the CSP blocks; the admin's history page likewise."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from newsdesk.tests.html_checks import inline_code
from newsdesk.tests.permission_matrix import World

DJANGO_DEFAULTS = ("<h1>Not Found</h1>", "<h1>Server Error (500)</h1>", "CSRF verification failed")


def assert_ours(html: str) -> None:
    assert 'class="topbar"' in html  # our layout, with its stylesheet
    assert not any(default in html for default in DJANGO_DEFAULTS)
    assert inline_code(html) == []


def test_not_found_is_our_page_in_german(client: Client, editor) -> None:
    client.force_login(editor)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert_ours(html)
    assert "Seite nicht gefunden" in html
    assert reverse("articles:list") in html  # a way back


def test_not_found_in_english(client: Client, editor) -> None:
    client.force_login(editor)
    response = client.get("/no-such-page/", headers={"Accept-Language": "en"})
    assert "Page not found" in response.content.decode()


def test_server_error_is_our_page(db: None) -> None:
    request = RequestFactory().get("/")
    with translation.override("de"):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert_ours(html)
    assert "Ein Fehler ist aufgetreten" in html


def test_csrf_failure_is_our_page(editor) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    html = response.content.decode()
    assert_ours(html)
    assert "Das Formular ist abgelaufen" in html


def test_forbidden_is_our_page_with_a_way_back(client: Client, no_role_user: User) -> None:
    client.force_login(no_role_user)
    response = client.get(reverse("articles:list"))
    assert response.status_code == 403
    html = response.content.decode()
    assert_ours(html)
    assert '<div class="error-page">' in html  # the layout the 404 and 500 pages share
    assert "Zurück zu den Artikeln" in html


@pytest.mark.parametrize("page", ["history", "change"])
def test_admin_history_pages_have_no_inline_styles(client: Client, world: World, page) -> None:
    client.force_login(world.users["admin"])
    url = reverse(f"admin:annotations_annotation_{page}", args=[world.annotation.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert inline_code(response.content.decode()) == []
