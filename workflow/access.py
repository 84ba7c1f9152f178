"""Workflow objects fetched and checked in one call (404/403), on `newsdesk.permissions`."""

from django.db.models import QuerySet

from annotations.access import access_annotation
from annotations.models import Annotation
from articles.models import Article
from newsdesk.permissions import (
    User,
    can_assign,
    can_read_articles,
    can_reply,
    fetch_if_allowed,
    require,
)
from workflow.models import Assignment


def access_article_for_assignments(user: User, article_id: int) -> Article:
    """An article whose assignments `user` wants to see: everyone who reads articles."""
    return fetch_if_allowed(
        can_read_articles(user), Article.objects.defer("body", "blocks"), pk=article_id
    )


def access_article_for_assigning(user: User, article_id: int) -> Article:
    return fetch_if_allowed(
        can_assign(user), Article.objects.defer("body", "blocks"), pk=article_id
    )


def access_assignment_for_change(user: User, assignment_id: int) -> Assignment:
    return fetch_if_allowed(
        can_assign(user), Assignment.objects.select_related("article", "user"), pk=assignment_id
    )


def _for_discussion() -> QuerySet[Annotation]:
    # The thread shows the reviewer's decision comment first, by its reviewer.
    return Annotation.objects.select_related("label", "author", "article", "reviewed_by")


def access_annotation_for_replies(user: User, annotation_id: int) -> Annotation:
    """An annotation whose discussion `user` reads: whoever may see the annotation."""
    return access_annotation(user, annotation_id, _for_discussion())


def access_annotation_for_reply(user: User, annotation_id: int) -> Annotation:
    """An annotation `user` may reply under: its author (an editor), reviewers, admins."""
    annotation = access_annotation(user, annotation_id, _for_discussion())
    require(can_reply(user, annotation.author_id))
    return annotation
