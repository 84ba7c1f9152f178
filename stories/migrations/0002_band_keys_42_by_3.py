"""The near-duplicate band keys of every indexed article, recomputed for the new layout:
42 bands of 3 rows (were 32 of 4) and CRC-32 shingle hashes (were SHA-1); see
NEAR_DUPLICATE_LSH_BANDS in settings. Old and new keys never match, so without this an
article indexed before would no longer be found.

It computes with the current `newstext.shingles` and settings, which is the point: the
keys must match those the running code writes. Articles never indexed stay so
(`index_near_duplicates --missing` picks them up). The stored pairs stay: their scores
are exact and do not depend on the keys; pairs the old layout missed are found when an
article is indexed again, or for all at once by `manage.py index_near_duplicates`.
About 2 ms per article (100,000 articles: three to four minutes). Backward, the keys and
pairs are deleted (an article with pairs always has keys): the older code's
`index_near_duplicates --missing` writes its own.
"""

import itertools

from django.conf import settings
from django.db import migrations

from newstext.shingles import band_keys, minhash, shingles

CHUNK = 500


def band_keys_rebuild(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArticleBand = apps.get_model("stories", "ArticleBand")
    database = schema_editor.connection.alias
    bands, rows = settings.NEAR_DUPLICATE_LSH_BANDS, settings.NEAR_DUPLICATE_LSH_ROWS
    indexed = list(
        ArticleBand.objects.using(database)
        .order_by("article_id")
        .values_list("article_id", flat=True)
        .distinct()
    )
    ArticleBand.objects.using(database).all().delete()
    for ids in itertools.batched(indexed, CHUNK):
        bodies = Article.objects.using(database).filter(pk__in=ids).values_list("pk", "body")
        ArticleBand.objects.using(database).bulk_create(
            ArticleBand(article_id=pk, band=band, key=key)
            for pk, body in bodies
            for band, key in enumerate(
                band_keys(minhash(shingles(body)), bands=bands, rows=rows)
            )
        )


def band_keys_delete(apps, schema_editor):
    database = schema_editor.connection.alias
    apps.get_model("stories", "NearDuplicate").objects.using(database).all().delete()
    apps.get_model("stories", "ArticleBand").objects.using(database).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_near_duplicates_and_stories"),
    ]

    operations = [
        migrations.RunPython(band_keys_rebuild, band_keys_delete, elidable=False),
    ]
