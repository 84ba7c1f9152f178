"""Loading a large PostgreSQL table fast, as a bulk load does: its secondary indexes and
foreign keys are dropped before the rows go in and made again after, which is several
times faster than growing them row by row (and checking every row's key on its own)."""

from psycopg import Connection, sql

# A table's indexes other than those behind constraints (primary key, unique ones).
_SECONDARY_INDEXES = """
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.tablename = %s
AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexname::regclass)
"""
_FOREIGN_KEYS = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = %s::regclass AND contype = 'f'
"""
# Index builds sort in memory up to this much (PostgreSQL's default is 64 MB).
INDEX_BUILD_MEMORY = "1GB"


def secondary_indexes_drop(connection: Connection, *, table: str) -> list[str]:
    """Drop the table's secondary indexes; the statements that make them again."""
    indexes = connection.execute(_SECONDARY_INDEXES, [table]).fetchall()
    for name, _definition in indexes:
        connection.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    return [definition for _name, definition in indexes]


def foreign_keys_drop(connection: Connection, *, table: str) -> list[str]:
    """Drop the table's foreign keys; the statements that add (and check) them again."""
    statements = []
    for name, definition in connection.execute(_FOREIGN_KEYS, [table]).fetchall():
        connection.execute(
            sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                sql.Identifier(table), sql.Identifier(name)
            )
        )
        statements.append(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}")
            .format(sql.Identifier(table), sql.Identifier(name), sql.SQL(definition))
            .as_string(connection)
        )
    return statements


def rebuild(connection: Connection, statements: list[str]) -> None:
    """Run the statements that make indexes and constraints again, with memory to sort."""
    connection.execute(f"SET maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
    for statement in statements:
        connection.execute(statement)
