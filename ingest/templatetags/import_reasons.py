"""An import result's reason in the reader's language (ingest.reasons)."""

from django import template

from ingest.models import ImportItemResult
from ingest.reasons import reason_text

register = template.Library()


@register.filter
def result_reason(result: ImportItemResult) -> str:
    """`{{ result|result_reason }}`: why the item was not imported, translated."""
    if not result.reason_code:
        return result.reason
    return reason_text(result.reason_code, result.reason_params, english=result.reason)
