"""Inserting many rows fast: one INSERT per chunk of rows (PostgreSQL: one COPY),
without model instances.

`rows_insert` is what `bulk_create` does, less its cost per object (a model instance,
its field values prepared one by one): the import writes articles with it, detection its
mentions, near-duplicate indexing its band keys and pairs. The caller gives plain
tuples of database-ready values; dates, JSON and decimals are converted here.
"""

import datetime
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.db import connection, models
from django.db.backends.utils import CursorDebugWrapper
from django.db.models.options import Options

# Rows per INSERT (SQLite's statements take at most 32,766 parameters).
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
    if connection.vendor == "postgresql":
        return _rows_copy(meta, fields, converters, rows, returning=returning)
    quote = connection.ops.quote_name
    # Table and column names come from the model, every value is a parameter.
    head = (
        f"INSERT INTO {quote(meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(str(field.column)) for field in fields)}) VALUES "
    )
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    ids: list[int] = []
    memo: dict[tuple[str, Any], Any] = {}
    chunk = max(1, min(_INSERT_ROWS, 30000 // max(1, len(fields))))
    with connection.cursor() as cursor:
        for first in range(0, len(rows), chunk):
            part = rows[first : first + chunk]
            params: list[Any] = []
            for row in part:
                params.extend(_converted(row, converters, memo))
            sql = head + ", ".join([placeholder] * len(part))
            if returning:
                sql += f" RETURNING {quote(str(meta.pk.column))}"
            cursor.execute(sql, params)
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _rows_copy(
    meta: Options[Any],
    fields: list[models.Field[Any, Any]],
    converters: Sequence[tuple[int, models.Field[Any, Any]]],
    rows: Sequence[tuple[Any, ...]],
    *,
    returning: bool,
) -> list[int]:
    """PostgreSQL: the rows through one COPY, its values converted by the driver's C code
    (an INSERT's parameters are quoted into the SQL in Python: a fifth of the import's
    time went there). In the binary format: texts go as they are, neither escaped by
    the driver nor parsed by the server. COPY returns nothing, so new ids are drawn
    from the table's sequence first and written with the rows."""
    quote = connection.ops.quote_name
    columns = [str(field.column) for field in fields]
    types = [_type_name(field) for field in fields]
    ids: list[int] = []
    with connection.cursor() as cursor:
        if returning:
            pk = str(meta.pk.column)
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [quote(meta.db_table), pk, len(rows)],
            )
            ids = sorted(row[0] for row in cursor.fetchall())
            columns.insert(0, pk)
            types.insert(0, _type_name(meta.pk))
        memo: dict[tuple[str, Any], Any] = {}
        statement = (
            f"COPY {quote(meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
            "FROM STDIN (FORMAT BINARY)"
        )
        # Django's error classes, as for its own queries (the import retries on them).
        with (
            connection.wrap_database_errors,
            _logged(cursor, statement),
            cursor.cursor.copy(statement) as copy,
        ):
            copy.set_types(types)
            for number, row in enumerate(rows):
                values = _converted(row, converters, memo)
                copy.write_row([ids[number], *values] if returning else values)
    return ids


def _type_name(field: models.Field[Any, Any]) -> str:
    """The column's type as the driver names it: "varchar(300)" is a "varchar"."""
    return str(field.db_type(connection)).partition("(")[0]


def _logged(cursor: Any, statement: str) -> AbstractContextManager[None]:
    """Django does not see a COPY: where it logs its queries (DEBUG, tests counting them),
    the COPY is logged as one of them, so that statement counts include it."""
    if isinstance(cursor, CursorDebugWrapper):
        return cursor.debug_sql(statement)
    return nullcontext()


def _converted(
    row: tuple[Any, ...],
    converters: Sequence[tuple[int, models.Field[Any, Any]]],
    memo: dict[tuple[str, Any], Any],
) -> list[Any]:
    values = list(row)
    for i, field in converters:
        values[i] = _prepared(field, values[i], memo)
    return values


def _prepared(field: models.Field[Any, Any], value: Any, memo: dict[tuple[str, Any], Any]) -> Any:
    """The database value, converted once per distinct date (a batch shares a few)."""
    if isinstance(value, datetime.date):
        key = (field.attname, value)
        if key not in memo:
            memo[key] = field.get_db_prep_save(value, connection)
        return memo[key]
    return field.get_db_prep_save(value, connection)
