"""Editors' writes on stories, article dates, and copying an annotation across articles."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from annotations.models import Annotation
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from newstext.anchoring import locate
from newstext.offsets import CodePointRange
from newstext.parsing import DatePrecision
from stories.models import Story, StoryMembership


class CopyRefused(ValueError):
    """The annotation cannot be copied; the message says why, for the editor."""


class StaleArticle(Exception):
    """The article's metadata changed since the editor loaded it; nothing was written."""

    def __init__(self, current: Article) -> None:
        super().__init__(f"article {current.pk} changed at {current.updated_at}")
        self.current = current


@transaction.atomic
def story_rename(*, story: Story, title: str) -> Story:
    story.title = title
    story.full_clean()
    story.save(update_fields=["title", "updated_at"])
    return story


@transaction.atomic
def story_article_add(*, story: Story, article: Article, user: User) -> StoryMembership:
    """Put the article into the story, taking it out of any other story it is in."""
    StoryMembership.objects.filter(article=article, removed=False).exclude(story=story).update(
        removed=True, changed_by=user, changed_at=timezone.now()
    )
    membership, _created = StoryMembership.objects.update_or_create(
        story=story,
        article=article,
        defaults={"removed": False, "method": StoryMembership.Method.EDITOR, "changed_by": user},
    )
    story.save(update_fields=["updated_at"])
    return membership


@transaction.atomic
def story_article_remove(*, story: Story, article: Article, user: User) -> None:
    """Take the article out of the story; automatic grouping will not put it back."""
    StoryMembership.objects.filter(story=story, article=article).update(
        removed=True, changed_by=user, changed_at=timezone.now()
    )
    story.save(update_fields=["updated_at"])


@transaction.atomic
def article_date_set(
    *,
    article: Article,
    published_on: datetime.date | None,
    precision: DatePrecision,
    loaded_at: datetime.datetime,
) -> Article:
    """Set the published date and its precision if nobody changed the article since `loaded_at`.

    A month-precision date is stored as the 1st of its month; without a date the
    precision is unknown.
    """
    current = Article.objects.select_for_update().get(pk=article.pk)
    if current.updated_at != loaded_at:
        raise StaleArticle(current)
    if published_on is None or precision == DatePrecision.UNKNOWN:
        published_on, precision = None, DatePrecision.UNKNOWN
    elif precision == DatePrecision.MONTH:
        published_on = published_on.replace(day=1)
    current.published_on = published_on
    current.date_precision = precision.value
    current.save(update_fields=["published_on", "date_precision", "updated_at"])
    return current


@transaction.atomic
def annotation_copy(*, annotation: Annotation, target: Article, author: User) -> Annotation:
    """A new annotation by `author` on the text of `target` that matches the annotation's quote.

    Anchored by the quote (exact text, prefix and suffix) as a re-import would; refused
    with the reason when the text is not in the target or the author has it there already.
    """
    if annotation.article_id == target.pk:
        raise CopyRefused(_("The annotation is already on this article."))
    if annotation.deleted_at is not None:
        raise CopyRefused(_("This annotation is deleted; restore it before copying it."))
    found = locate(
        target.body, annotation.exact, annotation.prefix, annotation.suffix, annotation.start
    )
    if found is None:
        raise CopyRefused(
            _("The text “%(quote)s” is not in “%(title)s”.")
            % {"quote": _shorten(annotation.exact), "title": target.title}
        )
    start, end = found
    duplicate = Annotation.objects.filter(
        article=target,
        author=author,
        label=annotation.label,
        start=start,
        end=end,
        deleted_at__isnull=True,
    )
    if duplicate.exists():
        raise CopyRefused(
            _("You have this annotation on “%(title)s” already.") % {"title": target.title}
        )
    content = AnnotationContent(
        label=annotation.label,
        note=annotation.note,
        source_names=[source.name for source in annotation.sources.all()],
    )
    return annotation_create(
        article=target, author=author, span=CodePointRange(start, end), content=content
    )


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
