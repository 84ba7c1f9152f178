"""Objects the import and the gazetteer create in bulk still have their "created" entry."""

import pytest

from articles.models import Source
from entities.models import Entity, EntityAlias
from entities.services import gazetteer_seed_ensure
from ingest.pipeline import files_import


@pytest.mark.django_db
def test_sources_created_by_an_import_have_their_creation_recorded(seeds_dir):
    list(files_import([seeds_dir], max_bytes=10**7))
    sources = list(Source.objects.all())
    assert sources
    for source in sources:
        first = source.history.order_by("history_date", "history_id").first()
        assert first is not None, source.name
        assert first.history_type == "+"
        assert first.history_user is None
        assert first.history_change_reason == "Imported"
        assert first.name == source.name


@pytest.mark.django_db
def test_the_seed_gazetteer_is_recorded_entity_by_entity_and_alias_by_alias():
    Entity.objects.all().delete()
    assert gazetteer_seed_ensure() > 0
    for model in (Entity, EntityAlias):
        recorded = set(
            model.history.filter(history_type="+").values_list("id", flat=True)  # type: ignore[attr-defined]
        )
        assert recorded == set(model.objects.values_list("pk", flat=True))
