"""The export download: reviewers and admins only, the same filters as the command line."""

import csv
import io
import json

import pytest
from django.urls import reverse

from review.tests.support import build_export_set


@pytest.fixture
def export_set(db, seeds_dir, tmp_path, editor, other_editor):
    return build_export_set(seeds_dir, tmp_path, editor, other_editor)


def download(client, format_name, **params):
    return client.get(reverse("review:export", args=[format_name]), params)


@pytest.mark.parametrize("format_name", ["w3c", "doccano", "labelstudio", "csv", "spacy"])
def test_reviewer_downloads_every_format(client, reviewer, export_set, format_name):
    client.force_login(reviewer)
    response = download(client, format_name)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="newsdesk-annotations-')
    assert b"".join(response.streaming_content)


def test_download_uses_the_filters(client, admin_user, export_set):
    client.force_login(admin_user)
    response = download(client, "csv", author="otto", label="Zahl")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert [(r["author"], r["label"]) for r in rows] == [("otto", "Zahl")]


def test_ids_name_the_server_the_file_came_from(client, reviewer, export_set):
    client.force_login(reviewer)
    collection = json.loads(b"".join(download(client, "w3c").streaming_content))
    assert collection["first"]["items"][0]["id"].startswith("http://testserver/annotations/")


def test_bad_filters_and_formats_are_400(client, reviewer, export_set):
    client.force_login(reviewer)
    assert download(client, "csv", label="Erfunden").status_code == 400
    assert download(client, "brat").status_code == 400  # not a format (claimreview is one now)


def test_editors_may_not_export(client, editor, export_set):
    client.force_login(editor)
    assert download(client, "csv").status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, export_set):
    response = download(client, "csv")
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
