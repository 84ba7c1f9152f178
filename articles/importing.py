"""Importing news text files into articles: the write service behind `import_articles`.

Files are read and parsed first (no database), then written in batches: one query to
find existing articles, a few bulk inserts per batch. Each file is atomic: if a batch
fails in the database, its files are retried one by one, each in its own transaction,
so one bad file never takes others down and never leaves half a file written.

What other apps do with written articles (re-anchoring, detection, indexing) is not
known here: the caller passes `after_write`, called inside each batch's transaction
(the import pipeline in `ingest.pipeline` does).
"""

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.db import DatabaseError, transaction
from django.db.models import Max, Q
from django.db.models.functions import Lower

from articles.models import Article, ArticleRevision, Source, SourceAlias
from articles.search import search_vectors_defer, search_vectors_update_queue
from newsdesk.history import REASON_IMPORTED, history_record
from newstext.decoding import DecodedText, RejectedInput, decode_article_bytes, normalise_text
from newstext.parsing import ParsedArticle, parse_article

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt"}
# A letter or digit: an article body without one holds nothing to read.
VISIBLE = re.compile(r"\w")
DEFAULT_BATCH_SIZE = 250


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    REVISED = "revised"
    FAILED = "failed"


@dataclass(frozen=True)
class WrittenBatch:
    """The articles one batch wrote: new ones, and revised ones with their old bodies."""

    articles: list[Article]
    old_bodies: dict[int, str]  # article id -> body before this revision

    @property
    def revised(self) -> list[Article]:
        return [article for article in self.articles if article.pk in self.old_bodies]


AfterWrite = Callable[[WrittenBatch], None]


@dataclass(frozen=True)
class ImportReport:
    """What happened to one file."""

    path: Path
    status: ImportStatus
    reason: str = ""
    article_id: int | None = None

    def __str__(self) -> str:
        status = f"{self.status}: {self.reason}" if self.reason else str(self.status)
        return f"{self.path}: {status}"


@dataclass(frozen=True)
class PreparedFile:
    """A file read, decoded and parsed, ready to be written."""

    path: Path
    origin: str
    decoded: DecodedText
    parsed: ParsedArticle
    content_hash: str


def find_text_files(paths: Iterable[Path]) -> Iterator[Path | ImportReport]:
    """Every `.txt` file named or inside a named folder (sorted), or a failure report."""
    for path in paths:
        if path.is_dir():
            try:
                found = sorted(
                    p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
                )
            except OSError as error:
                yield ImportReport(path, ImportStatus.FAILED, f"cannot read folder: {error}")
                continue
            if not found:
                yield ImportReport(path, ImportStatus.FAILED, "folder holds no .txt files")
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield ImportReport(path, ImportStatus.FAILED, "not a regular file")
        else:
            yield ImportReport(path, ImportStatus.FAILED, "no such file or folder")


