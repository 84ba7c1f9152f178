"""Annotations to review and articles to adjudicate, fetched and checked in one call; the
rules are `can_review` and `can_adjudicate`."""

from django.shortcuts import get_object_or_404

from annotations.models import Annotation
from articles.models import Article
from newsdesk.permissions import User, can_adjudicate, can_review, require


def access_annotation_for_review(user: User, annotation_id: int) -> Annotation:
    """A live annotation to decide on (403 for non-reviewers, 404 if missing or deleted)."""
    require(can_review(user))
    return get_object_or_404(
        Annotation.objects.select_related("label", "author", "article"),
        pk=annotation_id,
        deleted_at__isnull=True,
    )


def access_article_for_adjudication(user: User, article_id: int) -> Article:
    """An article to adjudicate, without its text (403 for non-reviewers, 404 if missing)."""
    require(can_adjudicate(user))
    return get_object_or_404(Article.objects.defer("body", "blocks"), pk=article_id)
