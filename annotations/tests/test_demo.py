"""The demo annotation fixture stays valid: every quote is found in the imported seeds."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from annotations.demo import DemoFixtureError, demo_annotations_load, demo_annotations_read
from annotations.models import Annotation
from articles.models import Article
from ingest.demo import demo_labels_ensure
from ingest.pipeline import files_import

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo_annotations.json"


@pytest.fixture
def seeded(db, seeds_dir):
    list(files_import([seeds_dir], max_bytes=10**7))
    demo_labels_ensure()


def test_every_demo_annotation_is_placed_on_its_quote(seeded, editor):
    entries = demo_annotations_read(FIXTURE)
    assert len(entries) >= 12
    report = demo_annotations_load(FIXTURE, author=editor)
    assert report.created == len(entries)
    assert report.skipped == []
    for annotation in Annotation.objects.select_related("article"):
        assert annotation.article.body[annotation.start : annotation.end] == annotation.exact
    assert Annotation.objects.filter(sources__name="Kreml").count() >= 5
    assert Annotation.objects.values("article").distinct().count() == 5


def test_loading_twice_adds_nothing(seeded, editor):
    demo_annotations_load(FIXTURE, author=editor)
    assert demo_annotations_load(FIXTURE, author=editor).created == 0


def test_a_quote_missing_from_its_article_is_a_clear_error(seeded, editor, tmp_path):
    broken = tmp_path / "demo.json"
    broken.write_text(
        '{"annotations": [{"article": "002_e97f530385a949cd.txt", "label": "Zahl",'
        ' "quote": "99 Menschen", "sources": [], "note": ""}]}'
    )
    with pytest.raises(
        DemoFixtureError,
        match=re.escape("002_e97f530385a949cd.txt: quote not found: '99 Menschen'"),
    ):
        demo_annotations_load(broken, author=editor)
    assert not Annotation.objects.exists()
    assert Article.objects.count() == 5
