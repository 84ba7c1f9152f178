"""Writes of the workflow: each one service function, one transaction."""

import logging
import re
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from annotations.models import Annotation
from articles.models import Article
from newsdesk.permissions import can_annotate, can_read_articles, can_review, can_see_annotation
from workflow.models import Assignment, Notification, Reply

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


# `@username`: Django's usernames are letters, digits and @.+-_; a mention is not preceded
# by a word character (an e-mail address is no mention) and drops a sentence's full stop.
MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]+)")
# A reply naming more colleagues than this notifies the first ones only.
MENTIONS_NOTIFIED = 20


def mentioned_usernames(text: str) -> list[str]:
    """The usernames `@mentioned` in `text`, in order, each once."""
    names = (match.group(1).rstrip(".") for match in MENTION.finditer(text))
    return list(dict.fromkeys(name for name in names if name))[:MENTIONS_NOTIFIED]


def _notified(annotation: Annotation, author: User, text: str) -> list[User]:
    """Mentioned colleagues who may see the annotation (never the reply's author)."""
    names = mentioned_usernames(text)
    if not names:
        return []
    candidates = User.objects.filter(username__in=names, is_active=True).exclude(pk=author.pk)
    return [
        user
        for user in candidates.order_by("username")
        if can_read_articles(user) and can_see_annotation(user, annotation.author_id)
    ]


@transaction.atomic
def reply_create(*, annotation: Annotation, author: User, text: str) -> Reply:
    """Reply under `annotation`; colleagues `@mentioned` who may see it are notified.

    The caller checked that `author` may reply (`workflow.access`)."""
    reply = Reply(annotation=annotation, author=author, text=text.strip())
    reply.full_clean(exclude=["annotation", "author"])
    reply.save()
    notified = _notified(annotation, author, reply.text)
    Notification.objects.bulk_create(
        [Notification(user=user, reply=reply) for user in notified], ignore_conflicts=True
    )
    logger.info(
        "%s replied under annotation %s, notifying %d", author, annotation.pk, len(notified)
    )
    return reply


@transaction.atomic
def notifications_mark_read(*, user: User) -> int:
    """Mark all of `user`'s unread notifications read; how many were unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
