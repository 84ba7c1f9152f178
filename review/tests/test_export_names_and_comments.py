"""Issue 14 item 22: distinct file names per format with the interface's local time, and
the reviewer's comment in the exports that have a place for it."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from review.services import annotation_review

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
COMMENT = "Zahl laut Behörden bestätigt"


@pytest.fixture
def reviewed(article, make_annotation, editor, reviewer):
    annotation = make_annotation(article, editor, QUOTE, note="")
    annotation_review(
        annotation=annotation, reviewer=reviewer, kind="accept", version=1, comment=COMMENT
    )
    return annotation


def download(client, format_name: str):
    response = client.get(reverse("review:export", args=[format_name]))
    assert response.status_code == 200
    return response


def test_every_format_has_its_own_file_name_in_local_time(client, reviewed, reviewer):
    client.force_login(reviewer)
    before = timezone.localtime().strftime("%Y%m%d-%H%M")
    names = {}
    for format_name in ("w3c", "claimreview", "csv", "doccano", "labelstudio", "spacy"):
        disposition = download(client, format_name)["Content-Disposition"]
        names[format_name] = disposition.split('filename="')[1].rstrip('"')
    after = timezone.localtime().strftime("%Y%m%d-%H%M")
    assert len(set(names.values())) == len(names), names
    assert "claimreview" in names["claimreview"]
    assert "w3c" in names["w3c"]
    assert any(stamp in names["w3c"] for stamp in (before, after)), names["w3c"]


def test_the_reviewer_comment_is_in_the_csv_and_w3c_exports(client, reviewed, reviewer):
    client.force_login(reviewer)
    text = b"".join(download(client, "csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["review_comment"] == COMMENT
    assert rows[0]["reviewer"] == reviewer.username
    w3c = json.loads(b"".join(download(client, "w3c").streaming_content))
    items = w3c.get("first", w3c).get("items") or w3c["items"]
    bodies = items[0]["body"]
    assessing = [body for body in bodies if body.get("purpose") == "assessing"]
    assert assessing == [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": COMMENT,
            "creator": {"type": "Person", "nickname": reviewer.username},
        }
    ]


def test_the_reviewer_comment_is_on_the_card(client, reviewed, editor):
    client.force_login(editor)
    html = client.get(reviewed.article.get_absolute_url()).content.decode()
    assert COMMENT in html
