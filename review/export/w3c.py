"""W3C Web Annotation Data Model: one AnnotationCollection (JSON-LD), written as it streams.

Each annotation has a TextQuoteSelector and a TextPositionSelector (code points, end
exclusive, as §4.2.4 requires) on its article; its bodies are TextualBodies: the label
(purpose `tagging`), the note (`commenting`) and each source it is attributed to
(`identifying`). The collection's one embedded page holds the items; after it,
`newsdesk:articles` holds every article referred to (id, origin, content hash and text), and
`newsdesk:labels` the label set, so that the file can be read without Newsdesk.
"""

import json
from collections.abc import Iterator
from datetime import UTC, datetime

from django.utils import timezone

from review.export.selection import (
    ExportAnnotation,
    ExportArticle,
    Selection,
    article_groups,
    label_set,
    selected_annotations,
    selected_articles,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATION = "classifying"
MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def namespace(base_url: str) -> str:
    return f"{base_url}ns#"


def article_iri(base_url: str, article_id: int) -> str:
    return f"{base_url}articles/{article_id}/"


def annotation_iri(base_url: str, annotation_id: int) -> str:
    return f"{base_url}annotations/{annotation_id}/"


def _time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def annotation_json(annotation: ExportAnnotation, source: str, base_url: str) -> dict[str, object]:
    """One annotation as a W3C Annotation (without @context: it inherits the collection's)."""
    bodies: list[dict[str, object]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": annotation.label}
    ]
    if annotation.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": annotation.note})
    bodies += [
        {"type": "TextualBody", "purpose": "identifying", "value": name}
        for name in annotation.sources
    ]
    if annotation.review_comment:
        # The reviewer's comment: W3C's "assessing" purpose, by its own creator.
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "assessing",
                "value": annotation.review_comment,
                "creator": {"type": "Person", "nickname": annotation.reviewer},
            }
        )
    return {
        "id": annotation_iri(base_url, annotation.pk),
        "type": "Annotation",
        "motivation": MOTIVATION,
        "creator": {"type": "Person", "nickname": annotation.author},
        "created": _time(annotation.created_at),
        "modified": _time(annotation.updated_at),
        "body": bodies,
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.exact,
                    "prefix": annotation.prefix,
                    "suffix": annotation.suffix,
                },
                {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
            ],
        },
        "newsdesk:reviewStatus": annotation.status,
    }


def article_json(article: ExportArticle, base_url: str) -> dict[str, object]:
    return {
        "id": article_iri(base_url, article.pk),
        "type": "Text",
        "format": "text/plain",
        "language": article.language,
        "title": article.title,
        "newsdesk:origin": article.origin,
        "newsdesk:contentHash": article.content_hash,
        "newsdesk:published": article.published_on.isoformat() if article.published_on else None,
        "value": article.body,
    }


def render(selection: Selection, *, base_url: str, chunk_size: int) -> Iterator[str]:
    """The collection as JSON text, in pieces."""
    collection_id = f"{base_url}annotations/export/w3c/"
    page_id = f"{collection_id}#page-1"
    total = selected_annotations(selection).count()
    head = {
        "@context": [ANNO_CONTEXT, {"newsdesk": namespace(base_url)}],
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Newsdesk annotations",
        "total": total,
        "generated": _time(timezone.now()),
        "newsdesk:offsets": "Unicode code points into the article text, end exclusive",
        "newsdesk:labels": [label.as_dict() for label in label_set()],
    }
    if total:
        head["last"] = page_id
    yield _encode(head)[:-1]
    if total:
        page = {"id": page_id, "type": "AnnotationPage", "startIndex": 0}
        yield ',"first":' + _encode(page)[:-1] + ',"items":['
    first = True
    for group in article_groups(selection, chunk_size=chunk_size, texts=False):
        source = article_iri(base_url, group.article.pk)
        pieces = [_encode(annotation_json(a, source, base_url)) for a in group.annotations]
        yield ("" if first else ",") + ",".join(pieces)
        first = False
    if total:
        yield "]}"
    yield ',"newsdesk:articles":['
    first = True
    for article in selected_articles(selection):
        yield ("" if first else ",") + _encode(article_json(article, base_url))
        first = False
    yield "]}\n"
