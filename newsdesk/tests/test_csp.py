"""Content Security Policy: the header allows nothing inline, and no page the permission
matrix reaches (as admin, the role that sees most) has inline scripts, event-handler
attributes or inline styles that the policy would block."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils.csp import CSP

from newsdesk.tests.html_checks import inline_code
from newsdesk.tests.permission_matrix import ROWS, Row, World, request_row

PAGES = [row for row in ROWS if row.html and row.expect["admin"] == 200]


def test_the_policy_allows_only_our_own_scripts_and_styles() -> None:
    policy = settings.SECURE_CSP
    assert policy["script-src"] == [CSP.SELF]
    assert policy["style-src"] == [CSP.SELF]
    assert policy["object-src"] == [CSP.NONE]
    assert policy["frame-ancestors"] == [CSP.NONE]
    assert not any(
        CSP.UNSAFE_INLINE in sources or CSP.UNSAFE_EVAL in sources for sources in policy.values()
    )


def test_htmx_is_configured_to_need_no_inline_styles_or_eval(client: Client, world: World) -> None:
    client.force_login(world.users["editor_own"])  # type: ignore[arg-type]
    html = client.get("/articles/").content.decode()
    assert '"includeIndicatorStyles": false' in html
    assert '"allowEval": false' in html


def test_the_checker_finds_inline_code() -> None:
    html = (
        '<p style="color:red" onclick="x()">a</p><script>alert(1)</script><style>p{}</style>'
        '<a href=" JavaScript:alert(1)">b</a><div hx-on:click="x()"></div>'
        '<script src="/static/x.js"></script><script type="application/json">{"a": 1}</script>'
    )
    assert len(inline_code(html)) == 6


@pytest.mark.parametrize("row", PAGES, ids=[row.id for row in PAGES])
def test_no_page_has_inline_scripts_or_styles(client: Client, world: World, row: Row) -> None:
    client.force_login(world.users["admin"])  # type: ignore[arg-type]
    response = request_row(client, row, world)
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["Content-Type"].startswith("text/html")
    assert inline_code(response.content.decode()) == []
