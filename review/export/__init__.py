"""Exports of annotated sets in the formats other tools read.

Every format is a module with `render(selection, *, base_url, chunk_size)` yielding the
file in pieces (text or bytes), so that the command line writes and the browser download
streams the same bytes. Offsets are exported exactly as stored: Unicode code points into
the article's body, end exclusive.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from review.export import claimreview, csvfile, doccano, labelstudio, spacy_docbin, w3c
from review.export.selection import CHUNK_SIZE, Selection


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str
    content_type: str
    render: Callable[..., Iterable[str] | Iterable[bytes]]


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("w3c", "jsonld", w3c.MEDIA_TYPE, w3c.render),
        ExportFormat("doccano", "jsonl", "application/jsonl; charset=utf-8", doccano.render),
        ExportFormat("labelstudio", "json", "application/json", labelstudio.render),
        ExportFormat("csv", "csv", "text/csv; charset=utf-8", csvfile.render),
        ExportFormat("spacy", "spacy", "application/octet-stream", spacy_docbin.render),
        ExportFormat("claimreview", "jsonld", claimreview.MEDIA_TYPE, claimreview.render),
    )
}


def export_filename(export_format: ExportFormat, at: datetime) -> str:
    """The download's file name: the format (two share .jsonld) and the time in the
    interface's time zone (TIME_ZONE), as the pages show times."""
    stamp = timezone.localtime(at).strftime("%Y%m%d-%H%M")
    return f"newsdesk-annotations-{export_format.name}-{stamp}.{export_format.extension}"


def export_chunks(
    format_name: str, selection: Selection, *, base_url: str, chunk_size: int = CHUNK_SIZE
) -> Iterator[bytes]:
    """The export file in the named format, as UTF-8 (or binary) pieces.

    It is read in one read-only transaction: on PostgreSQL a server-side cursor outside a
    transaction is declared WITH HOLD, which makes the server compute and store the whole
    result before the first row comes back; inside one, rows stream. REPEATABLE READ also
    gives the passes of a format (items, then article texts) the same snapshot.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        render = FORMATS[format_name].render
        for piece in render(selection, base_url=base_url, chunk_size=chunk_size):
            yield piece.encode("utf-8") if isinstance(piece, str) else piece
