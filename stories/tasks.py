"""Background work after an import: near-duplicate indexing, then story grouping."""

from django.db import transaction
from django.tasks import task

from stories.indexing import stories_index


@task
def stories_index_task(article_ids: list[int]) -> str:
    """Index these articles' near-duplicates and group them into stories."""
    return stories_index(article_ids=article_ids)


def stories_index_after_commit(*, article_ids: list[int]) -> None:
    """Index and group these (new or changed) articles once the import batch commits.

    The import calls this after `mentions_detect_after_commit`, so with the immediate
    backend and with one worker the mentions the grouping needs exist by then.
    """
    if article_ids:
        transaction.on_commit(lambda: stories_index_task.enqueue(article_ids))
