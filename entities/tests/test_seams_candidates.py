"""Issue 14, items 11 and 12: accepting a candidate as a new entity when that entity exists
links it (never a 500); parallel accepts end in one entity and clear answers."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from entities.models import Entity, EntityCandidate, Mention
from entities.services import candidate_accept_alias, candidate_accept_new
from ingest.pipeline import files_import
from newsdesk.tests.races import HTMX, editors_make, post_at_once


def test_accepting_a_new_entity_that_exists_links_the_existing_one(
    client: Client, editor: User
) -> None:
    existing = Entity.objects.create(name="Nigar Hasanova", kind=Entity.Kind.PERSON)
    candidate = EntityCandidate.objects.create(name="NIGAR HASANOVA", kind=Entity.Kind.PERSON)
    client.force_login(editor)
    response = client.post(
        reverse("entities:candidate_decide", args=[candidate.pk]), {"decision": "new"}, headers=HTMX
    )
    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.status == EntityCandidate.Status.ACCEPTED
    assert candidate.entity == existing
    assert Entity.objects.count() == 1


def test_the_service_links_an_existing_entity_too(editor: User) -> None:
    existing = Entity.objects.create(name="Nigar Hasanova", kind=Entity.Kind.PERSON)
    candidate = EntityCandidate.objects.create(name="Nigar Hasanova", kind=Entity.Kind.PERSON)
    assert candidate_accept_new(candidate=candidate, user=editor) == existing


def test_an_alias_that_differs_only_in_case_is_not_a_500(editor: User) -> None:
    entity = Entity.objects.create(name="Ilham Aliyev", kind=Entity.Kind.PERSON)
    entity.aliases.create(name="Alijew")
    candidate = EntityCandidate.objects.create(name="ALIJEW", kind=Entity.Kind.PERSON)
    assert candidate_accept_alias(candidate=candidate, entity=entity, user=editor) == entity
    assert entity.aliases.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_accepts_as_new_entity_make_one_entity(roles: None) -> None:
    users = editors_make(6)
    candidate = EntityCandidate.objects.create(name="Nigar Hasanova", kind=Entity.Kind.PERSON)
    url = reverse("entities:candidate_decide", args=[candidate.pk])
    statuses = post_at_once(users, url, {"decision": "new"})
    assert set(statuses) <= {200, 409}, statuses
    assert 200 in statuses
    assert Entity.objects.filter(name="Nigar Hasanova").count() == 1
    candidate.refresh_from_db()
    assert candidate.status == EntityCandidate.Status.ACCEPTED


def test_accepting_alijew_as_an_alias_links_ilham_alijew_and_proposes_no_ilham(
    editor: User, seeds_dir, django_capture_on_commit_callbacks
) -> None:
    """Issue 14 item 19: seed 004 says "Präsident Ilham Alijew"."""
    with django_capture_on_commit_callbacks(execute=True):
        list(files_import([seeds_dir], max_bytes=10**7))
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    candidate, _ = EntityCandidate.objects.get_or_create(
        name="Alijew", defaults={"kind": Entity.Kind.PERSON}
    )
    with django_capture_on_commit_callbacks(execute=True):
        candidate_accept_alias(candidate=candidate, entity=aliyev, user=editor)
    assert list(
        Mention.objects.filter(surface__contains="Alijew").values_list("surface", "entity")
    ) == [("Ilham Alijew", aliyev.pk)]
    assert not EntityCandidate.objects.filter(
        name__icontains="Ilham", status=EntityCandidate.Status.OPEN
    ).exists()
