"""Every URL of the project for anonymous, editor (own / other's object), reviewer, admin.

The rows are in `permission_matrix.py`; this file checks that there is one for every
named URL and that each role gets what its row says, without anything changing where
the answer is a refusal.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from newsdesk.tests.permission_matrix import (
    LOGIN,
    ROLES,
    ROWS,
    Row,
    World,
    outcome_of,
    request_row,
    snapshot,
)

READ_ONLY = ("GET", "HEAD")
METHODS = ("GET", "POST")


def url_names(patterns: list[URLPattern | URLResolver], namespace: str = "") -> list[str]:
    """The names of all URL patterns, namespaced; unnamed ones as "NAMESPACE:<unnamed ROUTE>"."""
    names = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern.url_patterns, inner)
        else:
            names.append(namespace + (pattern.name or f"<unnamed {pattern.pattern}>"))
    return names


def test_every_project_url_has_a_row() -> None:
    names = url_names(get_resolver().url_patterns)
    covered = {row.name for row in ROWS}
    # Django admin's own pages are many and alike; the matrix has a few representative ones.
    missing = [name for name in names if not name.startswith("admin:") and name not in covered]
    assert not missing, f"add rows to newsdesk/tests/permission_matrix.py for {missing}"
    stale = covered - set(names)
    assert not stale, f"rows for URLs that no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_permission_matrix(client: Client, world: World, row: Row, role: str) -> None:
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    before = snapshot()
    response = request_row(client, row, world)
    expected = row.expect[role]
    assert outcome_of(response) == expected, (
        f"{row.id} as {role}: got {response.status_code} {response.get('Location', '')}"
    )
    if expected == LOGIN and row.htmx:
        # htmx follows a redirect and would swap the login page into a fragment.
        assert response.status_code == 200
        assert "HX-Redirect" in response
    if row.method not in READ_ONLY and not (isinstance(expected, int) and expected < 400):
        assert snapshot() == before, f"{row.id} as {role} was refused but changed data"


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_other_methods_are_not_allowed(client: Client, world: World, row: Row) -> None:
    client.force_login(world.users["admin"])  # type: ignore[arg-type]
    for method in METHODS:
        if method == row.method or method in row.also_allows:
            continue
        response = request_row(client, row, world, method=method)
        assert response.status_code == 405, f"{method} {row.id}: {response.status_code}"


def test_the_matrix_reverses_every_row(world: World) -> None:
    for row in ROWS:
        assert reverse(row.name, kwargs=row.kwargs_for(world))
        assert set(row.expect) == set(ROLES), row.id
