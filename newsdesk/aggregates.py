"""Database aggregates Django does not ship for every backend we run on."""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, JSONField
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
