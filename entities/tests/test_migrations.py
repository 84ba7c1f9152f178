"""Moving the entity models from articles to entities (articles 0007-0008, entities 0001)
keeps their rows, their links and the groups' rights: only the migration state changes."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from claims.models import Claim
from entities.models import Entity, Mention
from newsdesk.permissions import can_read_entities
from newsdesk.roles import EDITORS

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0006_search_vector_filled_after_import"), ("entities", None)]
MOVED = ["entity", "entityalias", "mention"]


def migrate(targets=None):
    """Migrate to `targets` (default: every app's latest); the project state afterwards."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    return executor.migrate(targets)


@pytest.fixture
def before_the_move(roles, article, editor):
    """The database as it was before the move: an entity with an alias, a mention and a
    claim attributed to it, made through the old models; the latest state afterwards."""
    at = article.body.index("Putin")
    old_apps = migrate(BEFORE).apps
    try:
        yield from _old_data(old_apps, article, editor, at)
    finally:
        migrate()
        ContentType.objects.clear_cache()


def _old_data(old_apps, article, editor, at):
    assert not old_apps.is_installed("entities")
    old_entity = old_apps.get_model("articles", "Entity")
    putin = old_entity.objects.create(name="Testperson Beispiel", kind="PER", external_id="Q1")
    old_apps.get_model("articles", "EntityAlias").objects.create(
        entity_id=putin.pk, name="Beispiels", kind="inflection"
    )
    old_apps.get_model("articles", "Mention").objects.create(
        article_id=article.pk, entity_id=putin.pk, start=at, end=at + 5, surface="Putin"
    )
    claim = old_apps.get_model("claims", "Claim").objects.create(
        wording="Russland trägt keine Schuld.",
        attributed_entity_id=putin.pk,
        created_by_id=editor.pk,
    )
    # The content types and the editors' right as a database from before the move has them.
    ContentType.objects.filter(app_label="entities", model__in=MOVED).update(app_label="articles")
    ContentType.objects.clear_cache()
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="articles", codename="view_entity")
    )
    yield {"entity_id": putin.pk, "claim_id": claim.pk, "at": at}


def test_the_entities_and_their_links_are_still_there(before_the_move, article):
    migrate()

    putin = Entity.objects.get(name="Testperson Beispiel")
    assert (putin.pk, putin.name, putin.external_id) == (
        before_the_move["entity_id"],
        "Testperson Beispiel",
        "Q1",
    )
    assert list(putin.aliases.values_list("entity", "name")) == [(putin.pk, "Beispiels")]
    mention = Mention.objects.get(entity=putin)
    assert (mention.article, mention.entity, mention.start) == (
        article,
        putin,
        before_the_move["at"],
    )
    assert Claim.objects.get(pk=before_the_move["claim_id"]).attributed_entity == putin


def test_the_editors_keep_their_rights(before_the_move, editor):
    migrate()
    ContentType.objects.clear_cache()

    assert ContentType.objects.filter(app_label="articles", model__in=MOVED).count() == 0
    assert ContentType.objects.filter(app_label="entities", model__in=MOVED).count() == 3
    editor = type(editor).objects.get(pk=editor.pk)  # no cached permissions
    assert editor.has_perm("entities.view_entity")
    assert can_read_entities(editor)
