"""The annotation status moves by itself from "not started" to "in progress" on an
article's first annotation; "done" stays a human decision."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from annotations.services import annotation_delete
from articles.models import Article
from articles.services import article_status_set
from workflow.tests.support import annotate

NOT_STARTED = Article.AnnotationStatus.NOT_STARTED
IN_PROGRESS = Article.AnnotationStatus.IN_PROGRESS
DONE = Article.AnnotationStatus.DONE

pytestmark = pytest.mark.django_db


def status_of(article: Article) -> str:
    return Article.objects.get(pk=article.pk).annotation_status


def test_the_first_annotation_moves_the_article_to_in_progress(article, editor, labels):
    assert status_of(article) == NOT_STARTED
    annotate(article, editor, "Putin", label=labels["claim"])
    assert status_of(article) == IN_PROGRESS
    record = article.history.latest("history_date")
    assert (record.history_user, record.annotation_status) == (editor, IN_PROGRESS)
    assert record.history_change_reason == "First annotation: in progress"


def test_later_annotations_leave_the_status_and_history_alone(article, editor, labels):
    annotate(article, editor, "Putin", label=labels["claim"])
    records = article.history.count()
    annotate(article, editor, "Aserbaidschan", label=labels["quote"])
    assert status_of(article) == IN_PROGRESS
    assert article.history.count() == records


def test_done_stays_done_when_someone_annotates_again(article, editor, labels):
    article_status_set(article=article, status=DONE, user=editor)
    annotate(article, editor, "Putin", label=labels["claim"])
    assert status_of(article) == DONE


def test_an_article_object_read_before_the_move_does_not_move_twice(article, editor, labels):
    stale = Article.objects.get(pk=article.pk)
    annotate(article, editor, "Putin", label=labels["claim"])
    records = article.history.count()
    annotate(stale, editor, "Aserbaidschan", label=labels["quote"])
    assert article.history.count() == records  # the conditional update found nothing to do


def test_annotating_in_the_workspace_shows_the_new_status(client, article, editor, labels):
    client.force_login(editor)
    start = article.body.index("Putin")  # no characters outside the BMP before it
    data = {"start": start, "end": start + 5, "exact": "Putin", "label": labels["claim"].pk}
    response = client.post(
        reverse("annotations:create", args=[article.pk]), data, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = client.get(article.get_absolute_url(), headers={"Accept-Language": "en"})
    assert 'value="in_progress" selected' in page.content.decode()


def test_migration_moves_annotated_articles_that_say_not_started(article, editor, labels):
    annotation = annotate(article, editor, "Putin", label=labels["claim"])
    # As the database was before the automatic step: annotated but "not started".
    Article.objects.filter(pk=article.pk).update(annotation_status=NOT_STARTED)
    migration = importlib.import_module(
        "workflow.migrations.0001_annotation_status_follows_annotations"
    )
    migration.forwards(apps, None)
    assert status_of(article) == IN_PROGRESS
    record = article.history.latest("history_date")
    assert (record.annotation_status, record.history_change_reason) == (
        IN_PROGRESS,
        "First annotation: in progress",
    )
    # Only live annotations count: a deleted one leaves the article where it is.
    annotation_delete(annotation=annotation, user=editor)
    Article.objects.filter(pk=article.pk).update(annotation_status=NOT_STARTED)
    migration.forwards(apps, None)
    assert status_of(article) == NOT_STARTED
