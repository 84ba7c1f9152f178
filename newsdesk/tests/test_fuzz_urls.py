"""Random input to every URL of the permission matrix, as every role: never a 5xx, and a
refused request changes nothing.

Hypothesis makes the field values (the row's own fields and a few strange ones: empty,
huge, NUL, other scripts, numbers out of range) and the query strings. The number of
examples is bounded so that the suite stays quick; HYPOTHESIS_EXAMPLES raises it for a
longer hunt (`HYPOTHESIS_EXAMPLES=500 make test PYTEST_ARGS=newsdesk/tests/test_fuzz_urls.py`).
"""

import os
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.tests.permission_matrix import ROLES, ROWS, Row, World, snapshot

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure in CI reproduces
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Strange values a user or an attacker may send in any field.
VALUES = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=5).map(lambda s: s * 50),
    st.sampled_from(["", "\x00", "0", "-1", "99999999999999999999", "1e309", "ä" * 300]),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)
# Each of these is also sent in every field, one field at a time, by the most able role.
SPECIALS = ["\x00", "x" * 10_000, "-1", "99999999999999999999"]
UNSAFE = [row for row in ROWS if row.method not in ("GET", "HEAD")]
READS = [row for row in ROWS if row.method == "GET" and not row.name.startswith("admin:")]


def login(client: Client, world: World, role: str) -> None:
    user = world.users[role]
    if user is not None:
        client.force_login(user)


def fields_of(row: Row, world: World) -> list[str]:
    """The row's own field names and a few common ones the views read."""
    return sorted({*row.data_for(world), "label", "note", "sources", "version", "q", "status"})


@pytest.mark.parametrize("row", UNSAFE, ids=[row.id for row in UNSAFE])
def test_random_posts_never_fail_and_refusals_change_nothing(
    client: Client, world: World, row: Row
) -> None:
    url = reverse(row.name, kwargs=row.kwargs_for(world))
    headers = {"HX-Request": "true"} if row.htmx else {}
    fields = fields_of(row, world)

    @FUZZ
    @given(role=st.sampled_from(ROLES), data=st.data())
    def post(role: str, data: Any) -> None:
        client.logout()
        login(client, world, role)
        values = {
            name: data.draw(st.one_of(st.just(value), VALUES), label=name)
            for name, value in {**dict.fromkeys(fields, ""), **row.data_for(world)}.items()
            if data.draw(st.booleans(), label=f"send {name}")
        }
        before = snapshot()
        response = client.post(url, values, headers=headers)
        assert response.status_code < 500, (row.id, role, values)
        if response.status_code >= 400:
            assert snapshot() == before, f"{row.id} as {role} refused {values} but changed data"

    post()
    login(client, world, "admin")
    for name in fields:
        for special in SPECIALS:
            values = {**row.data_for(world), name: special}
            response = client.post(url, values, headers=headers)
            assert response.status_code < 500, (row.id, name, special[:20])


@pytest.mark.parametrize("row", READS, ids=[row.id for row in READS])
def test_random_query_strings_never_fail(client: Client, world: World, row: Row) -> None:
    url = reverse(row.name, kwargs=row.kwargs_for(world))
    headers = {"HX-Request": "true"} if row.htmx else {}
    names = st.one_of(
        st.sampled_from([*fields_of(row, world), "page", "after", "sort"]), st.text(max_size=10)
    )

    @FUZZ
    @given(role=st.sampled_from(ROLES), query=st.dictionaries(names, VALUES, max_size=4))
    def get(role: str, query: dict[str, str]) -> None:
        client.logout()
        login(client, world, role)
        response = client.get(url, query, headers=headers)
        assert response.status_code < 500, (row.id, role, query)

    get()
    login(client, world, "admin")
    for name in fields_of(row, world):
        for special in SPECIALS:
            response = client.get(url, {**row.data_for(world), name: special}, headers=headers)
            assert response.status_code < 500, (row.id, name, special[:20])
