"""Writing incoming articles: the write part of every import (command, upload, feeds).

The caller hands over `ArticleInput`s, articles already read and parsed from whatever
format (`ingest.sources` reads files, zips and URLs), each under its identity. They are
written in batches: one query finds the existing articles, a few set-based inserts write
the batch. Each article is atomic: if a batch fails in the database, its articles are
retried one by one, each in its own transaction, so one bad article never takes the
others down and never leaves half an article written.

Identity and revisions (DESIGN.md invariant 2): an input whose identity is new is
imported; one whose text is unchanged is left alone; one whose text changed becomes a
new revision only when it still resembles the stored text (word 3-shingle containment
of at least `REVISION_MIN_CONTAINMENT`). A different text under an existing identity is
refused with the reason: nothing is replaced and no annotation is orphaned by accident.

What other apps do with written articles (re-anchoring, detection, indexing) is not
known here: the caller passes `after_write`, called inside each batch's transaction
(the import pipeline in `ingest.pipeline` does).
"""

import datetime
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from operator import itemgetter
from pathlib import PurePath
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import Max
from django.utils import timezone

from articles.bulk import rows_insert
from articles.models import Article, ArticleRevision, Source, SourceAlias
from articles.search import search_vectors_defer, search_vectors_update_queue
from newsdesk.history import REASON_IMPORTED, history_record
from newstext.decoding import decode_article_bytes, normalise_text
from newstext.formats.base import IncomingArticle
from newstext.names import name_key
from newstext.parsing import parse_article
from newstext.reasons import Reason, declare, gettext_noop
from newstext.shingles import overlap, shingles

logger = logging.getLogger(__name__)

# A letter or digit: an article body without one holds nothing to read.
VISIBLE = re.compile(r"\w")
DEFAULT_BATCH_SIZE = 500
# A changed text under an existing identity is a revision only when this share of the
# shorter text's word 3-shingles is in the other text (`newstext.shingles.overlap`).
# Rewrites, corrections and added paragraphs keep far more; an unrelated text that
# happens to share the identity (same file name in another folder) keeps almost none.
REVISION_MIN_CONTAINMENT = 0.5
IDENTITY_MAX_CHARS = Article._meta.get_field("origin").max_length or 500
SOURCE_NAME_MAX_CHARS = Source._meta.get_field("name").max_length or 200

# Why an input is not written (newstext.reasons: the app shows them translated).
declare(
    {
        "no_article_text": gettext_noop(
            "file holds no article text (only metadata or boilerplate)"
        ),
        "no_identity": gettext_noop("the article has no identity"),
        "identity_too_long": gettext_noop("identity is %(length)s characters, over %(limit)s"),
        "identity_nul": gettext_noop("identity contains a NUL character"),
        "database_error": gettext_noop("database error, see log"),
        "dry_run": gettext_noop("dry run, nothing written"),
        "dry_run_refused": gettext_noop("%(reason)s (dry run)"),
        "revision_differs": gettext_noop(
            "the text differs from the article already imported under this identity "
            "(containment %(score)s < %(minimum)s); nothing replaced"
        ),
    }
)


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    REVISED = "revised"
    FAILED = "failed"


@dataclass(frozen=True)
class WrittenBatch:
    """What one batch wrote: the ids of its articles (new and revised, in the order
    written), and the revised articles with their old bodies."""

    article_ids: list[int]
    revised: list[Article]
    old_bodies: dict[int, str]  # article id -> body before this revision


AfterWrite = Callable[[WrittenBatch], None]


def printable_name(name: str | PurePath) -> str:
    """A file name or URL safe to print and store: bytes that are not UTF-8 as \\xNN."""
    if isinstance(name, PurePath):
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return name.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")


@dataclass(frozen=True)
class ImportReport:
    """What happened to one file, zip member, URL or feed item."""

    source: str  # what the user named: a path, "archive.zip:folder/a.txt", a URL
    status: ImportStatus
    reason: str = ""
    article_id: int | None = None
    identity: str = ""

    @property
    def path(self) -> PurePath:
        return PurePath(self.source)

    def __str__(self) -> str:
        status = f"{self.status}: {self.reason}" if self.reason else str(self.status)
        return f"{self.source}: {status}"


