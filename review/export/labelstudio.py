"""Label Studio tasks (a JSON list): one task per article, one completed annotation per author.

Each result is a `labels` region on the `text` object, with start/end in code points (what
Label Studio stores) and the covered text; its `meta` holds the note (as Label Studio's
region text), the annotator, the sources and the review status. The labeling config that
declares the label set travels in every task as `data.label_config` (the file stays one
plain task list that Label Studio imports), with the article's id, origin, title and
content hash.
"""

import json
from collections import defaultdict
from collections.abc import Iterator
from xml.sax.saxutils import quoteattr

from review.export.selection import (
    ExportAnnotation,
    LabelEntry,
    Selection,
    article_groups,
    label_set,
)

FROM_NAME = "label"
TO_NAME = "text"

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def labeling_config(labels: list[LabelEntry]) -> str:
    """A Label Studio labeling config for the label set (span labels on the article text)."""
    choices = "".join(
        f"<Label value={quoteattr(label.name)} background={quoteattr(label.colour)}/>"
        for label in labels
    )
    return (
        f'<View><Labels name="{FROM_NAME}" toName="{TO_NAME}">{choices}</Labels>'
        f'<Text name="{TO_NAME}" value="$text"/></View>'
    )


def region(annotation: ExportAnnotation) -> dict[str, object]:
    return {
        "id": f"a{annotation.pk}",
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "origin": "manual",
        "value": {
            "start": annotation.start,
            "end": annotation.end,
            "text": annotation.exact,
            "labels": [annotation.label],
        },
        "meta": {
            "text": [annotation.note] if annotation.note else [],
            "annotator": annotation.author,
            "sources": annotation.sources,
            "status": annotation.status,
            "review_comment": annotation.review_comment,
        },
    }


def render(selection: Selection, *, base_url: str, chunk_size: int) -> Iterator[str]:
    config = labeling_config(label_set())
    yield "["
    first = True
    for group in article_groups(selection, chunk_size=chunk_size):
        article = group.article
        by_author: dict[str, list[ExportAnnotation]] = defaultdict(list)
        for annotation in group.annotations:
            by_author[annotation.author].append(annotation)
        task = {
            "data": {
                TO_NAME: article.body,
                "article_id": article.pk,
                "origin": article.origin,
                "title": article.title,
                "content_hash": article.content_hash,
                "label_config": config,
            },
            "annotations": [
                {
                    # Label Studio's `completed_by` is one of its own user ids: Newsdesk's
                    # annotator goes in every region's `meta` instead.
                    "result": [region(a) for a in annotations],
                    "created_at": min(a.created_at for a in annotations).isoformat(),
                    "updated_at": max(a.updated_at for a in annotations).isoformat(),
                }
                for annotations in by_author.values()
            ],
        }
        yield ("" if first else ",\n") + _encode(task)
        first = False
    yield "]\n"
