"""The world the permission matrix and the security tests act on."""

import pytest
from django.contrib.auth.models import User

from annotations.models import Label
from annotations.tests.support import annotate
from articles.models import Article
from entities.models import Entity, EntityCandidate, Mention
from ingest.pipeline import files_import
from newsdesk.tests.permission_matrix import World
from stories.models import Story
from stories.services import story_article_add

ANNOTATED = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
MENTIONED = "Kasachstan"


@pytest.fixture
def world(
    seeds_dir,
    editor: User,
    other_editor: User,
    reviewer: User,
    admin_user: User,
    no_role_user: User,
) -> World:
    """Seed articles 000 and 001 (a rewrite of 000), 000 in a story and with one annotation by the editor, an entity, a mention and a
    candidate; the users behind the roles of the matrix."""
    seeds = [seeds_dir / "000_2881edf72164acbb.txt", seeds_dir / "001_9820c8e68323574d.txt"]
    list(files_import(seeds, max_bytes=10**7))
    article, other_article = Article.objects.order_by("origin")
    label = Label.objects.create(name="Behauptung", name_en="Claim", key="1", colour="#ffd54f")
    annotation = annotate(article, editor, ANNOTATED, label=label, note="von Erika")
    # Entities, mentions and candidates have no create service (the admin and detection
    # make them); a made-up entity keeps the world independent of the gazetteer.
    entity = Entity.objects.create(name="Testland", kind=Entity.Kind.PLACE)
    at = article.body.index(MENTIONED)
    mention = Mention.objects.create(
        article=article, entity=entity, start=at, end=at + len(MENTIONED), surface=MENTIONED
    )
    candidate = EntityCandidate.objects.create(name="Nigar Hasanova", kind=Entity.Kind.PERSON)
    story = Story.objects.create(title="Absturz in Kasachstan")  # grouping has no "create"
    story_article_add(story=story, article=article, user=editor)
    users: dict[str, User | None] = {
        "anonymous": None,
        "no_role": no_role_user,
        "editor_own": editor,
        "editor_other": other_editor,
        "reviewer": reviewer,
        "admin": admin_user,
    }
    return World(
        users, article, other_article, annotation, label, entity, mention, candidate, story
    )