@dataclass(frozen=True)
class ArticleInput:
    """One article ready to be written: parsed, with its identity and what it was read from."""

    article: IncomingArticle
    identity: str
    source: str  # for reports and the revision's `imported_from`
    raw_text: str  # the decoded input, kept with the revision
    encoding: str
    content_hash: str
    word_count: int  # counted where the input is parsed (a worker process, for a folder)


def text_input(data: bytes, *, source: str, identity: str, max_bytes: int) -> ArticleInput:
    """A plain-text news file (the seeds' shape) as an input; RejectedInput says why not."""
    decoded = decode_article_bytes(data, max_bytes=max_bytes)
    text = normalise_text(decoded.text)
    parsed = parse_article(text)
    article = IncomingArticle.from_parsed(parsed, source=source)
    # The hash of the whole normalised text, as since the first import: re-importing
    # the seeds stays a no-op.
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ArticleInput(
        article,
        identity,
        source,
        decoded.text,
        decoded.encoding,
        content_hash,
        parsed.word_count,
    )


def incoming_input(
    article: IncomingArticle, *, identity: str | None = None, raw_text: str = "", encoding: str = ""
) -> ArticleInput:
    """An article parsed from a structured format (ninjs, feed, web page) as an input.

    The identity is the article's own (uri, guid, canonical URL) unless given; the
    content hash covers everything that is stored, so a changed byline is a revision.
    """
    identity = identity or article.identity or printable_name(article.source_name)
    stored = {
        "title": article.title,
        "body": article.body,
        "blocks": [[str(b.kind), b.start, b.end] for b in article.blocks],
        "byline": article.byline,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "date_precision": str(article.date_precision),
        "publisher": article.publisher_name,
        "place": article.place,
        "language": article.language,
        "cited": article.cited_source_names,
        "version": article.version,
    }
    serialised = json.dumps(stored, ensure_ascii=False, sort_keys=True)
    content_hash = hashlib.sha256(serialised.encode("utf-8")).hexdigest()
    return ArticleInput(
        article,
        identity,
        printable_name(article.source_name),
        raw_text or serialised,
        encoding or "utf-8",
        content_hash,
        article.word_count,
    )


def articles_import(
    inputs: Iterable[ArticleInput | ImportReport],
    *,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    after_write: AfterWrite | None = None,
) -> Iterator[ImportReport]:
    """Write the inputs, yielding one report each; reports given in are passed through.

    `after_write` is called with each written batch, inside the batch's transaction.
    """
    batch: list[ArticleInput] = []
    identities: set[str] = set()
    for item in inputs:
        if isinstance(item, ImportReport):
            yield item
            continue
        if problem := _refusal(item):
            yield ImportReport(item.source, ImportStatus.FAILED, problem, identity=item.identity)
            continue
        # An identity seen twice is a revision: its first version must be written first.
        if item.identity in identities or len(batch) >= batch_size:
            yield from _write(batch, dry_run=dry_run, after_write=after_write)
            batch, identities = [], set()
        batch.append(item)
        identities.add(item.identity)
    yield from _write(batch, dry_run=dry_run, after_write=after_write)


def _refusal(item: ArticleInput) -> str:
    if not VISIBLE.search(item.article.body):  # empty, or only invisible characters
        return Reason("no_article_text")
    if not item.identity.strip():
        return Reason("no_identity")
    if len(item.identity) > IDENTITY_MAX_CHARS:
        return Reason("identity_too_long", length=len(item.identity), limit=IDENTITY_MAX_CHARS)
    if "\x00" in item.identity:
        return Reason("identity_nul")
    return ""


def _write(
    batch: list[ArticleInput], *, dry_run: bool, after_write: AfterWrite | None
) -> list[ImportReport]:
    if not batch:
        return []
    if dry_run:
        return _plan(batch)
    try:
        with transaction.atomic():
            return _write_batch(batch, after_write)
    except (DatabaseError, ValueError):
        if len(batch) == 1:
            logger.exception("import of %s failed", batch[0].source)
            return [_failed(batch[0], Reason("database_error"))]
        # Find the culprit: every article in its own transaction.
        return [
            report
            for item in batch
            for report in _write([item], dry_run=False, after_write=after_write)
        ]


def _failed(item: ArticleInput, reason: str) -> ImportReport:
    return ImportReport(item.source, ImportStatus.FAILED, reason, identity=item.identity)


