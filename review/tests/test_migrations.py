"""Moving ReviewDecision from annotations to review (annotations 0004, review 0001) keeps
the decisions, the permissions and the groups' rights: only the migration state changes."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from annotations.models import Annotation
from newsdesk.roles import REVIEWERS
from review.access import can_review
from review.models import ReviewDecision

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("annotations", "0003_history"), ("review", None)]


def migrate(targets=None):
    """Migrate to `targets` (default: every app's latest); the project state afterwards."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    return executor.migrate(targets)


@pytest.fixture
def before_the_move(roles, make_annotation, article, editor, reviewer, labels):
    """The database as it was before the move, with one decision in it; migrated back to
    the latest state afterwards, whatever the test did."""
    annotation = make_annotation(article, editor, article.body[:40])
    # Accepted as the review screen before the move left it, without a decision in the new table.
    Annotation.objects.filter(pk=annotation.pk).update(status="accepted")
    old_apps = migrate(BEFORE).apps
    assert not old_apps.is_installed("review")
    old_decision = old_apps.get_model("annotations", "ReviewDecision")
    decision = old_decision.objects.create(
        annotation_id=annotation.pk,
        reviewer_id=reviewer.pk,
        kind="correct",
        status="accepted",
        label_before_id=labels["quote"].pk,
        label_after_id=labels["claim"].pk,
        comment="Zahl geprüft",
    )
    # The content type of the model as a database from before the move has it, with a
    # right on it that an admin gave the reviewers.
    ContentType.objects.filter(app_label="review", model="reviewdecision").update(
        app_label="annotations"
    )
    ContentType.objects.clear_cache()
    Group.objects.get(name=REVIEWERS).permissions.add(
        Permission.objects.get(
            content_type__app_label="annotations", codename="view_reviewdecision"
        )
    )
    try:
        yield {"annotation": annotation, "decision_id": decision.pk}
    finally:
        migrate()
        ContentType.objects.clear_cache()


def test_the_decision_is_still_there_through_the_new_model(before_the_move, reviewer, labels):
    migrate()

    decision = ReviewDecision.objects.get()
    assert decision.pk == before_the_move["decision_id"]
    assert decision.annotation == before_the_move["annotation"]
    assert (decision.reviewer, decision.kind, decision.status, decision.comment) == (
        reviewer,
        ReviewDecision.Kind.CORRECT,
        Annotation.Status.ACCEPTED,
        "Zahl geprüft",
    )
    assert (decision.label_before, decision.label_after) == (labels["quote"], labels["claim"])
    assert list(before_the_move["annotation"].review_decisions.all()) == [decision]


def test_the_reviewers_keep_their_rights(before_the_move, reviewer):
    migrate()
    ContentType.objects.clear_cache()

    content_type = ContentType.objects.get_for_model(ReviewDecision)
    assert content_type.app_label == "review"
    assert not ContentType.objects.filter(app_label="annotations", model="reviewdecision").exists()
    user = User.objects.get(pk=reviewer.pk)  # no cached permissions
    assert user.has_perm("review.view_reviewdecision")
    assert not user.has_perm("annotations.view_reviewdecision")
    assert can_review(user)  # the right to review: change and see all annotations
    assert user.has_perms(["annotations.change_annotation", "annotations.view_all_annotations"])


def test_the_move_is_reversible(before_the_move):
    migrate()
    old_apps = migrate(BEFORE).apps

    old_decision = old_apps.get_model("annotations", "ReviewDecision")
    assert old_decision.objects.get().pk == before_the_move["decision_id"]
    assert ContentType.objects.filter(app_label="annotations", model="reviewdecision").exists()
