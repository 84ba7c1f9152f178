"""Indexing articles for near-duplicates and grouping them into stories, in one call.

Several task workers may index at once. Each indexing reads the band keys and stories
of the archive and then writes its own: two running side by side would not see each
other's articles (a pair between them never found, two stories opened for one event).
On PostgreSQL, indexing therefore takes a transaction-level advisory lock, so that one
indexing runs at a time and each sees what the previous one committed; the workers still
detect entities and compute search vectors side by side. SQLite writes one transaction
at a time anyway (and runs one worker at most, docs/ops/workers.md).
"""

from collections.abc import Iterable

from django.db import connection, transaction

from articles.models import Article
from stories.grouping import stories_group
from stories.near_duplicates import IndexReport, near_duplicates_rebuild


def stories_index(*, article_ids: Iterable[int] | None = None) -> str:
    """Index these articles (all when None), then group the ungrouped ones; a summary."""
    ids = list(article_ids) if article_ids is not None else None
    with transaction.atomic():
        _indexing_lock()
        report = near_duplicates_rebuild(article_ids=ids)
        story_ids = stories_group(
            article_ids=ids if ids is not None else Article.objects.values_list("pk", flat=True)
        )
    return f"{report}; {len(story_ids)} stories updated"


# Any fixed number: the advisory lock that one stories indexing holds at a time.
INDEXING_LOCK = 0x4E44_5354  # "NDST"


def _indexing_lock() -> None:
    """Wait for other indexing transactions to end (PostgreSQL; held until commit)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INDEXING_LOCK])


def stories_index_missing() -> str:
    """Index and group only the articles that have no near-duplicate index yet."""
    ids = list(Article.objects.filter(lsh_bands__isnull=True).values_list("pk", flat=True))
    if not ids:
        return str(IndexReport())
    return stories_index(article_ids=ids)
