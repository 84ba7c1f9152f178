"""Issue 14 item 26: the entity search finds an entity by a name it is linked under."""

import pytest
from django.urls import reverse

from entities.models import Entity, EntityCandidate
from entities.services import candidate_accept_alias
from ingest.pipeline import files_import

EN = {"Accept-Language": "en"}


def found(client, query: str) -> str:
    return client.get(reverse("entities:list"), {"q": query}, headers=EN).content.decode()


@pytest.mark.parametrize("query", ["Alijew", "alijew", "Ilham Alijew"])
def test_an_entity_is_found_by_the_spelling_its_mentions_were_linked_under(
    client, editor, seeds_dir, django_capture_on_commit_callbacks, query
):
    """Seed 004 spells "Ilham Alijew"; the recogniser links it (fuzzily) to Ilham Aliyev."""
    with django_capture_on_commit_callbacks(execute=True):
        list(files_import([seeds_dir], max_bytes=10**7))
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    client.force_login(editor)
    assert reverse("entities:detail", args=[aliyev.pk]) in found(client, query)


def test_an_entity_is_found_by_name_and_alias_words_together(client, editor):
    entity = Entity.objects.create(name="Ilham Aliyev", kind=Entity.Kind.PERSON)
    candidate = EntityCandidate.objects.create(name="Alijew", kind=Entity.Kind.PERSON)
    candidate_accept_alias(candidate=candidate, entity=entity, user=editor)
    client.force_login(editor)
    assert reverse("entities:detail", args=[entity.pk]) in found(client, "ilham alijew")
    assert reverse("entities:detail", args=[entity.pk]) not in found(client, "ilham putin")
