"""PostgreSQL only: the stored full-text search vector of articles and its GIN index, and
an index in the order of the article list.

Django has no field for it on purpose: the app also runs on SQLite, which has no
tsvector type, so the column lives outside the model state and `articles/search.py`
reads it by name. PostgreSQL computes a stored generated column on every INSERT and
UPDATE of the row, so imports (bulk_create, bulk_update) keep it current without knowing
it exists.

The body is cut at 250,000 characters before parsing: a tsvector holds at most 1 MB, and
a body of distinct words longer than that would make the import of that article fail.
News texts are a few thousand characters; positions beyond 16,383 are not kept anyway.
"""

from django.db import migrations

# STORAGE MAIN keeps the vector (about as large as the body) compressed in the row
# instead of in the TOAST table: checking a row against a query then reads one heap page
# instead of a TOAST index and two chunks, 2.5-4 times faster at 100,000 articles (see
# docs/benchmarks.md). In one ALTER TABLE, so that the rewrite already stores it so.
SEARCH_VECTOR_ADD = """
ALTER TABLE articles_article
ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('german'::regconfig, left(body, 250000)), 'B')
) STORED,
ALTER COLUMN search_vector SET STORAGE MAIN
"""
SEARCH_INDEX_ADD = (
    "CREATE INDEX article_search_vector_gin ON articles_article USING gin (search_vector)"
)
# The list's order (Meta.ordering). It lets PostgreSQL read the newest articles, and the
# newest matches of a search, from the index instead of sorting the table. SQLite cannot
# have NULLS LAST in an index, and there its default DESC order puts NULLs last anyway.
NEWEST_INDEX_ADD = (
    "CREATE INDEX article_newest_first ON articles_article "
    "(published_on DESC NULLS LAST, origin)"
)
NEWEST_INDEX_DROP = "DROP INDEX IF EXISTS article_newest_first"
SEARCH_INDEX_DROP = "DROP INDEX IF EXISTS article_search_vector_gin"
SEARCH_VECTOR_DROP = "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector"


def search_vector_add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_VECTOR_ADD)
        schema_editor.execute(SEARCH_INDEX_ADD)
        schema_editor.execute(NEWEST_INDEX_ADD)


def search_vector_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NEWEST_INDEX_DROP)
        schema_editor.execute(SEARCH_INDEX_DROP)
        schema_editor.execute(SEARCH_VECTOR_DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_annotation_status"),
    ]

    operations = [
        migrations.RunPython(search_vector_add, search_vector_drop, elidable=False),
    ]
