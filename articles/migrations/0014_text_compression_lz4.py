"""PostgreSQL only: the article texts are compressed with LZ4 instead of pglz.

Every article stores three texts of about 3 KB (the body, and the revision's body and
decoded input), each over the size at which PostgreSQL compresses a value. With LZ4 the
server spends over a third less CPU time on an import (docs/benchmarks.md, "Import
speed"). Only values written from now on are compressed with LZ4: stored rows are read
as they are, nothing is rewritten. A server built without LZ4 (or older than
PostgreSQL 14) keeps pglz. Backward, new values are compressed with pglz again. SQLite:
nothing to do.
"""

from django.db import migrations

COLUMNS = [
    ("articles_article", "body"),
    ("articles_articlerevision", "body"),
    ("articles_articlerevision", "raw_text"),
]


def _compression(method):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, column in COLUMNS:
            schema_editor.execute(
                f"DO $$ BEGIN EXECUTE 'ALTER TABLE {table} ALTER COLUMN {column} "
                f"SET COMPRESSION {method}'; "
                "EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL; END $$"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_source_name_key_unique")]

    operations = [
        migrations.RunPython(_compression("lz4"), _compression("pglz"), elidable=False),
    ]
