"""Near-duplicate indexing and story grouping as a task.

The import queues `ingest.pipeline.follow_ups_task` instead, which detects mentions
first; this task stays for tasks queued before that one existed.
"""

from django.tasks import task

from stories.indexing import stories_index


@task
def stories_index_task(article_ids: list[int]) -> str:
    """Index these articles' near-duplicates and group them into stories."""
    return stories_index(article_ids=article_ids)
