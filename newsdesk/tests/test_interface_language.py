"""Issue 14 item 23: the German interface shows no English strings, the English one shows
the English label names.

Every GET page and fragment of the permission matrix is rendered in German as each role
that may see it, with the state that produces the strings found in English (candidate
evidence, suggestion kinds, admin lists), and its visible text is searched for them.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from entities.models import EntityCandidate
from newsdesk.tests.permission_matrix import ROLES, ROWS, Row, World, request_row

# English UI strings seen in the German interface (issue 14), as whole words.
ENGLISH = [
    "head word",
    "title or role",
    "given name",
    "before it",
    "proper noun",
    "sequence model",
    "continuation",
    "headline",
    "Select an option",
    "Ctrl",
    "Delete",
    "outside the text",
    "Run",
    "Search",
    "figure",
    "attribution",
    "speaker",
]
PATTERN = re.compile(r"\b(?:" + "|".join(map(re.escape, ENGLISH)) + r")\b")
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


class VisibleText(HTMLParser):
    """The text a user reads: element text (not scripts or styles) and labelling attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self.hidden += 1
        attributes = dict(attrs)
        self.parts += [attributes[name] or "" for name in VISIBLE_ATTRIBUTES if name in attributes]
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


GET_ROWS = [row for row in ROWS if row.method == "GET" and row.html]
CASES = [
    (row, role)
    for row in GET_ROWS
    for role in ROLES
    if role != "anonymous" and row.expect[role] == 200
]


@pytest.fixture
def evidence(world: World) -> None:
    """Evidence as the recogniser writes it (in English, the text package's language)."""
    EntityCandidate.objects.filter(pk=world.candidate.pk).update(
        evidence="given name “Nigar”; title or role “Journalistin” before it"
    )


@pytest.mark.parametrize(("row", "role"), CASES, ids=[f"{r.id}-{role}" for r, role in CASES])
def test_german_pages_show_no_english_strings(
    client: Client, world: World, evidence: None, row: Row, role: str
) -> None:
    client.force_login(world.users[role])
    response = request_row(client, row, world, **{"Accept-Language": "de"})
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    found = sorted(set(PATTERN.findall(text)))
    assert found == [], f"{row.id} as {role}: {found}"


def test_the_english_interface_shows_the_english_label_names(client: Client, world: World):
    client.force_login(world.users["editor_own"])
    english = client.get(world.article.get_absolute_url(), headers={"Accept-Language": "en"})
    text = visible_text(english.content.decode())
    assert "Claim" in text
    assert "Behauptung" not in text
    german = client.get(world.article.get_absolute_url(), headers={"Accept-Language": "de"})
    assert "Behauptung" in visible_text(german.content.decode())


def test_selection_errors_are_in_german(client: Client, world: World) -> None:
    client.force_login(world.users["editor_own"])
    url = reverse("annotations:create", args=[world.article.pk])
    data = {"start": 999999, "end": 1000005, "exact": "Putin", "label": world.label.pk}
    response = client.post(url, data, headers={"HX-Request": "true", "Accept-Language": "de"})
    html = response.content.decode()
    assert "Position 999999 liegt außerhalb des Textes" in html
    assert "outside the text" not in html
