"""The demo annotation set (fixtures/demo_annotations.json), anchored by quote."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from annotations.models import Annotation, Label
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from newstext.offsets import CodePointRange


class DemoFixtureError(ValueError):
    """An entry of the demo fixture that cannot be placed; names the entry and why."""


@dataclass(frozen=True)
class DemoAnnotation:
    article: str
    label: str
    quote: str
    sources: list[str]
    note: str
    occurrence: int = 0


def demo_annotations_read(path: Path) -> list[DemoAnnotation]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [DemoAnnotation(**entry) for entry in data["annotations"]]


def _place(body: str, entry: DemoAnnotation) -> CodePointRange:
    start = -1
    for _ in range(entry.occurrence + 1):
        start = body.find(entry.quote, start + 1)
        if start == -1:
            raise DemoFixtureError(f"{entry.article}: quote not found: {entry.quote[:60]!r}")
    return CodePointRange(start, start + len(entry.quote))


@dataclass
class DemoLoadReport:
    created: int = 0
    skipped: list[str] = field(default_factory=list)


@transaction.atomic
def demo_annotations_load(path: Path, *, author: User) -> DemoLoadReport:
    """Create the fixture's annotations that `author` does not have yet.

    Entries whose label an admin removed are skipped and reported; a quote that is not
    in its article is an error (the fixture no longer fits the loader).
    """
    entries = demo_annotations_read(path)
    articles = Article.objects.in_bulk([e.article for e in entries], field_name="origin")
    labels = Label.objects.in_bulk([e.label for e in entries], field_name="name")
    existing = set(
        Annotation.objects.filter(author=author).values_list("article__origin", "start", "end")
    )
    report = DemoLoadReport()
    for entry in entries:
        article = articles.get(entry.article)
        if article is None:
            raise DemoFixtureError(f"{entry.article}: no such article (import the seeds first)")
        if entry.label not in labels:
            report.skipped.append(f"{entry.article}: no label {entry.label!r}")
            continue
        span = _place(article.body, entry)
        if (entry.article, span.start, span.end) in existing:
            continue
        content = AnnotationContent(labels[entry.label], entry.note, entry.sources)
        annotation_create(article=article, author=author, span=span, content=content)
        report.created += 1
    return report
