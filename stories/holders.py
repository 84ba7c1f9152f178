"""The newest articles holding each of some keys, read by a bounded walk down an index.

Near-duplicate indexing reads the newest holders of band keys (`ArticleBand`, index on
key and article), story grouping the newest articles mentioning entities (`Mention`,
index on entity and article). Both must cost the same for a key a thousand articles hold
as for one ten hold, so neither reads all holders of a key.

A key's holders are read newest first, one step down the (key, article) index at a time,
and at most `limit` steps. Each step is the largest article below the previous one, which
both databases answer with one descent of the index; an article holding a key several
times (an entity mentioned twice) is one step. Written out: the ORM has no recursive
query, and a window function ranking the holders, which it can express, reads every
holder of a key first; a LIMIT per key in a sub-select each takes PostgreSQL milliseconds
to plan for 42 keys, and a lateral join SQLite lacks.
"""

from collections.abc import Sequence

from django.db import connection, models

# Keys per query: with more (a chunk of 200 articles being rebuilt has 8,400 band keys),
# PostgreSQL estimates the query costly enough to compile it (JIT), which takes longer than
# running it.
HOLDER_QUERY_KEYS = 1_000


def newest_holders(
    *,
    model: type[models.Model],
    key: str,
    keys: Sequence[int],
    limit: int,
    unless: tuple[str, str] | None = None,
) -> dict[int, list[int]]:
    """The newest `limit` articles holding each of these keys (those held), newest first.

    `model` has the fields `key` and `article`, with an index on both in that order;
    `unless` (field, value): rows whose field has that value are not holdings.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    article, key_column = _column(model, "article"), _column(model, key)
    condition, condition_params = "", []
    if unless is not None:
        condition = f"{_column(model, unless[0])} <> %s AND "
        condition_params = [unless[1]]
    # Table and column names come from the model; keys and values are parameters.
    newest = f"SELECT MAX({article}) FROM {table} WHERE {condition}{key_column} ="  # noqa: S608
    holders: dict[int, list[int]] = {}
    with connection.cursor() as cursor:
        for first in range(0, len(keys), HOLDER_QUERY_KEYS):
            part = list(keys[first : first + HOLDER_QUERY_KEYS])
            values = ", ".join(["(CAST(%s AS BIGINT))"] * len(part))
            cursor.execute(
                "WITH RECURSIVE walk (held, holder, step) AS ("  # noqa: S608 - keys as parameters
                f" SELECT column1, ({newest} column1), 1 FROM (VALUES {values}) AS wanted"
                " UNION ALL"
                f" SELECT held, ({newest} held AND {article} < holder), step + 1 FROM walk"
                f" WHERE holder IS NOT NULL AND step < {int(limit)}"
                ") SELECT held, holder FROM walk WHERE holder IS NOT NULL",
                [*condition_params, *part, *condition_params],
            )
            for held, article_id in cursor.fetchall():
                holders.setdefault(held, []).append(article_id)
    for held in holders.values():
        held.sort(reverse=True)
    return holders


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return connection.ops.quote_name(str(field.column))
