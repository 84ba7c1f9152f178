"""CSRF: every unsafe request to every URL of the permission matrix needs the token, and
the token in the `X-CSRFToken` header (as htmx sends it from base.html) is enough."""

import json
import re

import pytest
from django.test import Client

from newsdesk.tests.permission_matrix import ROWS, Row, World, outcome_of, request_row

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
POST_ROWS = [row for row in ROWS if row.method == "POST"]


@pytest.fixture
def strict_client() -> Client:
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_unsafe_requests_without_the_token_are_refused(
    strict_client: Client, world: World, row: Row
) -> None:
    strict_client.force_login(world.users["admin"])  # type: ignore[arg-type]
    for method in UNSAFE:
        response = request_row(strict_client, row, world, method=method)
        assert response.status_code == 403, f"{method} {row.id}: {response.status_code}"
        assert b"CSRF" in response.content


def test_logging_in_needs_the_token_too(strict_client: Client, world: World) -> None:
    response = strict_client.post("/accounts/login/", {"username": "erika", "password": "pw-erika"})
    assert response.status_code == 403
    assert "_auth_user_id" not in strict_client.session


@pytest.mark.parametrize("row", POST_ROWS, ids=[row.id for row in POST_ROWS])
def test_the_token_in_the_htmx_header_is_accepted(
    strict_client: Client, world: World, row: Row
) -> None:
    strict_client.force_login(world.users["admin"])  # type: ignore[arg-type]
    page = strict_client.get("/articles/").content.decode()
    header = re.search(r"<body hx-headers='(\{.*?\})'>", page)
    assert header is not None
    token = json.loads(header[1])["X-CSRFToken"]
    response = request_row(strict_client, row, world, **{"X-CSRFToken": token})
    assert outcome_of(response) == row.expect["admin"]
