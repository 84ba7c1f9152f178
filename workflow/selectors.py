"""Reads of the workflow: assignments, my work, my annotations."""

from dataclasses import dataclass

from django.contrib.auth.models import Permission, User
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from annotations.models import Annotation, Label
from annotations.selectors import CardFilters, filtered_cards
from articles.models import Article
from stories.models import Story
from workflow.models import Assignment, Notification, Reply

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


def my_annotations(user: User, filters: CardFilters) -> QuerySet[Annotation]:
    """The user's live annotations across articles, newest change first; the text filter
    also matches the article's title."""
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
            "label__name_en",
            "label_id",
            "article__title",
            "article_id",
        )
        .order_by("-updated_at", "-pk")
    )
    return filtered_cards(annotations, filters, titles=True)


# A discussion shows this many replies a page, its newest page first (docs/user/workflow.md).
REPLIES_PER_PAGE = 100


def annotation_replies_page(annotation: Annotation, number: str | None) -> Page[Reply]:
    """A page of the discussion under an annotation: page 1 the newest replies (where a
    new one appears), the next ones older; each page oldest first."""
    replies = (
        Reply.objects.filter(annotation=annotation)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(replies, REPLIES_PER_PAGE).get_page(number)
    page.object_list = list(reversed(page.object_list))
    return page


def inbox(user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first, with what the inbox shows of each."""
    return (
        Notification.objects.filter(user=user)
        .select_related("reply__author", "reply__annotation__article", "reply__annotation__label")
        .only(
            "pk",
            "created_at",
            "read_at",
            "reply__text",
            "reply__author__username",
            "reply__annotation__exact",
            "reply__annotation__label__name",
            "reply__annotation__label__name_en",
            "reply__annotation__article__title",
        )
        .order_by("-created_at", "-pk")
    )


def unread_count(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


# The progress page's bars are this many SVG user units wide at 100 %.
BAR_WIDTH = 240
# Stories on the progress page: the most recently changed ones.
STORIES_SHOWN = 50


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: its CSS class, column heading, position and width in SVG
    units."""

    kind: str
    label: StrOrPromise
    value: int
    x: int
    width: int


def _bar(
    parts: list[tuple[str, int]], labels: dict[str, StrOrPromise], scale: int
) -> list[Segment]:
    """`parts` stacked left to right, `scale` being the count that fills the bar."""
    segments, x = [], 0
    for kind, value in parts:
        width = round(BAR_WIDTH * value / scale) if scale else 0
        segments.append(Segment(kind, labels[kind], value, x, width))
        x += width
    return segments


@dataclass(frozen=True)
class ProgressRow:
    """A story, label or person with its counts and its bar."""

    name: str
    counts: dict[str, int]
    total: int
    bar: list[Segment]


def _rows(
    items: list[tuple[str, dict[str, int]]], labels: dict[str, StrOrPromise]
) -> list[ProgressRow]:
    """Rows whose bars share one scale: the largest total fills a bar. `labels` names the
    counts (the columns)."""
    totals = [sum(counts.values()) for _name, counts in items]
    scale = max(totals, default=0)
    return [
        ProgressRow(name, counts, total, _bar(list(counts.items()), labels, scale))
        for (name, counts), total in zip(items, totals, strict=True)
    ]


def progress_by_story() -> list[ProgressRow]:
    """Articles of the most recently changed stories by annotation status (one query)."""
    status = Article.AnnotationStatus
    member = Q(memberships__removed=False)
    stories = Story.objects.order_by("-updated_at", "-pk").annotate(
        **{
            str(value): Count(
                "memberships", filter=member & Q(memberships__article__annotation_status=value)
            )
            for value in (status.NOT_STARTED, status.IN_PROGRESS, status.DONE)
        }
    )[:STORIES_SHOWN]
    return _rows(
        [
            (
                story.title,
                {
                    key: getattr(story, key)
                    for key in (status.NOT_STARTED, status.IN_PROGRESS, status.DONE)
                },
            )
            for story in stories
        ],
        dict(status.choices),
    )


def progress_by_label() -> list[ProgressRow]:
    """Live annotations per label by review status (one query)."""
    live = Q(annotations__deleted_at__isnull=True)
    labels = Label.objects.order_by("position", "name").annotate(
        **{
            str(value): Count("annotations", filter=live & Q(annotations__status=value))
            for value in Annotation.Status.values
        }
    )
    return _rows(
        [
            (label.display_name, {key: getattr(label, key) for key in Annotation.Status.values})
            for label in labels
        ],
        dict(Annotation.Status.choices),
    )


def progress_by_person() -> list[ProgressRow]:
    """Per person, live annotations made and annotations reviewed (two queries)."""
    live = Annotation.objects.filter(deleted_at__isnull=True)
    made: dict[str, int] = dict(
        live.order_by()
        .values("author__username")
        .annotate(n=Count("pk"))
        .values_list("author__username", "n")
    )
    reviewed: dict[str, int] = dict(
        live.filter(reviewed_by__isnull=False)
        .order_by()
        .values("reviewed_by__username")
        .annotate(n=Count("pk"))
        .values_list("reviewed_by__username", "n")
    )
    names = sorted(made.keys() | reviewed.keys())
    return _rows(
        [(name, {"made": made.get(name, 0), "reviewed": reviewed.get(name, 0)}) for name in names],
        {"made": _("annotations made"), "reviewed": _("annotations reviewed")},
    )
