"""PostgreSQL only: the search vector becomes a plain column that a trigger fills, and that
the import leaves to a background task (`articles.search.search_vectors_update_task`).

Computing the vector took the import about 0.85 ms per article inside INSERT, a third of
its time (docs/benchmarks.md). Now the trigger computes it on every INSERT and on every
UPDATE of the title or body (the admin, the ORM, tests: the column is always current),
except in a transaction that set `newsdesk.search_vector_deferred` to `on`: the import
does so for each batch and queues one set-based UPDATE of the batch's vectors instead.

The GIN index and the storage (MAIN) are as in 0003. Backward, the generated column of
0003 comes back. SQLite has no search vector: nothing to do.
"""

from django.db import migrations

# As in 0003: title weight A, body weight B, the body cut at 250,000 characters.
VECTOR = """
    setweight(to_tsvector('german'::regconfig, coalesce({row}title, '')), 'A')
    || setweight(to_tsvector('german'::regconfig, left({row}body, 250000)), 'B')
"""

FORWARD = [
    "DROP INDEX IF EXISTS article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN search_vector",
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector, "
    "ALTER COLUMN search_vector SET STORAGE MAIN",
    f"UPDATE articles_article SET search_vector = {VECTOR.format(row='')}",
    f"""
    CREATE FUNCTION articles_article_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF coalesce(current_setting('newsdesk.search_vector_deferred', true), '') <> 'on' THEN
            NEW.search_vector := {VECTOR.format(row="NEW.")};
        END IF;
        RETURN NEW;
    END
    $$
    """,
    "CREATE TRIGGER article_search_vector BEFORE INSERT OR UPDATE OF title, body "
    "ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector()",
    "CREATE INDEX article_search_vector_gin ON articles_article USING gin (search_vector)",
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS article_search_vector ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_vector()",
    "DROP INDEX IF EXISTS article_search_vector_gin",
    "ALTER TABLE articles_article DROP COLUMN search_vector",
    f"ALTER TABLE articles_article ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR.format(row='')}) STORED, "
    "ALTER COLUMN search_vector SET STORAGE MAIN",
    "CREATE INDEX article_search_vector_gin ON articles_article USING gin (search_vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_history"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
    ]