def _plan(batch: list[ArticleInput]) -> list[ImportReport]:
    existing = {
        article.origin: article
        for article in Article.objects.filter(origin__in=[i.identity for i in batch]).only(
            "id", "origin", "content_hash", "body"
        )
    }
    reports = []
    for item in batch:
        found = existing.get(item.identity)
        if found is None:
            status, reason = ImportStatus.IMPORTED, Reason("dry_run")
        elif found.content_hash == item.content_hash:
            status, reason = ImportStatus.UNCHANGED, Reason("dry_run")
        elif refusal := revision_refusal(found.body, item.article.body):
            status, reason = ImportStatus.FAILED, Reason("dry_run_refused", reason=refusal)
        else:
            status, reason = ImportStatus.REVISED, Reason("dry_run")
        reports.append(ImportReport(item.source, status, reason, identity=item.identity))
    return reports


def revision_refusal(old_body: str, new_body: str) -> str:
    """Why `new_body` cannot be a revision of `old_body`, or "" when it can."""
    score = overlap(shingles(old_body), shingles(new_body)).containment
    if score >= REVISION_MIN_CONTAINMENT:
        return ""
    # The measure as the docs print it, two decimals whatever the language.
    return Reason("revision_differs", score=f"{score:.2f}", minimum=str(REVISION_MIN_CONTAINMENT))


def _write_batch(batch: list[ArticleInput], after_write: AfterWrite | None) -> list[ImportReport]:
    existing = {
        article.origin: article
        for article in Article.objects.filter(origin__in=[i.identity for i in batch]).only(
            "id", "origin", "content_hash", "body"
        )
    }
    new: list[ArticleInput] = []
    changed: list[ArticleInput] = []
    refused: dict[str, str] = {}
    for item in batch:
        found = existing.get(item.identity)
        if found is None:
            new.append(item)
        elif found.content_hash != item.content_hash:
            if refusal := revision_refusal(found.body, item.article.body):
                refused[item.identity] = refusal
            else:
                changed.append(item)
    if not new and not changed:
        return [_report(item, existing, refused, {}, {}) for item in batch]

    sources = sources_by_name(
        agencies={i.article.publisher_name for i in new + changed if i.article.publisher_name},
        outlets={name for i in new + changed for name in i.article.cited_source_names},
    )
    search_vectors_defer()  # one UPDATE for the batch, in a background task
    now = timezone.now()
    created = _articles_insert([_article_values(i, sources, now) for i in new], now=now)
    old_bodies = {existing[i.identity].pk: existing[i.identity].body for i in changed}
    revised = [existing[i.identity] for i in changed]
    for article, item in zip(revised, changed, strict=True):
        for name, value in _article_values(item, sources, now).items():
            setattr(article, name, value)
    Article.objects.bulk_update(revised, fields=_ARTICLE_FIELDS, batch_size=500)

    written = [*zip(new, created, strict=True), *zip(changed, (a.pk for a in revised), strict=True)]
    numbers = dict(
        ArticleRevision.objects.filter(article__in=revised)
        .values("article")
        .annotate(last=Max("number"))
        .values_list("article", "last")
    )
    rows_insert(
        ArticleRevision,
        [
            "article_id",
            "number",
            "raw_text",
            "encoding",
            "body",
            "content_hash",
            "version",
            "imported_from",
            "imported_at",
        ],
        [
            (
                article_id,
                numbers.get(article_id, 0) + 1,
                item.raw_text,
                item.encoding[:40],
                item.article.body,
                item.content_hash,
                (item.article.version or "")[:100],
                item.source[:1000],
                now,
            )
            for item, article_id in written
        ],
    )
    cited = Article.cited_sources.through
    cited.objects.filter(article__in=revised).delete()
    rows_insert(
        cited,
        ["article_id", "source_id"],
        sorted(
            {
                (article_id, sources[name].pk)
                for item, article_id in written
                for name in item.article.cited_source_names
            }
        ),
    )
    article_ids = [article_id for _, article_id in written]
    search_vectors_update_queue(article_ids=article_ids)
    if after_write is not None:
        after_write(WrittenBatch(article_ids, revised, old_bodies))

    status = {i.identity: ImportStatus.REVISED for i in changed} | {
        i.identity: ImportStatus.IMPORTED for i in new
    }
    ids = {i.identity: article_id for i, article_id in written}
    return [_report(item, existing, refused, status, ids) for item in batch]


