"""doccano JSON Lines for span labelling: one article per line, `label` as [start, end, name].

Keys other than `text` and `label` are kept by doccano as metadata: the article's id,
origin, title and content hash, every annotation's details (author, note, sources, status,
quote context) and the label set, so that each line can be read on its own.
"""

import json
from collections.abc import Iterator

from review.export.selection import Selection, article_groups, label_set

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def render(selection: Selection, *, base_url: str, chunk_size: int) -> Iterator[str]:
    labels = [label.as_dict() for label in label_set()]
    for group in article_groups(selection, chunk_size=chunk_size):
        article = group.article
        line = {
            "id": article.pk,
            "text": article.body,
            "label": [[a.start, a.end, a.label] for a in group.annotations],
            "article_id": article.pk,
            "origin": article.origin,
            "title": article.title,
            "content_hash": article.content_hash,
            "published": article.published_on.isoformat() if article.published_on else None,
            "annotations": [
                {
                    "id": a.pk,
                    "start": a.start,
                    "end": a.end,
                    "label": a.label,
                    "exact": a.exact,
                    "prefix": a.prefix,
                    "suffix": a.suffix,
                    "author": a.author,
                    "note": a.note,
                    "sources": a.sources,
                    "status": a.status,
                    "review_comment": a.review_comment,
                }
                for a in group.annotations
            ],
            "label_set": labels,
            "offsets": "code points, end exclusive",
        }
        yield _encode(line) + "\n"
