"""Writes of the workflow: each one service function, one transaction."""

import logging
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article
from newsdesk.permissions import can_annotate, can_review
from workflow.models import Assignment

logger = logging.getLogger(__name__)


class AssignmentRefused(ValueError):
    """The colleague cannot take the article in that role (an editor role for a reviewer)."""


def _check_assignee(user: User, role: str) -> None:
    if role == Assignment.Role.EDITOR and not can_annotate(user):
        raise AssignmentRefused(
            _("%(user)s cannot annotate, so cannot be assigned as editor.")
            % {"user": user.get_username()}
        )
    if role == Assignment.Role.REVIEWER and not can_review(user):
        raise AssignmentRefused(
            _("%(user)s cannot review, so cannot be assigned as reviewer.")
            % {"user": user.get_username()}
        )
    if role not in Assignment.Role.values:
        raise AssignmentRefused(_("Choose editor or reviewer."))


@transaction.atomic
def assignments_create(
    *, articles: Sequence[Article], user: User, role: str, assigned_by: User
) -> list[Assignment]:
    """Assign `articles` to `user` as editor or reviewer; an existing assignment stays
    as it is (assigning twice is no error). The new assignments are returned."""
    _check_assignee(user, role)
    existing = set(
        Assignment.objects.filter(article__in=articles, user=user, role=role).values_list(
            "article_id", flat=True
        )
    )
    new = [
        Assignment(article=article, user=user, role=role, assigned_by=assigned_by)
        for article in dict.fromkeys(articles)
        if article.pk not in existing
    ]
    # ignore_conflicts: a colleague assigning the same article at the same moment. Such
    # rows come back without ids, so the new ones are read back.
    Assignment.objects.bulk_create(new, ignore_conflicts=True)
    logger.info("%s assigned %d articles to %s as %s", assigned_by, len(new), user, role)
    return list(
        Assignment.objects.filter(
            article__in=[assignment.article for assignment in new], user=user, role=role
        ).order_by("pk")
    )


@transaction.atomic
def assignment_delete(*, assignment: Assignment, user: User) -> None:
    """Take an assignment back."""
    logger.info("%s removed assignment %s", user, assignment)
    assignment.delete()
