"""Writes to articles other than the import (`articles/importing.py`)."""

import logging

from django.contrib.auth.models import User
from django.db import transaction

from articles.models import Article

logger = logging.getLogger(__name__)


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
