"""What happens when articles come in, across the apps, in order.

1. `articles` parses and writes the article (new, or a revision of the same identity).
2. Inside the same transaction, a revision re-anchors the annotations (`annotations`)
   and the entity mentions (`entities`) to the new text.
3. After the commit, the slow work is queued for the task workers: search vectors
   (queued by `articles` itself), entity detection (`entities`), near-duplicates and
   story grouping (`stories`).

This module sits above the apps so that none of them needs to import a higher one.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path

from annotations.reanchoring import annotations_reanchor
from articles.importing import DEFAULT_BATCH_SIZE, ImportReport, WrittenBatch, articles_import
from entities.reanchoring import mentions_reanchor
from entities.services import mentions_detect_after_commit
from stories.tasks import stories_index_after_commit


def files_import(
    paths: Iterable[Path],
    *,
    max_bytes: int,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[ImportReport]:
    """Import files and folders of news texts through the whole pipeline, one report each."""
    return articles_import(
        paths,
        max_bytes=max_bytes,
        dry_run=dry_run,
        batch_size=batch_size,
        after_write=articles_written,
    )


def articles_written(batch: WrittenBatch) -> None:
    """Re-anchor what a revision moved, then queue the work that follows an import."""
    for article in batch.revised:
        annotations_reanchor(article=article, old_body=batch.old_bodies[article.pk])
        mentions_reanchor(article=article, old_body=batch.old_bodies[article.pk])
    article_ids = [article.pk for article in batch.articles]
    mentions_detect_after_commit(article_ids=article_ids)
    stories_index_after_commit(article_ids=article_ids)
