"""What happens when articles come in, across the apps, in order.

1. `ingest.sources` reads files, folders, zips and URLs into parsed articles, each under
   its identity (or a failure report naming the input).
2. `articles` writes them (new, a revision of the same identity, or refused).
3. Inside the same transaction, a revision re-anchors the annotations (`annotations`)
   and the entity mentions (`entities`) to the new text.
4. The slow work is queued for the task workers, in the same transaction (the
   immediate backend, which runs a task at once, gets it after the commit): search
   vectors (queued by `articles` itself), and one `follow_ups_task` per FOLLOW_UP_BATCH
   articles: entity detection (`entities`), then near-duplicates and story grouping
   (`stories`), in that order in one task, so that grouping sees the batch's mentions
   whichever worker runs it.

Every way in calls one of the functions here: `sources_import` (command line: paths and
URLs), `files_import` (paths), `incoming_import` (articles another module already
parsed: the browser upload, feed polling).

This module sits above the apps so that none of them needs to import a higher one.
"""

import gc
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.db import transaction
from django.tasks import task
from django.tasks.backends.immediate import ImmediateBackend

from annotations.reanchoring import annotations_reanchor
from articles.importing import (
    DEFAULT_BATCH_SIZE,
    AfterWrite,
    ArticleInput,
    ImportReport,
    WrittenBatch,
    articles_import,
)
from articles.models import Article
from entities.reanchoring import mentions_reanchor
from entities.services import mentions_detect
from ingest.sources import ImportLimits, inputs_from, targets_read
from newstext.formats import IncomingArticle
from stories.indexing import stories_index


class FollowUps:
    """Collects the ids of written articles, to queue their slow work after the import.

    With the immediate task backend (the demo's) queued work runs in the importing
    process: per batch that would hold every batch up. `import_articles` therefore
    collects the ids and hands them to the tasks once the import is written.
    """

    def __init__(self) -> None:
        self.article_ids: list[int] = []

    def __call__(self, article_ids: list[int]) -> None:
        self.article_ids.extend(article_ids)

    def queue(self) -> int:
        """Queue detection and story indexing in batches; how many articles were queued."""
        ids = list(dict.fromkeys(self.article_ids))
        follow_ups_queue(article_ids=ids)
        self.article_ids = []
        return len(ids)


def incoming_import(
    items: Iterable[IncomingArticle | ArticleInput | ImportReport],
    *,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    limits: ImportLimits | None = None,
    follow_ups: FollowUps | None = None,
) -> Iterator[ImportReport]:
    """Import articles already parsed (`newstext.formats`), one report each, in order.

    An `IncomingArticle`'s identity is its own (`identity`), else its `source_name`;
    give an `ArticleInput` (`articles.importing.incoming_input`) to choose another.
    Feed items without full text get their page fetched under `limits` (the settings
    by default). Failure reports in `items` are passed through.
    """
    limits = limits or ImportLimits.from_settings()
    inputs = inputs_from(items, limits=limits)
    return _imported(inputs, dry_run=dry_run, batch_size=batch_size, follow_ups=follow_ups)


def sources_import(
    targets: Iterable[str | Path],
    *,
    limits: ImportLimits,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    follow_ups: FollowUps | None = None,
) -> Iterator[ImportReport]:
    """Import files, folders, zips and http(s) URLs of any supported format."""
    inputs = targets_read(targets, limits=limits)
    return _imported(inputs, dry_run=dry_run, batch_size=batch_size, follow_ups=follow_ups)


def files_import(
    paths: Iterable[Path],
    *,
    max_bytes: int,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    follow_ups: FollowUps | None = None,
) -> Iterator[ImportReport]:
    """Import files, folders and zips of news texts, one report each."""
    return sources_import(
        paths,
        limits=ImportLimits.from_settings(max_bytes=max_bytes),
        dry_run=dry_run,
        batch_size=batch_size,
        follow_ups=follow_ups,
    )


def _imported(
    inputs: Iterable[ArticleInput | ImportReport],
    *,
    dry_run: bool,
    batch_size: int,
    follow_ups: FollowUps | None,
) -> Iterator[ImportReport]:
    """`articles_import` with what follows each written batch (`_after_write`)."""
    after_write = _after_write(follow_ups)
    reports = articles_import(
        inputs, dry_run=dry_run, batch_size=batch_size, after_write=after_write
    )
    return _collected_young(reports)


def _collected_young(reports: Iterator[ImportReport]) -> Iterator[ImportReport]:
    """`reports`, while Python's cycle collector leaves the objects that existed before
    the import alone (`gc.freeze`); afterwards it collects them as before.

    An import keeps a thousand parsed articles in flight: their objects outlive the young
    generations and set off full collections, each walking every object of the process
    (Django, the app) again, a tenth of the writer's time (docs/benchmarks.md). Frozen
    objects are collected later, never lost, and the parse workers forked meanwhile do
    not walk them either. A process that froze objects itself is left as it is.
    """
    if gc.get_freeze_count():
        yield from reports
        return
    gc.freeze()
    try:
        yield from reports
    finally:
        gc.unfreeze()


def _after_write(follow_ups: FollowUps | None) -> AfterWrite:
    def articles_written(batch: WrittenBatch) -> None:
        """Re-anchor what a revision moved, then queue the work that follows an import."""
        for article in batch.revised:
            annotations_reanchor(article=article, old_body=batch.old_bodies[article.pk])
            mentions_reanchor(article=article, old_body=batch.old_bodies[article.pk])
        if follow_ups is not None:
            follow_ups(batch.article_ids)
            return
        follow_ups_queue(article_ids=batch.article_ids)

    return articles_written


# Articles per follow-up task. Small enough that the workers share an import evenly (a
# worker finishing its last task leaves the other at most this many to do alone), large
# enough that a task's fixed cost (the gazetteer check, the indexing lock) stays small.
FOLLOW_UP_BATCH = 100


@task
def follow_ups_task(article_ids: list[int]) -> str:
    """Detect these articles' entity mentions, then index their near-duplicates and group
    them into stories (grouping relates articles by the mentions just detected)."""
    articles = Article.objects.filter(pk__in=article_ids).only("id", "body")
    detection = mentions_detect(articles=articles)
    return f"{detection}; {stories_index(article_ids=article_ids)}"


def follow_ups_queue(*, article_ids: list[int]) -> None:
    """Queue `follow_ups_task` for these articles, FOLLOW_UP_BATCH a task in id order.

    A queue (the database backend) gets them in the current transaction, as the search
    vector task: the tasks exist exactly when the articles do, and an import batch
    commits once, not once more per task (every commit waits for the disk). The
    immediate backend runs a task as it is enqueued: there they run once the
    transaction has committed, never holding up or rolling back the import.
    """
    ids = sorted(article_ids)
    batches = [
        ids[first : first + FOLLOW_UP_BATCH] for first in range(0, len(ids), FOLLOW_UP_BATCH)
    ]

    def enqueue() -> None:
        for batch in batches:
            follow_ups_task.enqueue(batch)

    if isinstance(follow_ups_task.get_backend(), ImmediateBackend):
        transaction.on_commit(enqueue)
        return
    with transaction.atomic(savepoint=False):  # outside an import batch: one commit
        enqueue()