def prepare_file(path: Path, *, max_bytes: int) -> PreparedFile:
    """Read, decode and parse one file; RejectedInput says why it cannot be imported."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise RejectedInput(f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise RejectedInput(f"cannot read file: {error.strerror or error}") from None
    decoded = decode_article_bytes(data, max_bytes=max_bytes)
    text = normalise_text(decoded.text)
    parsed = parse_article(text)
    if not VISIBLE.search(parsed.body):  # empty, or only invisible/zero-width characters
        raise RejectedInput("file holds no article text (only metadata or boilerplate)")
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return PreparedFile(path, path.name, decoded, parsed, content_hash)


def articles_import(
    paths: Iterable[Path],
    *,
    max_bytes: int,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    after_write: AfterWrite | None = None,
) -> Iterator[ImportReport]:
    """Import files and folders of news texts, yielding one report per file.

    `after_write` is called with each written batch, inside the batch's transaction.
    """
    batch: list[PreparedFile] = []
    origins: set[str] = set()
    for item in _prepare_all(paths, max_bytes=max_bytes):
        if isinstance(item, ImportReport):
            yield item
            continue
        # A file name seen twice is a revision: its first version must be written first.
        if item.origin in origins or len(batch) >= batch_size:
            yield from _write(batch, dry_run=dry_run, after_write=after_write)
            batch, origins = [], set()
        batch.append(item)
        origins.add(item.origin)
    yield from _write(batch, dry_run=dry_run, after_write=after_write)


def _prepare_all(paths: Iterable[Path], *, max_bytes: int) -> Iterator[PreparedFile | ImportReport]:
    for item in find_text_files(paths):
        if isinstance(item, ImportReport):
            yield item
            continue
        try:
            yield prepare_file(item, max_bytes=max_bytes)
        except RejectedInput as error:
            yield ImportReport(item, ImportStatus.FAILED, str(error))


def _write(
    batch: list[PreparedFile], *, dry_run: bool, after_write: AfterWrite | None
) -> list[ImportReport]:
    if not batch:
        return []
    if dry_run:
        return _plan(batch)
    try:
        with transaction.atomic():
            return _write_batch(batch, after_write)
    except DatabaseError:
        if len(batch) == 1:
            logger.exception("import of %s failed", batch[0].path)
            return [ImportReport(batch[0].path, ImportStatus.FAILED, "database error, see log")]
        # Find the culprit: every file in its own transaction.
        return [
            report
            for prepared in batch
            for report in _write([prepared], dry_run=False, after_write=after_write)
        ]


def _plan(batch: list[PreparedFile]) -> list[ImportReport]:
    existing = dict(
        Article.objects.filter(origin__in=[p.origin for p in batch]).values_list(
            "origin", "content_hash"
        )
    )
    reports = []
    for prepared in batch:
        if prepared.origin not in existing:
            status = ImportStatus.IMPORTED
        elif existing[prepared.origin] == prepared.content_hash:
            status = ImportStatus.UNCHANGED
        else:
            status = ImportStatus.REVISED
        reports.append(ImportReport(prepared.path, status, "dry run, nothing written"))
    return reports


def _write_batch(batch: list[PreparedFile], after_write: AfterWrite | None) -> list[ImportReport]:
    existing = {
        article.origin: article
        for article in Article.objects.filter(origin__in=[p.origin for p in batch]).only(
            "id", "origin", "content_hash", "body"
        )
    }
    sources = sources_by_name(
        agencies={p.parsed.publisher_name for p in batch if p.parsed.publisher_name},
        outlets={name for p in batch for name in p.parsed.cited_source_names},
    )
    new = [p for p in batch if p.origin not in existing]
    changed = [
        p
        for p in batch
        if p.origin in existing and existing[p.origin].content_hash != p.content_hash
    ]

    if new or changed:
        search_vectors_defer()  # one UPDATE for the batch, in a background task
    created = Article.objects.bulk_create(
        [_fill_article(Article(origin=p.origin), p, sources) for p in new]
    )
    old_bodies = {existing[p.origin].pk: existing[p.origin].body for p in changed}
    revised = [_fill_article(existing[p.origin], p, sources) for p in changed]
    Article.objects.bulk_update(revised, fields=_ARTICLE_FIELDS, batch_size=500)

    written = list(zip(new, created, strict=True)) + list(zip(changed, revised, strict=True))
    numbers = dict(
        ArticleRevision.objects.filter(article__in=revised)
        .values("article")
        .annotate(last=Max("number"))
        .values_list("article", "last")
    )
    ArticleRevision.objects.bulk_create(
        ArticleRevision(
            article=article,
            number=numbers.get(article.pk, 0) + 1,
            raw_text=p.decoded.text,
            encoding=p.decoded.encoding,
            body=p.parsed.body,
            content_hash=p.content_hash,
        )
        for p, article in written
    )
    cited = Article.cited_sources.through
    cited.objects.filter(article__in=revised).delete()
    cited.objects.bulk_create(
        cited(article_id=article.pk, source_id=sources[name.lower()].pk)
        for p, article in written
        for name in p.parsed.cited_source_names
    )
    search_vectors_update_queue(article_ids=[article.pk for _, article in written])
    if after_write is not None:
        after_write(WrittenBatch([article for _, article in written], old_bodies))

    status = {p.origin: ImportStatus.REVISED for p in changed} | {
        p.origin: ImportStatus.IMPORTED for p in new
    }
    ids = {p.origin: article.pk for p, article in written} | {
        origin: article.pk for origin, article in existing.items()
    }
    return [
        ImportReport(p.path, status.get(p.origin, ImportStatus.UNCHANGED), "", ids[p.origin])
        for p in batch
    ]


_ARTICLE_FIELDS = [
    "title",
    "title_derived",
    "publisher",
    "dateline_place",
    "published_on",
    "date_precision",
    "body",
    "blocks",
    "word_count",
    "content_hash",
]


def _fill_article(article: Article, prepared: PreparedFile, sources: dict[str, Source]) -> Article:
    parsed = prepared.parsed
    article.title = parsed.title
    article.title_derived = parsed.title_derived
    article.publisher = sources[parsed.publisher_name.lower()] if parsed.publisher_name else None
    article.dateline_place = parsed.dateline_place
    article.published_on = parsed.published_on
    article.date_precision = parsed.date_precision
    article.body = parsed.body
    article.blocks = [
        {"kind": str(block.kind), "start": block.start, "end": block.end} for block in parsed.blocks
    ]
    article.word_count = parsed.word_count
    article.content_hash = prepared.content_hash
    return article


def sources_by_name(*, agencies: set[str], outlets: set[str]) -> dict[str, Source]:
    """The Sources with these names or aliases (lower-cased key), created when missing.

    Sources an import creates are marked `needs_review` for an admin to curate.
    """
    wanted = {name.lower(): name for name in outlets | agencies}
    if not wanted:
        return {}
    found = _find_sources(wanted)
    missing = [
        Source(
            name=name,
            kind=Source.Kind.AGENCY if name in agencies else Source.Kind.OUTLET,
            needs_review=True,
        )
        for key, name in wanted.items()
        if key not in found
    ]
    if missing:
        Source.objects.bulk_create(missing, ignore_conflicts=True)
        found = _find_sources(wanted)
        created = [found[s.name.lower()] for s in missing if s.name.lower() in found]
        history_record(created, user=None, reason=REASON_IMPORTED, created=True)
    return found


def _find_sources(wanted: dict[str, str]) -> dict[str, Source]:
    """Sources by lower-cased name or alias; exact names too, as SQLite lowers only ASCII."""
    keys, names = set(wanted), set(wanted.values())
    by_name = Source.objects.annotate(key=Lower("name")).filter(Q(key__in=keys) | Q(name__in=names))
    found: dict[str, Source] = {source.name.lower(): source for source in by_name}
    aliases = SourceAlias.objects.annotate(key=Lower("name")).filter(
        Q(key__in=keys) | Q(name__in=names)
    )
    for alias in aliases.select_related("source"):
        found.setdefault(alias.name.lower(), alias.source)
    return found
