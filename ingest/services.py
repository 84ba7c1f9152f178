"""Importing for the browser's jobs and the feed polls, through `ingest.pipeline`.

One place that turns the pipeline's reports into `ItemOutcome`s, so that jobs and feed
polls record results the same way.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from articles.importing import ImportReport
from ingest.pipeline import incoming_import
from ingest.sources import ImportLimits, data_read, url_read
from newstext.formats import IncomingArticle


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one item: imported, revised, unchanged or failed (with a reason)."""

    name: str
    status: str  # an articles.importing.ImportStatus value
    reason: str = ""
    article_id: int | None = None


def _outcomes(reports: Iterable[ImportReport]) -> list[ItemOutcome]:
    return [
        ItemOutcome(report.source, str(report.status), report.reason, report.article_id)
        for report in reports
    ]


def file_import(
    data: bytes, *, name: str, identity: str, limits: ImportLimits
) -> list[ItemOutcome]:
    """Import one file's bytes (any format); one outcome per article it holds."""
    return _outcomes(
        incoming_import(
            data_read(data, source=name, identity=identity, limits=limits), limits=limits
        )
    )


def url_import(url: str, *, limits: ImportLimits) -> list[ItemOutcome]:
    """Fetch a page or feed and import what it holds."""
    return _outcomes(incoming_import(url_read(url, limits=limits), limits=limits))


def items_import(items: Sequence[IncomingArticle], *, limits: ImportLimits) -> list[ItemOutcome]:
    """Import parsed articles (complete ones: pages already fetched), in order."""
    if not items:
        return []
    return _outcomes(incoming_import(items, limits=limits))
