"""Why an import refused something, in the reader's language.

`newstext`, `articles.importing` and `ingest` give each refusal as a
`newstext.reasons.Reason`: a stable code, its parameters and the English text (which the
command line prints). An import result keeps the code and the parameters (a feed keeps
its last poll's error and counts likewise); here they are turned into text at display
time, in the active language: the reason's English template is the catalogue's msgid
(marked with `gettext_noop` where it is declared), numbers are formatted for the
language, and reasons inside reasons are translated too.
A result stored without a code (or with one no module declares any more) shows its
English text.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext

# The modules that declare reasons: imported, every code is known here.
import articles.importing
import ingest.feeds
import ingest.fetching
import ingest.jobs
import ingest.sources
import newstext.decoding
import newstext.formats
from ingest.feeds import poll_summary
from ingest.models import Feed, ImportItemResult
from newstext.reasons import REASONS, Reason, render

DECLARING_MODULES = (
    articles.importing,
    ingest.feeds,
    ingest.fetching,
    ingest.jobs,
    ingest.sources,
    newstext.decoding,
    newstext.formats,
)


def reason_text(code: str, params: Mapping[str, Any], *, english: str = "") -> str:
    """The reason `code` with `params` in the active language; `english` if the code is
    unknown."""
    template = REASONS.get(code)
    if template is None:
        return english
    return render(gettext(template), params, number=_number, nested=_nested)


def result_reason(result: ImportItemResult) -> str:
    """Why an import result's item was not imported (or what a dry run did), translated."""
    if not result.reason_code:
        return result.reason
    return reason_text(result.reason_code, result.reason_params, english=result.reason)


def feed_error(feed: Feed) -> str:
    """Why the feed's last poll failed, translated."""
    if not feed.last_error_code:
        return feed.last_error
    return reason_text(feed.last_error_code, feed.last_error_params, english=feed.last_error)


def feed_summary(feed: Feed) -> str:
    """What the feed's last poll did, translated. A poll recorded before the counts were
    stored shows its English summary."""
    if feed.last_status == Feed.Result.OK and not feed.last_counts:
        return feed.last_summary
    if feed.last_status == Feed.Result.NEW:
        return ""
    return poll_summary(
        feed.last_status, feed.last_counts, feed_error(feed), translate=gettext, number=_number
    )


def reason_shown(reason: str) -> str:
    """A reason as an import gave it (a `Reason`, or plain text) in the active language."""
    if isinstance(reason, Reason):
        return reason_text(reason.code, reason.params, english=str(reason))
    return reason


def _number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_format(value, force_grouping=True)


def _nested(value: Any) -> str:
    if isinstance(value, Reason):
        return reason_shown(value)
    return reason_text(value["code"], value["params"])
