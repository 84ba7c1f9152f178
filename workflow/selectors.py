"""Reads of the workflow: assignments, my work, my annotations."""

from dataclasses import dataclass

from django.contrib.auth.models import Permission, User
from django.db.models import Q, QuerySet

from annotations.models import Annotation, Label
from articles.models import Article
from workflow.models import Assignment

# How many assigned articles each state of "my work" lists (the newest first).
ASSIGNED_SHOWN = 100


def users_with_permission(app_label: str, codename: str) -> QuerySet[User]:
    """Active users holding a permission through a group, directly, or as superusers."""
    permissions = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permissions)
            | Q(user_permissions__in=permissions)
        )
        .distinct()
        .order_by("username")
    )


def assignable_users() -> QuerySet[User]:
    """Everyone with a role (who reads articles): the colleagues an article can go to."""
    return users_with_permission("articles", "view_article")


def article_assignments(article: Article) -> list[Assignment]:
    return list(
        Assignment.objects.filter(article=article)
        .select_related("user")
        .order_by("role", "user__username")
    )


@dataclass(frozen=True)
class AssignedState:
    """Assigned articles in one annotation status, as "my work" lists them."""

    status: str
    title: str
    assignments: list[Assignment]
    count: int


def my_assignments(user: User) -> list[AssignedState]:
    """The user's assigned articles by state: assigned (not started), in progress, done."""
    mine = (
        Assignment.objects.filter(user=user)
        .select_related("article", "article__publisher")
        .defer("article__body", "article__blocks")
        .order_by("-assigned_at", "-pk")
    )
    titles = {
        Article.AnnotationStatus.NOT_STARTED: Article.AnnotationStatus.NOT_STARTED.label,
        Article.AnnotationStatus.IN_PROGRESS: Article.AnnotationStatus.IN_PROGRESS.label,
        Article.AnnotationStatus.DONE: Article.AnnotationStatus.DONE.label,
    }
    states = []
    for status, title in titles.items():
        in_state = mine.filter(article__annotation_status=status)
        shown = list(in_state[: ASSIGNED_SHOWN + 1])
        count = len(shown) if len(shown) <= ASSIGNED_SHOWN else in_state.count()
        states.append(AssignedState(str(status), str(title), shown[:ASSIGNED_SHOWN], count))
    return states


@dataclass(frozen=True)
class AnnotationFilters:
    label: Label | None = None
    status: str = ""
    q: str = ""


def my_annotations(user: User, filters: AnnotationFilters) -> QuerySet[Annotation]:
    """The user's live annotations across articles, newest change first."""
    annotations = (
        Annotation.objects.filter(author=user, deleted_at__isnull=True)
        .select_related("article", "label")
        .only(
            "pk",
            "exact",
            "note",
            "status",
            "updated_at",
            "is_orphaned",
            "label__name",
            "label_id",
            "article__title",
            "article_id",
        )
        .order_by("-updated_at", "-pk")
    )
    if filters.label is not None:
        annotations = annotations.filter(label=filters.label)
    if filters.status:
        annotations = annotations.filter(status=filters.status)
    if filters.q:
        annotations = annotations.filter(
            Q(exact__icontains=filters.q)
            | Q(note__icontains=filters.q)
            | Q(article__title__icontains=filters.q)
        )
    return annotations
