"""Decisions on candidates (accept as alias or as a new entity, reject) and merges of
entities: what they teach detection, and undoing a merge."""

import pytest
from django.contrib.auth.models import User

from entities.merging import entity_merge, entity_merge_undo
from entities.models import CandidateOccurrence, Entity, EntityAlias, EntityCandidate, EntityMerge
from entities.services import (
    candidate_accept_alias,
    candidate_accept_new,
    candidate_reject,
    mentions_detect,
)
from entities.tests.support import article, mentions_of

pytestmark = pytest.mark.django_db


def test_accepting_as_alias_teaches_the_gazetteer(editor: User) -> None:
    item = article("Präsident Ilham Alijew traf die Delegation. Alijew sprach.")
    other = article("Alijew sagte nichts.", "b.txt")
    untouched = article("Nichts.", "c.txt")
    mentions_detect(articles=[item, other, untouched])
    candidate = EntityCandidate.objects.get(name="Alijew")
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    candidate_accept_alias(candidate=candidate, entity=aliyev, user=editor)
    assert aliyev.aliases.filter(name="Alijew").exists()
    assert mentions_of(other) == [("Alijew", "Ilham Aliyev", "alias")]
    candidate.refresh_from_db()
    assert (candidate.status, candidate.decided_by) == ("accepted", editor)


def test_accepting_as_new_entity(editor: User) -> None:
    item = article("sei Ivan Kovgan, Chef der Nordflotte.")
    mentions_detect(articles=[item])
    candidate = EntityCandidate.objects.get(name="Ivan Kovgan")
    entity = candidate_accept_new(candidate=candidate, user=editor)
    assert (entity.name, entity.kind) == ("Ivan Kovgan", "PER")
    assert ("Ivan Kovgan", "Ivan Kovgan", "alias") in mentions_of(item)
    assert not CandidateOccurrence.objects.filter(candidate=candidate).exists()


def test_rejected_names_are_never_proposed_again(editor: User) -> None:
    item = article("sei Ivan Kovgan, Chef.")
    mentions_detect(articles=[item])
    candidate = EntityCandidate.objects.get(name="Ivan Kovgan")
    candidate_reject(candidate=candidate, user=editor)
    later = article("Auch Ivan Kovgan kam.", "b.txt")
    mentions_detect(articles=[item, later])
    assert not CandidateOccurrence.objects.exists()
    assert EntityCandidate.objects.get().status == "rejected"


def test_rejecting_a_fuzzy_proposal_removes_its_mentions(editor: User) -> None:
    item = article("Präsident Ilham Alijew kam.")
    mentions_detect(articles=[item])
    candidate_reject(candidate=EntityCandidate.objects.get(name="Alijew"), user=editor)
    assert mentions_of(item) == []


def test_merge_moves_mentions_and_aliases_and_can_be_undone(admin_user: User) -> None:
    item = article("Putin und Präsident Wladimir Putin.")
    kept = Entity.objects.create(name="Wladimir Putin", kind="PER")
    merged = Entity.objects.create(name="W. Putin", kind="PER")
    EntityAlias.objects.create(entity=merged, name="Putin")
    mentions_detect(articles=[item])
    assert mentions_of(item) == [
        ("Putin", "W. Putin", "alias"),
        ("Wladimir Putin", "Wladimir Putin", "alias"),
    ]
    record = entity_merge(kept=kept, merged=merged, user=admin_user)
    assert not Entity.objects.filter(name="W. Putin").exists()
    assert set(kept.aliases.values_list("name", flat=True)) == {"W. Putin", "Putin"}
    assert [m[1] for m in mentions_of(item)] == ["Wladimir Putin", "Wladimir Putin"]

    restored = entity_merge_undo(merge=EntityMerge.objects.get(pk=record.pk))
    assert restored.name == "W. Putin"
    assert list(restored.aliases.values_list("name", flat=True)) == ["Putin"]
    assert not kept.aliases.exists()
    assert [m[1] for m in mentions_of(item)] == ["W. Putin", "Wladimir Putin"]
    with pytest.raises(ValueError, match="already undone"):
        entity_merge_undo(merge=EntityMerge.objects.get(pk=record.pk))
