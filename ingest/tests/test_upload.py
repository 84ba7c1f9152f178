"""The import in the browser: uploads of files and zips, their limits and the job page."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from ingest.models import ImportItemResult, ImportJob
from ingest.tests.support import FORMATS, SEED, mixed_zip
from newstext.formats import FormatError

EN = {"Accept-Language": "en"}


def upload(client: Client, *files: tuple[str, bytes]) -> object:
    data = {"upload": [_file(name, content) for name, content in files]}
    return client.post(reverse("ingest:upload"), data, headers=EN)


def _file(name: str, content: bytes) -> io.BytesIO:
    handle = io.BytesIO(content)
    handle.name = name
    return handle


@pytest.fixture
def editor_client(client: Client, editor) -> Client:
    client.force_login(editor)
    return client


def test_a_zip_of_mixed_files_shows_every_files_result(editor_client, editor):
    response = upload(editor_client, ("lieferung.zip", mixed_zip()))
    assert response.status_code == 303
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == ImportJob.Status.DONE
    assert job.created_by == editor
    assert job.total == 4  # the resource fork is no news file

    page = editor_client.get(job.get_absolute_url(), headers=EN).content.decode()
    results = {r.name: r for r in ImportItemResult.objects.filter(job=job)}
    assert set(results) == {
        "lieferung.zip:text/" + SEED.name,
        "lieferung.zip:agency/dpa.json",
        "lieferung.zip:web/radwege.html",
        "lieferung.zip:kaputt.json",
    }
    for name, result in results.items():
        assert name in page
        if name.endswith("kaputt.json"):
            assert result.status == "failed"
            assert result.reason
            assert result.reason in page
        else:
            assert result.status == "imported", (name, result.reason)
            assert result.article is not None
            assert result.article.get_absolute_url() in page
    assert "3 imported" in page
    assert "1 failed" in page
    assert 'hx-trigger="every 2s"' not in page  # finished: no more polling
    # The bytes are gone once the job is done; the articles keep their text.
    assert bytes(job.uploads.get().data) == b""
    assert Article.objects.count() == 3


def test_uploading_the_same_files_again_changes_nothing(editor_client):
    upload(editor_client, (SEED.name, SEED.read_bytes()))
    upload(editor_client, (SEED.name, SEED.read_bytes()))
    first, second = ImportJob.objects.order_by("pk")
    assert [r.status for r in first.results.all()] == ["imported"]
    assert [r.status for r in second.results.all()] == ["unchanged"]
    assert Article.objects.count() == 1


def test_single_files_of_several_formats(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # a feed runs as a task
        response = upload(
            editor_client,
            ("ntb.json", (FORMATS / "ninjs" / "ntb_text_3.0.json").read_bytes()),
            ("feed.xml", (FORMATS / "feeds" / "rheinland_kurier_rss.xml").read_bytes()),
        )
    assert response.status_code == 303
    job = ImportJob.objects.get()
    assert job.total == 2
    names = [r.name for r in job.results.all()]
    assert names[0] == "ntb.json"
    # A feed file gives one result per item.
    assert sum(name.startswith("feed.xml") for name in names) >= 2


def test_job_page_polls_while_the_job_runs(editor_client, editor):
    job = ImportJob.objects.create(
        created_by=editor, kind=ImportJob.Kind.UPLOAD, description="x.zip", total=3
    )
    page = editor_client.get(job.get_absolute_url(), headers=EN).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "Waiting for a worker" in page
    fragment = editor_client.get(
        job.get_absolute_url(),
        headers={**EN, "HX-Request": "true", "HX-Target": "job-progress"},
    ).content.decode()
    assert 'id="job-progress"' in fragment
    assert "<html" not in fragment
    assert 'hx-trigger="every 2s"' in fragment


def test_a_large_upload_runs_as_a_task(editor_client, settings, django_capture_on_commit_callbacks):
    settings.NEWSDESK_UPLOAD_INLINE_MAX_FILES = 2
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload(editor_client, ("lieferung.zip", mixed_zip()))
    assert response.status_code == 303
    job = ImportJob.objects.get()
    assert job.background is True
    assert len(callbacks) >= 1  # the task was queued after the commit (immediate backend)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.results.count() == 4


def test_too_many_files_are_refused_naming_the_limit(editor_client, settings):
    settings.NEWSDESK_UPLOAD_MAX_FILES = 2
    response = upload(editor_client, *[(f"{n}.txt", b"Text %d" % n) for n in range(3)])
    assert response.status_code == 413
    assert "3 files uploaded, over the limit of 2" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_file_over_the_size_limit_is_refused_by_name(editor_client, settings):
    settings.NEWSDESK_IMPORT_MAX_BYTES = 100
    response = upload(editor_client, ("gross.txt", b"x" * 101))
    assert response.status_code == 413
    assert "gross.txt: 101 bytes, over the limit of 100 bytes per file" in response.content.decode()


def test_an_upload_over_the_total_limit_is_refused_before_it_is_read(editor_client, settings):
    settings.NEWSDESK_UPLOAD_MAX_BYTES = 1000
    response = upload(editor_client, ("a.txt", b"x" * 70_000))
    assert response.status_code == 413
    assert "over the limit of 1,000 bytes" in response.content.decode()


def test_zip_limits_name_the_zip(editor_client, settings):
    settings.NEWSDESK_ZIP_MAX_ENTRIES = 3
    response = upload(editor_client, ("lieferung.zip", mixed_zip()))
    assert response.status_code == 413
    assert "lieferung.zip: 4 files in the zip, over the limit of 3" in response.content.decode()

    settings.NEWSDESK_ZIP_MAX_ENTRIES = 100
    settings.NEWSDESK_ZIP_MAX_BYTES = 1000
    response = upload(editor_client, ("lieferung.zip", mixed_zip()))
    assert response.status_code == 413
    assert "lieferung.zip:" in response.content.decode()
    assert "unpacked, over the limit of 1,000 bytes" in response.content.decode()


def test_a_broken_zip_is_refused(editor_client):
    response = upload(editor_client, ("kaputt.zip", b"PK\x03\x04 not really"))
    assert response.status_code == 400
    assert "kaputt.zip: not a readable zip file" in response.content.decode()


def test_no_file_is_a_form_error(editor_client):
    response = editor_client.post(reverse("ingest:upload"), {}, headers=EN)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_url_must_be_http(editor_client):
    response = editor_client.post(
        reverse("ingest:url"), {"url": "ftp://example.org/feed.xml"}, headers=EN
    )
    assert response.status_code == 400
    assert not ImportJob.objects.exists()


def test_reviewers_may_not_import(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("ingest:start")).status_code == 403
    assert upload(client, ("a.txt", b"Ein Text")).status_code == 403


def test_the_nav_shows_import_only_to_importers(client, editor, reviewer):
    client.force_login(editor)
    assert reverse("ingest:start") in client.get(reverse("articles:list")).content.decode()
    client.force_login(reviewer)
    assert reverse("ingest:start") not in client.get(reverse("articles:list")).content.decode()


def test_format_error_names_the_input():
    # The reasons shown per file come from the formats package with the file's name.
    assert str(FormatError("lieferung.zip:kaputt.json", "bad JSON")).startswith("lieferung.zip:")


def test_an_upload_with_a_feed_runs_as_a_task_as_it_may_fetch_pages(
    editor_client, django_capture_on_commit_callbacks
):
    feed = (FORMATS / "feeds" / "rheinland_kurier_rss.xml").read_bytes()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        upload(editor_client, ("nachrichten.xml", feed))
    job = ImportJob.objects.get()
    assert job.background is True
    assert job.status == ImportJob.Status.QUEUED  # not run in the request
    assert len(callbacks) == 1
