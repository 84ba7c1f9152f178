"""CSV, one row per annotation: UTF-8 with a byte order mark, so spreadsheets read it as such.

Articles are referred to by id, origin and content hash (their texts would repeat on every
row); the label set is in the label columns. Text cells that a spreadsheet would take for
a formula (starting with = + - @ or a tab or carriage return) get a leading apostrophe,
which spreadsheets hide; other cells are written unchanged.
"""

import csv
import io
from collections.abc import Iterator

from review.export.selection import Selection, article_groups

COLUMNS = [
    "annotation_id",
    "article_id",
    "article_origin",
    "article_title",
    "article_content_hash",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "label",
    "sources",
    "note",
    "author",
    "status",
    "created_at",
    "updated_at",
    "reviewer",
    "review_comment",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SOURCE_SEPARATOR = "; "


def spreadsheet_safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def render(selection: Selection, *, base_url: str, chunk_size: int) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    safe = spreadsheet_safe
    for group in article_groups(selection, chunk_size=chunk_size, texts=False):
        buffer.seek(0)
        buffer.truncate()
        article = group.article
        for a in group.annotations:
            writer.writerow(
                [
                    a.pk,
                    article.pk,
                    safe(article.origin),
                    safe(article.title),
                    article.content_hash,
                    a.start,
                    a.end,
                    safe(a.exact),
                    safe(a.prefix),
                    safe(a.suffix),
                    safe(a.label),
                    safe(SOURCE_SEPARATOR.join(a.sources)),
                    safe(a.note),
                    safe(a.author),
                    a.status,
                    a.created_at.isoformat(),
                    a.updated_at.isoformat(),
                    safe(a.reviewer),
                    safe(a.review_comment),
                ]
            )
        yield buffer.getvalue()
