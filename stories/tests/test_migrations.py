import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from newstext.shingles import band_keys, minhash, shingles
from stories.models import ArticleBand, NearDuplicate

layout_0002 = importlib.import_module("stories.migrations.0002_band_keys_42_by_3")


def test_0002_rewrites_the_keys_of_indexed_articles_only(seeded, settings):
    ArticleBand.objects.filter(article=seeded["004"]).delete()  # never indexed
    ArticleBand.objects.update(key=0)  # stands for keys of the former layout

    layout_0002.band_keys_rebuild(apps, SimpleNamespace(connection=connection))

    assert not ArticleBand.objects.filter(article=seeded["004"]).exists()
    for name in ("000", "001", "002", "003"):
        article = seeded[name]
        stored = ArticleBand.objects.filter(article=article).order_by("band")
        assert list(stored.values_list("key", flat=True)) == band_keys(
            minhash(shingles(article.body)),
            bands=settings.NEAR_DUPLICATE_LSH_BANDS,
            rows=settings.NEAR_DUPLICATE_LSH_ROWS,
        )


def test_0002_backward_deletes_keys_and_pairs(seeded):
    layout_0002.band_keys_delete(apps, SimpleNamespace(connection=connection))
    assert not ArticleBand.objects.exists()
    assert not NearDuplicate.objects.exists()
