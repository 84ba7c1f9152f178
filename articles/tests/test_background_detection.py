"""With the database task backend, an import only enqueues entity detection; a worker runs it."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from entities.models import Mention
from ingest.pipeline import files_import


@pytest.mark.django_db(transaction=True)
def test_import_enqueues_detection_and_the_worker_runs_it(seeds_dir, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    list(files_import([seeds_dir], max_bytes=10**7))
    assert Article.objects.count() == 5
    assert not Mention.objects.exists()
    assert DBTaskResult.objects.count() >= 1

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert Mention.objects.filter(entity__name="Wladimir Putin").count() >= 5
    assert Mention.objects.values("article").distinct().count() == 5
