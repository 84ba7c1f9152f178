"""Invalid query strings (NUL characters) are refused with 400 and a message, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from newsdesk.tests.permission_matrix import World


@pytest.mark.parametrize(
    ("url", "param"),
    [
        (lambda w: reverse("entities:list"), "q"),
        (lambda w: reverse("annotations:source-suggestions"), "sources"),
        (lambda w: reverse("claims:search", args=[w.annotation.pk]), "q"),
        (lambda w: reverse("articles:list"), "q"),
        (lambda w: reverse("review:list"), "source"),
    ],
)
def test_nul_in_a_query_parameter_is_a_400_with_a_message(
    client: Client, world: World, url, param
) -> None:
    client.force_login(world.users["admin"])  # type: ignore[arg-type]
    response = client.get(url(world), {param: "Put\x00in"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_nul_in_a_parameter_name_is_refused_too(client: Client, world: World) -> None:
    client.force_login(world.users["editor_own"])  # type: ignore[arg-type]
    response = client.get(reverse("entities:list") + "?q%00=x")
    assert response.status_code == 400


def test_an_ordinary_query_still_works(client: Client, world: World) -> None:
    client.force_login(world.users["editor_own"])  # type: ignore[arg-type]
    assert client.get(reverse("entities:list"), {"q": "Putin"}).status_code == 200
