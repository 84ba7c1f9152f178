"""History of sources and entities: admin edits recorded with the admin, deletions refused
while work depends on the object, deleted objects recovered with their aliases."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Label
from annotations.tests.support import annotate
from articles.models import Article, Source, SourceAlias
from entities.models import Entity, EntityAlias, Mention

pytestmark = pytest.mark.django_db

# The source form's inlines (aliases, and the feeds the ingest app adds), left empty.
NO_ALIASES = {
    f"{inline}-{field}": value
    for inline in ("aliases", "feeds")
    for field, value in [
        ("TOTAL_FORMS", "0"),
        ("INITIAL_FORMS", "0"),
        ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    ]
}


@pytest.fixture
def admin_client_(admin_user: User) -> Client:
    client = Client(headers={"accept-language": "en"})
    client.force_login(admin_user)
    return client


def source_form(source: Source, **changes: str) -> dict[str, str]:
    data = {
        "name": source.name,
        "kind": source.kind,
        "homepage": source.homepage,
        "notes": source.notes,
        **NO_ALIASES,
    }
    return {**data, **changes}


def test_source_edit_in_admin_is_recorded_with_the_admin(admin_client_: Client) -> None:
    source = Source.objects.create(name="Kreml", needs_review=True)
    url = reverse("admin:articles_source_change", args=[source.pk])
    response = admin_client_.post(url, source_form(source, kind="institution"))
    assert response.status_code == 302
    record = source.history.latest("history_date")
    assert (record.history_type, record.history_user.username, record.kind) == (
        "~",
        "ada",
        "institution",
    )
    history = admin_client_.get(reverse("admin:articles_source_history", args=[source.pk]))
    changes = " ".join(history.content.decode().split())
    assert "<strong>Kind:</strong> other &nbsp;&rarr;&nbsp;&nbsp;institution" in changes
    assert "<strong>Needs review:</strong> yes &nbsp;&rarr;&nbsp;&nbsp;no" in changes


def test_entity_edit_in_admin_is_recorded_and_shown_on_the_entity_page(
    admin_client_: Client, editor: User
) -> None:
    entity = Entity.objects.create(name="Wladimir Putin", kind="PER")
    url = reverse("admin:entities_entity_change", args=[entity.pk])
    data = {
        "name": entity.name,
        "kind": "PER",
        "external_id": "Q7747",
        "notes": "",
        **NO_ALIASES,
        "aliases-TOTAL_FORMS": "1",
        "aliases-0-name": "Putin",
        "aliases-0-kind": "variant",
    }
    assert admin_client_.post(url, data).status_code == 302
    record = entity.history.latest("history_date")
    assert (record.history_user.username, record.external_id) == ("ada", "Q7747")
    assert EntityAlias.history.get().history_user.username == "ada"

    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)
    html = client.get(reverse("entities:detail", args=[entity.pk])).content.decode()
    history = html[html.index('class="entity-history"') :]
    assert "<del>—</del></td><td><ins>Q7747</ins>" in history
    assert "alias “Putin”" in history
    assert history.count('class="history-entry"') == 3  # entity created, changed; alias added


def test_source_with_annotations_cannot_be_deleted(admin_client_: Client, admin_user: User) -> None:
    source = Source.objects.create(name="Kreml")
    article = Article.objects.create(title="t", origin="a.txt", body="Der Kreml.", content_hash="a")
    label = Label.objects.create(name="Zitat")
    annotate(article, admin_user, "Kreml", label=label, sources=[source.name])
    url = reverse("admin:articles_source_delete", args=[source.pk])
    response = admin_client_.post(url, {"post": "yes"})
    assert "annotations attributed to it (1)" in response.content.decode()
    assert Source.objects.filter(pk=source.pk).exists()
    changelist = reverse("admin:articles_source_changelist")
    admin_client_.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [source.pk], "post": "yes"},
    )
    assert Source.objects.filter(pk=source.pk).exists()


def test_entity_with_mentions_cannot_be_deleted(admin_client_: Client) -> None:
    entity = Entity.objects.create(name="Kreml", kind="ORG")
    article = Article.objects.create(title="t", origin="a.txt", body="Der Kreml.", content_hash="a")
    Mention.objects.create(article=article, entity=entity, start=4, end=9, surface="Kreml")
    url = reverse("admin:entities_entity_delete", args=[entity.pk])
    response = admin_client_.post(url, {"post": "yes"})
    assert "mentions (merge the entity instead) (1)" in response.content.decode()
    assert Entity.objects.filter(pk=entity.pk).exists()


def test_deleted_source_is_recovered_with_its_aliases(admin_client_: Client) -> None:
    source = Source.objects.create(name="Deutsche Presse-Agentur", kind="agency")
    SourceAlias.objects.create(source=source, name="DPA")
    pk = source.pk
    response = admin_client_.post(
        reverse("admin:articles_source_delete", args=[pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Source.objects.filter(pk=pk).exists()
    assert not SourceAlias.objects.exists()

    changelist = admin_client_.get(reverse("admin:articles_source_changelist")).content.decode()
    deleted_url = reverse("admin:articles_source_deleted")
    assert f'href="{deleted_url}"' in changelist
    deleted = admin_client_.get(deleted_url).content.decode()
    record = Source.history.get(history_type="-")
    recover_url = reverse("admin:articles_source_simple_history", args=[pk, record.history_id])
    assert f'href="{recover_url}"' in deleted
    assert "Deutsche Presse-Agentur" in deleted

    response = admin_client_.post(recover_url, source_form(record.instance))
    assert response.status_code == 302
    recovered = Source.objects.get(pk=pk)
    assert (recovered.name, recovered.kind) == ("Deutsche Presse-Agentur", "agency")
    assert list(recovered.aliases.values_list("name", flat=True)) == ["DPA"]
    assert recovered.history.latest("history_date").history_user.username == "ada"
    assert "Nothing has been deleted." in admin_client_.get(deleted_url).content.decode()


def test_deleted_entity_is_recovered_with_its_aliases(admin_client_: Client) -> None:
    entity = Entity.objects.create(name="Olaf Scholz", kind="PER")
    EntityAlias.objects.create(entity=entity, name="Scholz")
    pk = entity.pk
    admin_client_.post(reverse("admin:entities_entity_delete", args=[pk]), {"post": "yes"})
    assert not Entity.objects.filter(pk=pk).exists()
    record = Entity.history.get(history_type="-")
    recover_url = reverse("admin:entities_entity_simple_history", args=[pk, record.history_id])
    data = {"name": "Olaf Scholz", "kind": "PER", "external_id": "", "notes": "", **NO_ALIASES}
    assert admin_client_.post(recover_url, data).status_code == 302
    assert list(Entity.objects.get(pk=pk).aliases.values_list("name", flat=True)) == ["Scholz"]


def test_deleted_list_needs_change_permission(client: Client, editor: User) -> None:
    client.force_login(editor)
    response = client.get(reverse("admin:articles_source_deleted"))
    assert response.status_code in (302, 403)


def test_article_status_change_is_recorded_with_the_editor(editor: User) -> None:
    article = Article.objects.create(title="t", origin="a.txt", body="Der Kreml.", content_hash="a")
    client = Client()
    client.force_login(editor)
    client.post(reverse("articles:status", args=[article.pk]), {"status": "in_progress"})
    record = article.history.latest("history_date")
    assert (record.history_user, record.annotation_status) == (editor, "in_progress")