def _report(
    item: ArticleInput,
    existing: dict[str, Article],
    refused: dict[str, str],
    status: dict[str, ImportStatus],
    ids: dict[str, int],
) -> ImportReport:
    if item.identity in refused:
        found = existing[item.identity]
        return ImportReport(
            item.source, ImportStatus.FAILED, refused[item.identity], found.pk, item.identity
        )
    article_id = ids.get(item.identity) or existing[item.identity].pk
    return ImportReport(
        item.source,
        status.get(item.identity, ImportStatus.UNCHANGED),
        "",
        article_id,
        item.identity,
    )


# The fields an import writes, as `bulk_update` names them (a revision rewrites them all).
_ARTICLE_FIELDS = [
    "title",
    "title_derived",
    "publisher",
    "byline",
    "dateline_place",
    "published_on",
    "date_precision",
    "language",
    "body",
    "blocks",
    "word_count",
    "content_hash",
    "updated_at",
]
DEFAULT_LANGUAGE = "de"


def _article_values(
    item: ArticleInput, sources: dict[str, Source], now: datetime.datetime
) -> dict[str, Any]:
    """What an import stores of `item` in its Article row, by attribute name."""
    incoming = item.article
    return {
        "origin": item.identity,
        "title": incoming.title[:300],
        "title_derived": incoming.title_derived,
        "publisher_id": sources[incoming.publisher_name].pk if incoming.publisher_name else None,
        "byline": incoming.byline[:300],
        "dateline_place": incoming.place[:100],
        "published_on": incoming.published_on,
        "date_precision": str(incoming.date_precision),
        "language": (incoming.language or DEFAULT_LANGUAGE)[:10],
        "body": incoming.body,
        "blocks": [
            {"kind": str(block.kind), "start": block.start, "end": block.end}
            for block in incoming.blocks
        ],
        "word_count": item.word_count,
        "content_hash": item.content_hash,
        "updated_at": now,
    }


# Set-based inserts (articles.bulk) -------------------------------------------------


def _articles_insert(rows: Sequence[dict[str, Any]], *, now: datetime.datetime) -> list[int]:
    """Insert new articles (`_article_values`) as rows, without model instances: the ids.

    The columns the import does not fill get their field's default."""
    fields = [f for f in Article._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields} | {"created_at": now}
    columns = [f.attname for f in fields]
    pick = itemgetter(*columns)
    return rows_insert(Article, columns, [pick(defaults | row) for row in rows], returning=True)


# Sources -----------------------------------------------------------------------------


def sources_by_name(*, agencies: set[str], outlets: set[str]) -> dict[str, Source]:
    """The Sources with these names or aliases, created when missing, by the name as given.

    Names match by their stored key (newstext.names.name_key), as the unique constraint
    compares them, so "İSTANBUL POST" finds "İstanbul Post" on every database. Sources
    an import creates are marked `needs_review` for an admin to curate.
    """
    names = sorted(outlets | agencies)
    if not names:
        return {}
    # A longer name is cut to what the column holds, and matched as it is stored.
    keys = {name: name_key(name[:SOURCE_NAME_MAX_CHARS]) for name in names}
    found = _find_sources(set(keys.values()))
    missing: dict[str, Source] = {}
    for name in names:
        key = keys[name]
        if key not in found and key not in missing:
            kind = Source.Kind.AGENCY if name in agencies else Source.Kind.OUTLET
            name = name[:SOURCE_NAME_MAX_CHARS]
            missing[key] = Source(name=name, key=key, kind=kind, needs_review=True)
    if missing:
        Source.objects.bulk_create(missing.values(), ignore_conflicts=True)
        found = _find_sources(set(keys.values()))
        created = [found[key] for key in missing if key in found]
        history_record(created, user=None, reason=REASON_IMPORTED, created=True)
    return {name: found[keys[name]] for name in names if keys[name] in found}


def _find_sources(keys: set[str]) -> dict[str, Source]:
    """Sources by the key of their name, else of one of their aliases."""
    found: dict[str, Source] = {}
    ordered = sorted(keys)
    for first in range(0, len(ordered), 500):
        part = ordered[first : first + 500]
        for alias in SourceAlias.objects.filter(key__in=part).select_related("source"):
            found[alias.key] = alias.source
        for source in Source.objects.filter(key__in=part):
            found[source.key] = source
    return found
