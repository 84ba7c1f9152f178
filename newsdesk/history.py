"""Change history (django-simple-history): recording writes that send no signals, and
turning historical records into readable entries (who, when, what changed from what to what).

A model opts in with `history = HistoricalRecords()` and an admin based on
`newsdesk.history_admin.HistoryAdmin` (docs/architecture/history.md).
"""

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.models import DeletedObject
from simple_history.utils import (
    get_history_manager_for_model,
    get_m2m_field_name,
    get_m2m_reverse_field_name,
)

# Change reasons are stored untranslated and translated when shown.
REASON_DELETED = gettext_noop("Deleted (can be restored)")
REASON_RESTORED = gettext_noop("Restored")
REASON_REVIEWED = gettext_noop("Reviewed")
REASON_REANCHORED = gettext_noop("Re-anchored to a new revision of the article")
REASON_IMPORTED = gettext_noop("Imported")

VALUE_LIMIT = 200
ENTRY_LIMIT = 50


@contextmanager
def history_paused(instance: models.Model) -> Iterator[None]:
    """Saves and many-to-many changes of `instance` inside record no history (the caller
    records one entry for all of them with `history_record`)."""
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]


def history_record(
    instances: Sequence[models.Model],
    *,
    user: User | None,
    reason: str = "",
    created: bool = False,
    through_rows: Mapping[str, Sequence[models.Model]] | None = None,
) -> None:
    """Record the current state of `instances` (one model) by `user` (None: the system).

    For writes that send no `post_save`: `QuerySet.update()` (the compare-and-set of
    versions), `bulk_update()`, or saves inside `history_paused`. Many-to-many fields are
    recorded from their through rows, read here; `through_rows` (by field name) gives the
    rows a caller has just written instead, which saves reading them back.
    """
    if not instances:
        return
    history = get_history_manager_for_model(type(instances[0]))
    for instance in instances:
        # bulk_history_create falls back to the request's user when this is unset.
        instance._history_user = user  # type: ignore[attr-defined]
    # None when SIMPLE_HISTORY_ENABLED is off.
    records = (
        history.bulk_history_create(
            instances, update=not created, default_change_reason=reason or None
        )
        or []
    )
    for field in history.model._history_m2m_fields:
        through = field.remote_field.through
        owner = get_m2m_field_name(field)
        rows_by_owner: dict[int, list[models.Model]] = defaultdict(list)
        rows = (through_rows or {}).get(field.name)
        if rows is None:
            rows = through.objects.filter(**{f"{owner}__in": [i.pk for i in instances]})
        for row in rows:
            rows_by_owner[getattr(row, f"{owner}_id")].append(row)
        m2m_history = getattr(history.model, field.name).model
        m2m_history.objects.bulk_create(
            m2m_history(
                history=record,
                **{f.attname: getattr(row, f.attname) for f in through._meta.fields},
            )
            for record, instance in zip(records, instances, strict=True)
            for row in rows_by_owner[instance.pk]
        )


def skip_history_when_loading(
    sender: type[models.Model], instance: models.Model, raw: bool, **kwargs: Any
) -> None:
    """`post_save` receiver for models with many-to-many history: `loaddata` (raw) sets
    many-to-many fields after saving, which would record a change that is not one (and on
    PostgreSQL collide with the loaded history's ids). Their history is in the dump."""
    if raw:
        instance.skip_history_when_saving = True  # type: ignore[attr-defined]


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One historical record: who did what when, and the fields it changed."""

    date: datetime.datetime
    user: str
    action: str
    reason: str
    subject: str
    changes: list[FieldChange]


def history_entries(
    instance: models.Model, *, hidden: Collection[str] = (), subject: str = ""
) -> list[HistoryEntry]:
    """The newest ENTRY_LIMIT changes of `instance`, newest first; `hidden` fields are
    left out of the diffs (bookkeeping such as version counters)."""
    records = newest_records(get_history_manager_for_model(instance), ENTRY_LIMIT + 1)
    return records_entries(records, hidden=hidden, subject=subject)[:ENTRY_LIMIT]


def newest_records(history: Any, limit: int) -> list[Any]:
    """The newest `limit` records of a history manager or queryset, with their users and
    the objects their foreign keys point to."""
    related = [f.name for f in history.model.tracked_fields if isinstance(f, models.ForeignKey)]
    return list(
        history.select_related("history_user", *related).order_by("-history_date", "-history_id")[
            :limit
        ]
    )


def records_entries(
    records: Sequence[Any], *, hidden: Collection[str] = (), subject: str = ""
) -> list[HistoryEntry]:
    """Entries for the historical records of one object, given newest first."""
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: list[FieldChange] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(
                previous, excluded_fields=hidden, foreign_keys_are_objs=True
            )
            model = record.instance_type
            changes = [
                FieldChange(
                    field=capfirst(str(model._meta.get_field(change.field).verbose_name)),
                    old=display_value(model, change.field, change.old),
                    new=display_value(model, change.field, change.new),
                )
                for change in delta.changes
            ]
        entries.append(
            HistoryEntry(
                date=record.history_date,
                user=record.history_user.get_username() if record.history_user else "",
                action=str(record.get_history_type_display()),
                reason=_(record.history_change_reason) if record.history_change_reason else "",
                subject=subject,
                changes=changes,
            )
        )
    return entries


def display_value(model: type[models.Model], name: str, value: Any) -> str:
    """A field's value as a user reads it: choice labels, names, local dates, yes/no."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    if isinstance(field, models.ManyToManyField):
        related = get_m2m_reverse_field_name(field)
        value = ", ".join(sorted(str(row[related]) for row in value))
    elif field.choices:
        value = dict(field.flatchoices).get(value, value)
    elif isinstance(value, bool):
        value = _("yes") if value else _("no")
    elif isinstance(value, DeletedObject) and value.pk is None:
        value = None
    elif isinstance(value, datetime.datetime):
        value = formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if value is None or value == "":
        return "—"
    return Truncator(str(value)).chars(VALUE_LIMIT)
