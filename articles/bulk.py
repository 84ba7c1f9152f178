"""Inserting many rows fast: one INSERT per chunk of rows, without model instances.

`rows_insert` is what `bulk_create` does, less its cost per object (a model instance,
its field values prepared one by one): the import writes articles with it, detection its
mentions, near-duplicate indexing its band keys and pairs. The caller gives plain
tuples of database-ready values; dates, JSON and decimals are converted here.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import connection, models

# SQLite: rows per INSERT (its statements take at most 32,766 parameters).
_INSERT_ROWS = 400


def rows_insert(
    model: type[models.Model],
    columns: list[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    returning: bool = False,
) -> list[int]:
    """Insert `rows` (values in `columns` order, by attname); the new ids if `returning`."""
    if not rows:
        return []
    meta = model._meta
    fields = [next(f for f in meta.concrete_fields if f.attname == c) for c in columns]
    # Only fields whose database value differs from the Python one need converting.
    converters = [
        (i, field)
        for i, field in enumerate(fields)
        if isinstance(field, models.DateField | models.JSONField | models.DecimalField)
    ]
    quote = connection.ops.quote_name
    # Table and column names come from the model, every value is a parameter.
    head = (
        f"INSERT INTO {quote(meta.db_table)} "
        f"({', '.join(quote(str(field.column)) for field in fields)}) "
    )
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    # PostgreSQL: one array per column (as Django's bulk_create does there), so the query
    # has a few placeholders instead of thousands for the driver to find and fill in.
    unnest = connection.vendor == "postgresql"
    if unnest:
        types = [str(field.db_type(connection)).split("(")[0] for field in fields]
        head += f"SELECT * FROM UNNEST({', '.join(f'(%s)::{t}[]' for t in types)})"  # noqa: S608
    else:
        head += "VALUES "
    ids: list[int] = []
    memo: dict[tuple[str, Any], Any] = {}
    chunk = len(rows) if unnest else max(1, min(_INSERT_ROWS, 30000 // max(1, len(fields))))
    with connection.cursor() as cursor:
        for first in range(0, len(rows), chunk):
            part = rows[first : first + chunk]
            params: list[Any] = []
            for row in part:
                values = list(row)
                for i, field in converters:
                    values[i] = _prepared(field, values[i], memo)
                params.extend(values)
            if unnest:
                sql = head
                params = [params[i :: len(fields)] for i in range(len(fields))]
            else:
                sql = head + ", ".join([placeholder] * len(part))
            if returning:
                sql += f" RETURNING {quote(str(meta.pk.column))}"
            cursor.execute(sql, params)
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _prepared(field: models.Field[Any, Any], value: Any, memo: dict[tuple[str, Any], Any]) -> Any:
    """The database value, converted once per distinct date (a batch shares a few)."""
    if isinstance(value, datetime.date):
        key = (field.attname, value)
        if key not in memo:
            memo[key] = field.get_db_prep_save(value, connection)
        return memo[key]
    return field.get_db_prep_save(value, connection)
