"""Issue 14 item 7: the Back button must not show a stale workspace.

Authenticated pages, fragments and exports carry `Cache-Control: private, no-store`, so
neither the browser's cache nor a shared proxy serves an old copy; htmx restores history
from the server (no snapshot cache, a reload on a miss).
"""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from newsdesk.tests.permission_matrix import ROWS, World, request_row

GET_ROWS = [row for row in ROWS if row.method == "GET"]


def cache_directives(value: str) -> set[str]:
    return {part.strip().split("=")[0].lower() for part in value.split(",") if part.strip()}


@pytest.mark.parametrize("row", GET_ROWS, ids=[row.id for row in GET_ROWS])
def test_every_authenticated_answer_is_private_and_not_stored(
    client: Client, world: World, row
) -> None:
    client.force_login(world.users["admin"])
    response = request_row(client, row, world)
    directives = cache_directives(response.get("Cache-Control", ""))
    assert {"private", "no-store"} <= directives, f"{row.id}: {response.get('Cache-Control')}"


def test_exports_are_private_and_not_stored(client: Client, world: World) -> None:
    client.force_login(world.users["reviewer"])
    response = client.get(reverse("review:export", args=["csv"]))
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response.get("Cache-Control", ""))


def test_the_login_page_is_not_stored(client: Client, db: None) -> None:
    response = client.get(reverse("login"))
    assert "no-store" in cache_directives(response.get("Cache-Control", ""))


def test_htmx_restores_history_from_the_server() -> None:
    base = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r"name=\"htmx-config\" content='([^']+)'", base)[1])
    assert config["historyCacheSize"] == 0
    assert config["refreshOnHistoryMiss"] is True
