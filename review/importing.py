"""Importing exported annotation files (W3C JSON-LD, doccano JSONL) back into Newsdesk.

Each annotation is placed by its quote (`anchoring.locate`, the stated position only
breaking ties), on the article with the same origin (file name) or, failing that, the
same content hash. What cannot be placed or resolved (article, quote, label, annotator,
source) is reported with the reason and skipped, never dropped silently. Annotations that
already exist (same article, annotator, range and label) are left alone, so importing a
file twice creates nothing the second time.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotations.models import Annotation, Label
from annotations.services import AnnotationContent, UnknownSource, annotation_create
from articles.models import Article
from newsdesk.history import REASON_IMPORTED, history_record
from newstext.anchoring import locate, quote_context
from newstext.offsets import CodePointRange


class ImportFormat(StrEnum):
    W3C = "w3c"
    DOCCANO = "doccano"


@dataclass(frozen=True)
class IncomingAnnotation:
    """One annotation as read from a file, not yet placed."""

    ref: str  # how the report names it: its id in the file, or line and index
    origin: str
    content_hash: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    label: str
    note: str = ""
    sources: list[str] = field(default_factory=list)
    author: str = ""
    status: str = Annotation.Status.PENDING


@dataclass(frozen=True)
class UnreadableAnnotation:
    """An item of the file that is not an annotation Newsdesk can read."""

    ref: str
    reason: str


@dataclass
class AnnotationImportReport:
    created: int = 0
    existing: int = 0
    moved: int = 0  # placed by quote at another position than the file stated
    problems: list[str] = field(default_factory=list)
    rolled_back: bool = False  # with `atomic`, nothing was imported because of the problems

    @property
    def failed(self) -> int:
        return len(self.problems)


class ImportFileError(ValueError):
    """The file cannot be read at all (not JSON, not the expected shape)."""


class UnreadableItem(ValueError):
    """One item of the file cannot be read; the message says why."""


def detect_format(path: Path) -> ImportFormat:
    return ImportFormat.DOCCANO if path.suffix in {".jsonl", ".ndjson"} else ImportFormat.W3C


def read_w3c(data: Any) -> Iterator[IncomingAnnotation | UnreadableAnnotation]:
    """Annotations of a W3C AnnotationCollection as Newsdesk exports it (or a page or list)."""
    articles: dict[str, dict[str, Any]] = {}
    if isinstance(data, dict):
        articles = {
            str(a.get("id")): a for a in data.get("newsdesk:articles", []) if isinstance(a, dict)
        }
        page = data.get("first", data)
        items = page.get("items", []) if isinstance(page, dict) else []
        if data.get("type") == "Annotation":
            items = [data]
    elif isinstance(data, list):
        items = data
    else:
        raise ImportFileError("not a W3C annotation collection, page or list")
    if not isinstance(items, list):
        raise ImportFileError("the collection's items are not a list")
    for index, item in enumerate(items, 1):
        ref = f"item {index}"
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            ref += f" ({item['id']})"
        try:
            yield _w3c_item(item, ref, articles)
        except UnreadableItem as error:
            yield UnreadableAnnotation(ref, str(error))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            yield UnreadableAnnotation(ref, f"{type(error).__name__}: {error}")


def _w3c_item(
    item: dict[str, Any], ref: str, articles: dict[str, dict[str, Any]]
) -> IncomingAnnotation:
    target = item["target"]
    target = target[0] if isinstance(target, list) else target
    source = target["source"]
    source_id = source if isinstance(source, str) else source.get("id")
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None:
        raise UnreadableItem("no TextQuoteSelector (the quote places the annotation)")
    position: dict[str, Any] = next(
        (s for s in selectors if s.get("type") == "TextPositionSelector"), {}
    )
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    by_purpose: dict[str, list[str]] = {}
    for body in bodies:
        if isinstance(body, dict) and body.get("type") == "TextualBody":
            by_purpose.setdefault(body.get("purpose", ""), []).append(str(body.get("value", "")))
    labels = by_purpose.get("tagging", [])
    article = articles.get(source_id, {})
    creator = item.get("creator", {})
    creator = creator[0] if isinstance(creator, list) and creator else creator
    return IncomingAnnotation(
        ref=ref,
        origin=str(article.get("newsdesk:origin", "")),
        content_hash=str(article.get("newsdesk:contentHash", "")),
        start=int(position.get("start", 0)),
        end=int(position.get("end", 0)),
        exact=str(quote["exact"]),
        prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        label=labels[0] if labels else "",
        note="\n\n".join(by_purpose.get("commenting", [])),
        sources=by_purpose.get("identifying", []),
        author=str(creator.get("nickname", "")) if isinstance(creator, dict) else "",
        status=str(item.get("newsdesk:reviewStatus", Annotation.Status.PENDING)),
    )


def read_doccano(lines: Iterable[str]) -> Iterator[IncomingAnnotation | UnreadableAnnotation]:
    """Annotations of doccano JSONL: `label` spans, with Newsdesk's details where present.

    A span that is not `[start, end, label]` within the text is reported by its line and
    number; the others are read.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text: str = record["text"]
            spans = record.get("label", [])
        except (json.JSONDecodeError, RecursionError, KeyError, TypeError, AttributeError) as error:
            raise ImportFileError(f"line {number}: not a doccano record ({error})") from error
        if not isinstance(text, str) or not isinstance(spans, list):
            raise ImportFileError(f"line {number}: “text” must be text and “label” a list")
        details = record.get("annotations")
        details = details if isinstance(details, list) else []
        for index, span in enumerate(spans):
            extra = details[index] if index < len(details) else {}
            ref = f"line {number}, span {index + 1}"
            if isinstance(extra, dict) and "id" in extra:
                ref += f" (id {extra['id']})"
            try:
                yield _doccano_span(
                    record, text, span, extra if isinstance(extra, dict) else {}, ref
                )
            except UnreadableItem as error:
                yield UnreadableAnnotation(ref, str(error))


