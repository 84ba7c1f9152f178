"""Why an import refused something, in the reader's language.

`newstext`, `articles.importing` and `ingest` give each refusal as a
`newstext.reasons.Reason`: a stable code, its parameters and the English text (which the
command line prints). An import result keeps the code and the parameters; here they are
turned into text at display time, in the active language: the reason's English
template is the catalogue's msgid (marked with `gettext_noop` where it is declared),
numbers are formatted for the language, and reasons inside reasons are translated too.
A result stored without a code (or with one no module declares any more) shows its
English text.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext

# The modules that declare reasons: imported, every code is known here.
import articles.importing
import ingest.fetching
import ingest.jobs
import ingest.sources
import newstext.decoding
import newstext.formats
from ingest.models import ImportItemResult
from newstext.reasons import REASONS, Reason, render

DECLARING_MODULES = (
    articles.importing,
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
