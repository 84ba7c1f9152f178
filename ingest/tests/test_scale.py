"""An import of thousands of files: its page lists the results a page at a time, and the
polled progress fragment stays that small too."""

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from ingest.jobs import import_job_create_url
from ingest.models import ImportItemResult, ImportJob
from ingest.views import RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db
COUNT = 2 * RESULTS_PER_PAGE + 50


def big_job(editor: User, *, finished: bool) -> ImportJob:
    """A URL import whose worker recorded COUNT results, every fourth one failed (results
    are written by the job's run only; a fetch is out of place in a test)."""
    job = import_job_create_url(user=editor, url="https://feeds.example/fahrplan.xml")
    ImportItemResult.objects.bulk_create(
        ImportItemResult(
            job=job,
            file_name="fahrplan.xml",
            position=n,
            name=f"meldung-{n:04d}",
            status="failed" if n % 4 == 0 else "unchanged",
            reason="no article text found" if n % 4 == 0 else "",
        )
        for n in range(COUNT)
    )
    status = ImportJob.Status.DONE if finished else ImportJob.Status.RUNNING
    ImportJob.objects.filter(pk=job.pk).update(status=status, total=1)
    return ImportJob.objects.get(pk=job.pk)


def names(html: str) -> list[str]:
    return re.findall(r"<td>(meldung-\d+)</td>", html)


def test_the_import_page_lists_results_a_page_at_a_time(
    editor: User, django_assert_max_num_queries: Any
) -> None:
    job = big_job(editor, finished=True)
    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)
    url = reverse("ingest:job", args=[job.pk])
    with django_assert_max_num_queries(12):
        first = client.get(url).content.decode()
    assert names(first) == [f"meldung-{n:04d}" for n in range(RESULTS_PER_PAGE)]
    assert "page 1 of 3" in first
    assert f"{COUNT // 4 + 1} failed" in first  # the counts are of the whole import
    last = client.get(url, {"page": 3}).content.decode()
    assert names(last) == [f"meldung-{n:04d}" for n in range(2 * RESULTS_PER_PAGE, COUNT)]


def test_a_running_import_polls_the_page_it_shows(editor: User) -> None:
    job = big_job(editor, finished=False)
    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)
    url = reverse("ingest:job", args=[job.pk])
    html = client.get(
        url, {"page": 2}, headers={"HX-Request": "true", "HX-Target": "job-progress"}
    ).content.decode()
    assert "<html" not in html
    assert len(names(html)) == RESULTS_PER_PAGE
    assert f'hx-get="{url}?page=2" hx-trigger="every 2s"' in html
