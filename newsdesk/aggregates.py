"""Database aggregates Django does not ship for every backend we run on, and the
subquery that brings an aggregate of related rows along with each row."""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, JSONField, QuerySet, Subquery
from django.db.models.sql.compiler import SQLCompiler


class JSONList(Aggregate):
    """The aggregated values as one JSON list (NULL, not `[]`, over no rows), in no
    particular order: `JSON_GROUP_ARRAY` on SQLite, `JSONB_AGG` on PostgreSQL (Django reads
    `jsonb` as text and decodes it; psycopg would decode `json` itself).

    As a subquery it brings a row's related values along with the row (`Subquery` of
    `.values(owner).annotate(...)`), where `prefetch_related` would cost a second query.
    """

    function = "JSON_GROUP_ARRAY"
    name = "JSONList"
    output_field = JSONField()

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, Any]:
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def per_outer_row(rows: QuerySet[Any], group: str, aggregate: Aggregate) -> Subquery:
    """`aggregate` over the `rows` of the outer query's row, as one value of that row:
    the caller filters `rows` by an `OuterRef`, `group` names the field it filters on
    (the subquery groups by it, so the outer query is not grouped)."""
    return Subquery(rows.order_by().values(group).annotate(value=aggregate).values("value"))
