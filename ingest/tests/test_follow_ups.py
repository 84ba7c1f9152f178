"""What an import queues for the workers: detection, near-duplicates and grouping in
tasks of at most FOLLOW_UP_BATCH articles, so that several workers share it evenly."""

from pathlib import Path
from typing import Any

from django.tasks import TaskResult
from django.tasks.signals import task_enqueued
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from ingest.pipeline import FOLLOW_UP_BATCH, files_import
from stories.models import ArticleBand


def test_a_large_import_is_followed_up_in_tasks_of_a_hundred_articles(
    db: None, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    count = 2 * FOLLOW_UP_BATCH + 50
    for n in range(count):
        (tmp_path / f"{n:03}.txt").write_text(
            f"Meldung {n}\n\nIlham Aliyev sprach in Baku über Aserbaidschan ({n}).",
            encoding="utf-8",
        )
    queued: list[list[int]] = []

    def note(sender: object, task_result: TaskResult[Any, Any], **kwargs: object) -> None:
        if task_result.task.name == "follow_ups_task":
            queued.append(task_result.args[0])

    task_enqueued.connect(note)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            list(files_import([tmp_path], max_bytes=10**6))
    finally:
        task_enqueued.disconnect(note)
    ids = sorted(Article.objects.values_list("pk", flat=True))
    assert [len(batch) for batch in queued] == [FOLLOW_UP_BATCH, FOLLOW_UP_BATCH, 50]
    assert [pk for batch in queued for pk in batch] == ids  # each once, in id order
    assert ArticleBand.objects.values("article").distinct().count() == count


def test_a_database_queue_gets_the_follow_ups_with_the_articles(
    db: None, tmp_path: Path, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """In the import's transaction, not after it: each commit of their own would wait for
    the disk, and a task exists exactly when its articles do."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for n in range(FOLLOW_UP_BATCH + 20):
        (tmp_path / f"{n:03}.txt").write_text(f"Meldung {n}\n\nText über Baku ({n}).")
    with django_capture_on_commit_callbacks() as callbacks:
        list(files_import([tmp_path], max_bytes=10**6))
    assert callbacks == []
    queued = DBTaskResult.objects.filter(task_path="ingest.pipeline.follow_ups_task")
    batches = [result.args_kwargs["args"][0] for result in queued.order_by("enqueued_at")]
    assert [len(batch) for batch in batches] == [FOLLOW_UP_BATCH, 20]
    assert sorted(pk for batch in batches for pk in batch) == sorted(
        Article.objects.values_list("pk", flat=True)
    )
