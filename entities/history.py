"""The change history of an entity with its aliases, as its page shows it."""

from typing import Any

from django.utils.translation import gettext as _

from entities.models import Entity, EntityAlias
from newsdesk.history import ENTRY_LIMIT, HistoryEntry, newest_records, records_entries


def entity_history(entity: Entity) -> list[HistoryEntry]:
    """Changes of the entity and of its aliases (added, changed, removed); newest first."""
    entries = records_entries(newest_records(entity.history, ENTRY_LIMIT))
    by_alias: dict[int, list[Any]] = {}
    for record in newest_records(EntityAlias.history.filter(entity_id=entity.pk), ENTRY_LIMIT):
        by_alias.setdefault(record.id, []).append(record)
    for records in by_alias.values():
        subject = _("alias “%(name)s”") % {"name": records[0].name}
        entries += records_entries(records, hidden=["entity"], subject=subject)
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries[:ENTRY_LIMIT]