def _doccano_span(
    record: dict[str, Any], text: str, span: Any, extra: dict[str, Any], ref: str
) -> IncomingAnnotation:
    if not (isinstance(span, list) and len(span) == 3):
        raise UnreadableItem(f"a span must be [start, end, label], not {json.dumps(span)[:80]}")
    start, end, label = span
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise UnreadableItem(f"start and end must be whole numbers, not {json.dumps(span)[:80]}")
    if not 0 <= start < end <= len(text):
        raise UnreadableItem(f"{start}–{end} is not a range of the text (0–{len(text)})")
    prefix, suffix = quote_context(text, start, end)
    return IncomingAnnotation(
        ref=ref,
        origin=str(record.get("origin", "")),
        content_hash=str(record.get("content_hash", "")),
        start=start,
        end=end,
        exact=str(extra.get("exact", text[start:end])),
        prefix=str(extra.get("prefix", prefix)),
        suffix=str(extra.get("suffix", suffix)),
        label=str(label),
        note=str(extra.get("note", "")),
        sources=[str(s) for s in extra.get("sources", [])],
        author=str(extra.get("author", "")),
        status=str(extra.get("status", Annotation.Status.PENDING)),
    )


def read_file(
    path: Path, import_format: ImportFormat
) -> list[IncomingAnnotation | UnreadableAnnotation]:
    try:
        with path.open(encoding="utf-8-sig") as file:
            if import_format is ImportFormat.DOCCANO:
                return list(read_doccano(file))
            return list(read_w3c(json.load(file)))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ImportFileError(f"{path}: {error}") from error


@transaction.atomic
def import_annotations(
    incoming: Iterable[IncomingAnnotation | UnreadableAnnotation],
    *,
    default_author: User | None,
    dry_run: bool = False,
    atomic: bool = False,
) -> AnnotationImportReport:
    """Create the incoming annotations that can be placed; report every one that cannot.

    With `atomic`, one item that cannot be imported means none is (`rolled_back`).
    """
    report = AnnotationImportReport()
    labels = {label.name: label for label in Label.objects.all()}
    users: dict[str, User | None] = {}
    articles: dict[tuple[str, str], Article | None] = {}
    statuses = set(Annotation.Status.values)
    for item in incoming:
        if isinstance(item, UnreadableAnnotation):
            report.problems.append(f"{item.ref}: unreadable: {item.reason}")
            continue
        key = (item.origin, item.content_hash)
        if key not in articles:
            articles[key] = (
                Article.objects.filter(origin=item.origin).first() if item.origin else None
            ) or (
                Article.objects.filter(content_hash=item.content_hash).first()
                if item.content_hash
                else None
            )
        article = articles[key]
        if article is None:
            report.problems.append(
                f"{item.ref}: article not found (origin {item.origin or '?'}, "
                f"content hash {item.content_hash[:12] or '?'})"
            )
            continue
        label = labels.get(item.label)
        if label is None:
            report.problems.append(f"{item.ref}: unknown label “{item.label}”")
            continue
        if item.author not in users:
            users[item.author] = (
                User.objects.filter(username=item.author).first() if item.author else None
            )
        author = users[item.author] or default_author
        if author is None:
            report.problems.append(f"{item.ref}: unknown annotator “{item.author}” (give --author)")
            continue
        place = locate(article.body, item.exact, item.prefix, item.suffix, item.start)
        if place is None:
            report.problems.append(
                f"{item.ref}: quote not found in {article.origin}: “{item.exact[:60]}”"
            )
            continue
        start, end = place
        exists = Annotation.objects.filter(
            article=article, author=author, start=start, end=end, label=label, deleted_at=None
        ).exists()
        if exists:
            report.existing += 1
            continue
        try:
            with transaction.atomic():
                annotation = annotation_create(
                    article=article,
                    author=author,
                    span=CodePointRange(start, end),
                    content=AnnotationContent(label, item.note, item.sources),
                )
        except (UnknownSource, ValidationError) as error:
            report.problems.append(f"{item.ref}: {_reason(error)}")
            continue
        if item.status != Annotation.Status.PENDING and item.status in statuses:
            Annotation.objects.filter(pk=annotation.pk).update(status=item.status)
            annotation.status = item.status
            history_record([annotation], user=None, reason=REASON_IMPORTED)
        report.created += 1
        report.moved += (start, end) != (item.start, item.end)
    if atomic and report.problems:
        report.rolled_back = True
    if dry_run or report.rolled_back:
        transaction.set_rollback(True)
    return report


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return (
            "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
            if hasattr(error, "error_dict")
            else " ".join(error.messages)
        )
    return str(error)
