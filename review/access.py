"""Annotations to review and articles to adjudicate, fetched and checked in one call; the
rules are `can_review` and `can_adjudicate`."""

from annotations.models import Annotation
from articles.models import Article
from newsdesk.permissions import User, can_adjudicate, can_review, fetch_if_allowed


def access_annotation_for_review(user: User, annotation_id: int) -> Annotation:
    """A live annotation to decide on (403 for non-reviewers, 404 if missing or deleted)."""
    return fetch_if_allowed(
        can_review(user),
        Annotation.objects.select_related("label", "author", "article"),
        pk=annotation_id,
        deleted_at__isnull=True,
    )


def access_article_for_adjudication(user: User, article_id: int) -> Article:
    """An article to adjudicate, without its text (403 for non-reviewers, 404 if missing)."""
    return fetch_if_allowed(
        can_adjudicate(user), Article.objects.defer("body", "blocks"), pk=article_id
    )
