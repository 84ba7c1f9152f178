"""The indexes of the articles table, as the migrations leave them on each database.

Every index costs every import (docs/benchmarks.md, "Import speed"): the table has the
ones its queries use and no more. Django's `varchar_pattern_ops` twins of `origin` and
`annotation_status` (for LIKE 'prefix%', which nothing runs) must not come back.
"""

from django.db import connection

POSTGRESQL = connection.vendor == "postgresql"


def indexes(table: str) -> dict[str, tuple[list[str], list[str], bool]]:
    """Every index of `table` but its primary key (unique constraints included) by name:
    its columns, their orders where the database reports them, and whether it is unique."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        name: (found["columns"], found.get("orders") or [], found["unique"])
        for name, found in constraints.items()
        if (found["index"] or found["unique"]) and not found["primary_key"]
    }


def test_articles_table_has_the_indexes_its_queries_use(db):
    expected = {
        "article_origin_unique": (["origin"], [], True),
        "article_annotation_status": (["annotation_status"], ["ASC"], False),
        # The oldest-first sort of the list (and both orders on SQLite).
        "articles_ar_publish_b0cb57_idx": (["published_on", "origin"], ["ASC", "ASC"], False),
        "articles_article_publisher_id_95fc2d71": (["publisher_id"], ["ASC"], False),
    }
    if POSTGRESQL:
        expected |= {
            # The list's default order and search's newest matches (migration 0003).
            "article_newest_first": (["published_on", "origin"], ["DESC", "ASC"], False),
            "article_search_vector_gin": (["search_vector"], [], False),
        }
    assert indexes("articles_article") == expected
