"""Writes to articles other than the import (`articles/importing.py`)."""

import datetime
import hashlib
import logging

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext_noop

from articles.models import Article, Source
from newsdesk.history import history_record

logger = logging.getLogger(__name__)

REASON_FIRST_ANNOTATION = gettext_noop("First annotation: in progress")


@transaction.atomic
def article_status_set(*, article: Article, status: str, user: User) -> Article:
    """Set how far the editors are with annotating `article`; ValidationError if unknown."""
    article.annotation_status = status
    others = [field.name for field in Article._meta.fields if field.name != "annotation_status"]
    article.clean_fields(exclude=others)
    article._history_user = user  # type: ignore[attr-defined]  # who, also outside requests
    article.save(update_fields=["annotation_status"])
    logger.info("%s set the annotation status of article %s to %s", user, article.pk, status)
    return article


def article_annotation_started(*, article: Article, user: User) -> None:
    """Move `article` from "not started" to "in progress" when it gets an annotation.

    Called inside the annotation's transaction. Only that one step is automatic: "done"
    stays a human decision, and an article already past "not started" is left alone
    (no query at all then). A conditional update, so that two first annotations at once
    record the step once.
    """
    not_started = Article.AnnotationStatus.NOT_STARTED
    if article.annotation_status != not_started:
        return
    moved = Article.objects.filter(pk=article.pk, annotation_status=not_started).update(
        annotation_status=Article.AnnotationStatus.IN_PROGRESS
    )
    article.annotation_status = Article.AnnotationStatus.IN_PROGRESS
    if moved:
        history_record([article], user=user, reason=REASON_FIRST_ANNOTATION)


class StaleArticle(Exception):
    """The article's title, date or publisher changed since the form was shown."""


def article_metadata_version(article: Article) -> str:
    """A token of the title, date and publisher as shown: a stale edit is refused."""
    shown = f"{article.title}\x00{article.published_on}\x00{article.publisher_id}"
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


@transaction.atomic
def article_metadata_set(
    *,
    article_id: int,
    title: str,
    published_on: datetime.date | None,
    publisher: Source | None,
    version: str,
    user: User,
) -> Article:
    """Correct an article's title, date and publisher (with history).

    StaleArticle if they changed since `version` was read; ValidationError if invalid.
    A date set by hand is a day; no date, an unknown one.
    """
    article = Article.objects.select_for_update().defer("body", "blocks").get(pk=article_id)
    if article_metadata_version(article) != version:
        raise StaleArticle
    changed = ["title", "published_on", "date_precision", "publisher", "title_derived"]
    if title != article.title:
        article.title_derived = False
    if published_on != article.published_on:
        article.date_precision = "day" if published_on else "unknown"
    article.title = title
    article.published_on = published_on
    article.publisher = publisher
    others = [field.name for field in Article._meta.fields if field.name not in changed]
    article.clean_fields(exclude=others)
    article._history_user = user  # type: ignore[attr-defined]
    article.save(update_fields=[*changed, "updated_at"])
    logger.info("%s corrected the title, date or publisher of article %s", user, article.pk)
    return article
