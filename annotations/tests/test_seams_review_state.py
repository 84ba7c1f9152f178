"""Issue 14, items 4 and 5: reviewed content that changes goes back to review; a deleted
annotation is read-only until restored; delete and restore are idempotent."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Label
from annotations.services import (
    AnnotationContent,
    AnnotationDeleted,
    annotation_delete,
    annotation_restore,
    annotation_update,
)
from annotations.tests.support import annotate
from articles.models import Article
from claims.models import Claim
from claims.tests.support import claim_of
from ingest.pipeline import files_import
from review.models import ReviewDecision
from review.services import annotation_review

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
HTMX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def articles(db, seeds_dir) -> list[Article]:
    seeds = [seeds_dir / "000_2881edf72164acbb.txt", seeds_dir / "001_9820c8e68323574d.txt"]
    list(files_import(seeds, max_bytes=10**7))
    return list(Article.objects.order_by("origin"))


@pytest.fixture
def label(db) -> Label:
    return Label.objects.create(name="Behauptung", name_en="Claim", key="1")


@pytest.fixture
def other_label(db) -> Label:
    return Label.objects.create(name="Zitat", name_en="Quote", key="2")


@pytest.fixture
def annotation(articles: list[Article], editor: User, label: Label) -> Annotation:
    return annotate(articles[0], editor, QUOTE, label=label, note="Zahl prüfen", sources=["dpa"])


def history_reasons(annotation: Annotation) -> list[str]:
    return list(
        annotation.history.order_by("history_date", "history_id").values_list(
            "history_change_reason", flat=True
        )
    )


def author_edits(
    annotation: Annotation, editor: User, label: Label, note: str, source: str
) -> None:
    """The author saves the edit form with this label, note and source; then it is reread."""
    annotation_update(
        annotation=annotation,
        user=editor,
        version=annotation.version,
        content=AnnotationContent(label=label, note=note, source_names=[source]),
    )
    annotation.refresh_from_db()


# Item 4: a change to reviewed content sends it back to review ---------------------------


@pytest.mark.parametrize("kind", ["accept", "reject"])
def test_an_edit_by_the_author_puts_a_reviewed_annotation_back_to_review(
    annotation: Annotation, editor: User, reviewer: User, other_label: Label, kind: str
) -> None:
    annotation_review(annotation=annotation, reviewer=reviewer, kind=kind, version=1)
    annotation.refresh_from_db()
    assert annotation.status != Annotation.Status.PENDING
    author_edits(annotation, editor, other_label, "anders", "Kreml")
    assert annotation.status == Annotation.Status.PENDING
    assert history_reasons(annotation)[-1] == "Changed after review: back to review"


def test_an_edit_that_changes_nothing_leaves_the_review_and_the_version(
    annotation: Annotation, editor: User, reviewer: User, label: Label
) -> None:
    annotation_review(annotation=annotation, reviewer=reviewer, kind="accept", version=1)
    annotation.refresh_from_db()
    entries = annotation.history.count()
    author_edits(annotation, editor, label, "Zahl prüfen", "DPA")
    assert annotation.status == Annotation.Status.ACCEPTED
    assert annotation.version == 2
    assert annotation.history.count() == entries


def accept_then_edit(
    annotation: Annotation, reviewer: User, editor: User, label: Label, note: str, source: str
) -> None:
    """The reviewer accepts version 1; then its author changes label, note and source."""
    annotation_review(annotation=annotation, reviewer=reviewer, kind="accept", version=1)
    annotation.refresh_from_db()
    author_edits(annotation, editor, label, note, source)


def test_the_review_page_shows_what_changed_since_the_decision(
    client: Client, annotation: Annotation, editor: User, reviewer: User, other_label: Label
) -> None:
    accept_then_edit(annotation, reviewer, editor, other_label, "anders", "Kreml")
    client.force_login(reviewer)
    html = client.get(
        reverse("review:article", args=[annotation.article_id]), headers={"Accept-Language": "en"}
    ).content.decode()
    assert "Changed since the decision" in html
    changes = html.split("Changed since the decision", 1)[1].split("</dl>", 1)[0]
    for before, after in (("Behauptung", "Zitat"), ("Zahl prüfen", "anders"), ("dpa", "Kreml")):
        assert before in changes
        assert after in changes


def test_the_csv_export_no_longer_says_accepted_after_an_edit(
    client: Client, annotation: Annotation, editor: User, reviewer: User, label: Label
) -> None:
    accept_then_edit(annotation, reviewer, editor, label, "neu", "dpa")
    client.force_login(reviewer)
    csv = b"".join(client.get(reverse("review:export", args=["csv"])).streaming_content)
    assert b"accepted" not in csv
    assert b"pending" in csv


# Item 5: deleted means read-only until restored -----------------------------------------


def test_a_deleted_annotation_cannot_be_updated(
    client: Client, annotation: Annotation, editor: User, label: Label
) -> None:
    annotation_delete(annotation=annotation, user=editor)
    annotation.refresh_from_db()
    with pytest.raises(AnnotationDeleted):
        annotation_update(
            annotation=annotation,
            user=editor,
            version=annotation.version,
            content=AnnotationContent(label=label, note="x", source_names=[]),
        )
    client.force_login(editor)
    response = client.post(
        reverse("annotations:update", args=[annotation.pk]),
        {"label": label.pk, "note": "geändert", "version": annotation.version},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert "restore" in response.content.decode().lower()
    annotation.refresh_from_db()
    assert annotation.note == "Zahl prüfen"


def test_a_deleted_annotation_cannot_become_a_claim_or_be_attached(
    client: Client, annotation: Annotation, editor: User
) -> None:
    annotation_delete(annotation=annotation, user=editor)
    client.force_login(editor)
    response = client.post(
        reverse("claims:make", args=[annotation.pk]), {"wording": "X"}, headers=HTMX
    )
    assert response.status_code == 409
    assert "restore" in response.content.decode().lower()
    claim = claim_of("Y", editor)
    response = client.post(
        reverse("claims:attach", args=[annotation.pk]), {"claim": claim.pk}, headers=HTMX
    )
    assert response.status_code == 409
    assert Claim.objects.count() == 1
    assert not claim.appearances.exists()


def test_a_deleted_annotation_is_not_copied_to_another_article(
    client: Client, annotation: Annotation, editor: User, articles: list[Article]
) -> None:
    annotation_delete(annotation=annotation, user=editor)
    left, right = articles
    client.force_login(editor)
    response = client.post(
        reverse("stories:copy", args=[left.pk, right.pk, right.pk]),
        {"annotation": annotation.pk},
        headers=HTMX,
    )
    assert 400 <= response.status_code < 500
    assert "restore" in response.content.decode().lower()
    assert Annotation.objects.count() == 1


def test_delete_and_restore_are_idempotent(annotation: Annotation, editor: User) -> None:
    entries = annotation.history.count()
    for _ in range(5):
        annotation_delete(annotation=annotation, user=editor)
    annotation.refresh_from_db()
    assert annotation.version == 2
    assert annotation.history.count() == entries + 1
    for _ in range(5):
        annotation_restore(annotation=annotation, user=editor)
    annotation.refresh_from_db()
    assert annotation.version == 3
    assert annotation.deleted_at is None
    assert annotation.history.count() == entries + 2


def test_the_review_decision_of_a_deleted_annotation_is_refused(
    annotation: Annotation, editor: User, reviewer: User
) -> None:
    """Already so before: the review's compare-and-set skips deleted annotations."""
    annotation_delete(annotation=annotation, user=editor)
    annotation.refresh_from_db()
    with pytest.raises(Exception):  # noqa: B017, PT011 - StaleAnnotation or AnnotationDeleted
        annotation_review(
            annotation=annotation, reviewer=reviewer, kind="accept", version=annotation.version
        )
    assert not ReviewDecision.objects.exists()
