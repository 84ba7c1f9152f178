"""An import result's reason in the reader's language (ingest.reasons)."""

from django import template

from ingest.reasons import result_reason

register = template.Library()

# `{{ result|result_reason }}`: why the item was not imported, translated.
register.filter("result_reason", result_reason)
