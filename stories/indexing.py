"""Indexing articles for near-duplicates and grouping them into stories, in one call."""

from collections.abc import Iterable

from articles.models import Article
from stories.grouping import stories_group
from stories.near_duplicates import IndexReport, near_duplicates_rebuild


def stories_index(*, article_ids: Iterable[int] | None = None) -> str:
    """Index these articles (all when None), then group the ungrouped ones; a summary."""
    ids = list(article_ids) if article_ids is not None else None
    report = near_duplicates_rebuild(article_ids=ids)
    stories = stories_group(
        article_ids=ids if ids is not None else Article.objects.values_list("pk", flat=True)
    )
    return f"{report}; {len(stories)} stories updated"


def stories_index_missing() -> str:
    """Index and group only the articles that have no near-duplicate index yet."""
    ids = list(Article.objects.filter(lsh_bands__isnull=True).values_list("pk", flat=True))
    if not ids:
        return str(IndexReport())
    return stories_index(article_ids=ids)
