"""The change history of an annotation as its card shows it."""

from annotations.models import Annotation
from newsdesk.history import HistoryEntry, history_entries

# Bookkeeping that changes with every write and means nothing to a reader.
HIDDEN_FIELDS = ["version", "prefix", "suffix"]


def annotation_history(annotation: Annotation) -> list[HistoryEntry]:
    """Who created, changed, reviewed, deleted and restored the annotation; newest first."""
    return history_entries(annotation, hidden=HIDDEN_FIELDS)
