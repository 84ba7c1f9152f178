"""Django admin for entities: merge with undo, aliases, re-detection."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.http import HttpResponse
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


def _alias_added(client: Client, entity: Entity, name: str) -> HttpResponse:
    """Save the entity's admin form with its aliases and one more, `name`."""
    aliases = list(entity.aliases.all())
    data = {
        "name": entity.name,
        "kind": entity.kind,
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
            f"aliases-{index}-entity": str(entity.pk),
            f"aliases-{index}-name": alias.name,
            f"aliases-{index}-kind": alias.kind,
        }
    new = len(aliases)
    data |= {
        f"aliases-{new}-entity": str(entity.pk),
        f"aliases-{new}-name": name,
        f"aliases-{new}-kind": "variant",
    }
    url = reverse("admin:entities_entity_change", args=[entity.pk])
    response: HttpResponse = client.post(url, data, follow=True)
    assert response.redirect_chain, response.content.decode()[:2000]
    return response


def test_an_alias_added_in_admin_is_matched_from_then_on(admin_client_: Client) -> None:
    article = Article.objects.create(
        title="t", origin="a.txt", body="Präsident Alijew kam.", content_hash="a"
    )
    mentions_detect(articles=[article])  # loads the seed gazetteer
    response = _alias_added(admin_client_, Entity.objects.get(name="Ilham Aliyev"), "Alijew")
    # Saving re-detected the articles containing the new alias, and said what it did.
    assert Mention.objects.get(surface="Alijew").method == "alias"
    assert "1 articles: 1 mentions added" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_admin_redetection_is_queued_not_run_in_the_request(
    admin_client_: Client, settings: Any
) -> None:
    """A common alias or entity may be in thousands of articles: where a worker runs, the
    admin's save and its "detect again" action queue the work and say so."""
    article = Article.objects.create(
        title="t", origin="a.txt", body="Präsident Heydarowitsch traf Putin.", content_hash="a"
    )
    mentions_detect(articles=[article])
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    background = "detected again in the background"

    response = _alias_added(admin_client_, Entity.objects.get(name="Ilham Aliyev"), "Heydarowitsch")
    assert background in response.content.decode()
    assert not Mention.objects.filter(entity__name="Ilham Aliyev").exists()

    putin = Entity.objects.get(name="Wladimir Putin")
    Article.objects.filter(pk=article.pk).update(body="Präsident Heydarowitsch traf Putin. Putin.")
    response = admin_client_.post(
        reverse("admin:entities_entity_changelist"),
        {"action": "detect_again", "_selected_action": [putin.pk]},
        follow=True,
    )
    assert background in response.content.decode()
    assert Mention.objects.filter(entity=putin).count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert Mention.objects.get(entity__name="Ilham Aliyev").method == "alias"
    assert Mention.objects.filter(entity=putin).count() == 2


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
