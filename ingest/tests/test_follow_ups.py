"""What an import queues for the workers: detection, near-duplicates and grouping in
tasks of at most FOLLOW_UP_BATCH articles, so that several workers share it evenly."""

from pathlib import Path
from typing import Any

from django.tasks import TaskResult
from django.tasks.signals import task_enqueued

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
