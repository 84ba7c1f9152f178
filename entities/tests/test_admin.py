"""Django admin for entities: merge with undo, aliases, re-detection."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from entities.models import Entity, EntityAlias, EntityMerge, Mention
from entities.services import mentions_detect

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(admin_user: User) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(admin_user)
    return client


def test_merge_action_and_undo(admin_client_: Client) -> None:
    article = Article.objects.create(
        title="t", origin="a.txt", body="Putin und W. Putin.", content_hash="a"
    )
    kept = Entity.objects.create(name="Wladimir Putin", kind="PER")
    EntityAlias.objects.create(entity=kept, name="Putin")
    other = Entity.objects.create(name="W. Putin", kind="PER")
    mentions_detect(articles=[article])
    assert Mention.objects.filter(entity=other).count() == 1

    response = admin_client_.post(
        reverse("admin:entities_entity_changelist"),
        {"action": "merge_entities", "_selected_action": [kept.pk, other.pk]},
        follow=True,
    )
    assert "Merged W. Putin into Wladimir Putin" in response.content.decode()
    assert set(Mention.objects.values_list("entity__name", flat=True)) == {"Wladimir Putin"}
    merge = EntityMerge.objects.get()

    response = admin_client_.post(
        reverse("admin:entities_entitymerge_changelist"),
        {"action": "undo_merges", "_selected_action": [merge.pk]},
        follow=True,
    )
    assert "Restored W. Putin." in response.content.decode()
    assert Mention.objects.filter(entity__name="W. Putin").count() == 1
    assert EntityMerge.objects.get().undone_at is not None


def test_editors_cannot_merge_or_undo(editor: User) -> None:
    kept = Entity.objects.create(name="Wladimir Putin", kind="PER")
    other = Entity.objects.create(name="W. Putin", kind="PER")
    client = Client()
    client.force_login(editor)
    for url, data in [
        (
            reverse("admin:entities_entity_changelist"),
            {"action": "merge_entities", "_selected_action": [kept.pk, other.pk]},
        ),
        (reverse("admin:entities_entitymerge_changelist"), {"action": "undo_merges"}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert Entity.objects.count() == 2
    assert not EntityMerge.objects.exists()


def test_merging_needs_two_entities(admin_client_: Client) -> None:
    entity = Entity.objects.create(name="Baku", kind="LOC")
    response = admin_client_.post(
        reverse("admin:entities_entity_changelist"),
        {"action": "merge_entities", "_selected_action": [entity.pk]},
        follow=True,
    )
    assert "Select at least two entities" in response.content.decode()


def test_an_alias_added_in_admin_is_matched_from_then_on(admin_client_: Client) -> None:
    article = Article.objects.create(
        title="t", origin="a.txt", body="Präsident Alijew kam.", content_hash="a"
    )
    mentions_detect(articles=[article])  # loads the seed gazetteer
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    aliases = list(aliyev.aliases.all())
    data = {
        "name": aliyev.name,
        "kind": aliyev.kind,
        "external_id": "",
        "notes": "",
        "aliases-TOTAL_FORMS": str(len(aliases) + 1),
        "aliases-INITIAL_FORMS": str(len(aliases)),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for index, alias in enumerate(aliases):
        data |= {
            f"aliases-{index}-id": str(alias.pk),
            f"aliases-{index}-entity": str(aliyev.pk),
            f"aliases-{index}-name": alias.name,
            f"aliases-{index}-kind": alias.kind,
        }
    new = len(aliases)
    data |= {
        f"aliases-{new}-entity": str(aliyev.pk),
        f"aliases-{new}-name": "Alijew",
        f"aliases-{new}-kind": "variant",
    }
    response = admin_client_.post(reverse("admin:entities_entity_change", args=[aliyev.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    # Saving re-detected the articles containing the new alias.
    assert Mention.objects.get(surface="Alijew").method == "alias"


def test_detect_again_action(admin_client_: Client) -> None:
    article = Article.objects.create(title="t", origin="a.txt", body="Putin.", content_hash="a")
    mentions_detect(articles=[article])
    Mention.objects.all().delete()
    putin = Entity.objects.get(name="Wladimir Putin")
    Mention.objects.create(article=article, entity=putin, start=0, end=5, surface="Putin")
    Article.objects.filter(pk=article.pk).update(body="Putin und Putin.")
    admin_client_.post(
        reverse("admin:entities_entity_changelist"),
        {"action": "detect_again", "_selected_action": [putin.pk]},
    )
    assert Mention.objects.filter(entity=putin).count() == 2


def test_candidate_and_merge_admin_pages_render(admin_client_: Client) -> None:
    for name in ["entitycandidate", "entitymerge", "mention", "entity"]:
        response = admin_client_.get(reverse(f"admin:entities_{name}_changelist"))
        assert response.status_code == 200
