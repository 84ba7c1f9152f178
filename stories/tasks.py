"""Background work after an import: near-duplicate indexing, then story grouping."""

from django.db import transaction
from django.tasks import task

from articles.models import Article
from stories.grouping import stories_group
from stories.near_duplicates import near_duplicates_index


@task
def stories_index_task(article_ids: list[int]) -> str:
    """Index these articles' near-duplicates and group them into stories."""
    articles = list(Article.objects.filter(pk__in=article_ids).only("id", "body"))
    report = near_duplicates_index(articles=articles)
    stories = stories_group(article_ids=article_ids)
    return f"{report}; {len(stories)} stories updated"


def stories_index_after_commit(*, article_ids: list[int]) -> None:
    """Index and group these (new or changed) articles once the import batch commits.

    The import calls this after `mentions_detect_after_commit`, so with the immediate
    backend and with one worker the mentions the grouping needs exist by then.
    """
    if article_ids:
        transaction.on_commit(lambda: stories_index_task.enqueue(article_ids))
