"""Writes to annotations: each one service function, one transaction, one history entry
by the acting user."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from annotations.models import Annotation, Label
from articles.models import Article, Source, SourceAlias
from articles.services import article_annotation_started
from newsdesk.history import REASON_DELETED, REASON_RESTORED, history_paused, history_record
from newstext.anchoring import quote_context
from newstext.names import name_key
from newstext.offsets import CodePointRange

REASON_REATTACHED = gettext_noop("Re-attached to the selected words by an editor")
REASON_BACK_TO_REVIEW = gettext_noop("Changed after review: back to review")


class UnknownSource(ValueError):
    """A source name that is not known and that this user may not create."""


class StaleAnnotation(Exception):
    """The annotation changed since the editor loaded it; nothing was written."""

    def __init__(self, current: Annotation) -> None:
        super().__init__(f"annotation {current.pk} is at version {current.version}")
        self.current = current


class AnnotationDeleted(Exception):
    """A deleted annotation is read-only until it is restored; nothing was written."""


@dataclass(frozen=True)
class AnnotationContent:
    label: Label
    note: str
    source_names: list[str]


MAX_SOURCES = 20
MAX_SOURCE_NAME = Source._meta.get_field("name").max_length or 200


def source_names_check(names: list[str]) -> list[str]:
    """The typed names, stripped and without repeats (any case); UnknownSource for more
    than MAX_SOURCES or a name longer than a source's name may be (never cut)."""
    unique = list({name_key(name): name.strip() for name in names if name.strip()}.values())
    if len(unique) > MAX_SOURCES:
        raise UnknownSource(_("At most %(count)d sources per annotation.") % {"count": MAX_SOURCES})
    for name in unique:
        if len(name) > MAX_SOURCE_NAME:
            raise UnknownSource(
                _("“%(name)s…” is longer than %(max)d characters.")
                % {"name": name[:40], "max": MAX_SOURCE_NAME}
            )
    return unique


def _source_named(name: str) -> Source | None:
    """The source with this name or alias, by the stored name key."""
    key = name_key(name)
    source = Source.objects.filter(key=key).first()
    if source is None:
        alias = SourceAlias.objects.select_related("source").filter(key=key).first()
        source = alias.source if alias is not None else None
    return source


def sources_resolve(*, names: list[str], user: User) -> list[Source]:
    """Sources by name or alias (case-insensitive), each once; editors may add missing ones.

    New sources are flagged `needs_review` for an admin to curate. Two requests adding
    the same new source at once both get the one that was created.
    """
    result: dict[int, Source] = {}
    for name in source_names_check(names):
        source = _source_named(name)
        if source is None:
            if not user.has_perm("articles.add_source"):
                raise UnknownSource(_("Unknown source “%(name)s”.") % {"name": name})
            try:
                with transaction.atomic():
                    source = Source.objects.create(name=name, needs_review=True)
            except IntegrityError:
                # Created meanwhile by another request.
                source = _source_named(name)
                if source is None:
                    raise
        result.setdefault(source.pk, source)
    return list(result.values())


@transaction.atomic
def annotation_create(
    *, article: Article, author: User, span: CodePointRange, content: AnnotationContent
) -> Annotation:
    """Create an annotation on a verified range of the article's body."""
    prefix, suffix = quote_context(article.body, span.start, span.end)
    annotation = Annotation(
        article=article,
        author=author,
        label=content.label,
        note=content.note,
        start=span.start,
        end=span.end,
        exact=article.body[span.start : span.end],
        prefix=prefix,
        suffix=suffix,
    )
    # The article, author and label are loaded objects: no queries to check they exist.
    # A CodePointRange is never empty, so the range constraint holds; validating it would
    # cost three round trips (a savepoint and a query), and the database enforces it anyway.
    annotation.full_clean(exclude={"article", "author", "label"}, validate_constraints=False)
    sources = sources_resolve(names=content.source_names, user=author)
    with history_paused(annotation):
        annotation.save()
    # A new annotation has no sources yet: no need for `sources.add()`'s look for
    # existing rows, and the history records the rows as written.
    through = Annotation.sources.through
    rows = through.objects.bulk_create(
        through(annotation_id=annotation.pk, source_id=source.pk) for source in sources
    )
    history_record([annotation], user=author, created=True, through_rows={"sources": rows})
    article_annotation_started(article=article, user=author)
    annotation.source_names = [source.name for source in sources]
    return annotation


def _locked_live(annotation: Annotation) -> Annotation:
    """The annotation's current row, locked for this transaction; a deleted one is refused."""
    current = Annotation.objects.select_for_update().get(pk=annotation.pk)
    if current.deleted_at is not None:
        raise AnnotationDeleted(_("This annotation is deleted; restore it before changing it."))
    return current


def _stale(annotation: Annotation) -> StaleAnnotation:
    return StaleAnnotation(
        Annotation.objects.select_related("label", "author").get(pk=annotation.pk)
    )


def _review_reset(current: Annotation) -> dict[str, str]:
    """What an update adds when it changes reviewed content: back to "pending review"."""
    if current.status == Annotation.Status.PENDING:
        return {}
    return {"status": Annotation.Status.PENDING}


@transaction.atomic
def annotation_update(
    *, annotation: Annotation, user: User, version: int, content: AnnotationContent
) -> Annotation:
    """Change label, note and sources if nobody changed the annotation since `version`.

    Submitting the same content again changes nothing (no new version, no history entry);
    a change to reviewed content sends it back to review, as the history records.
    """
    current = _locked_live(annotation)
    if current.version != version:
        raise _stale(annotation)
    sources = sources_resolve(names=content.source_names, user=user)
    source_ids = {source.pk for source in sources}
    unchanged = (
        current.label_id == content.label.pk
        and current.note == content.note
        and set(current.sources.values_list("pk", flat=True)) == source_ids
    )
    if unchanged:
        annotation.refresh_from_db()
        annotation.source_names = [source.name for source in sources]
        return annotation
    reset = _review_reset(current)
    updated = Annotation.objects.filter(pk=annotation.pk, version=version).update(
        label=content.label,
        note=content.note,
        version=F("version") + 1,
        updated_at=timezone.now(),
        **reset,
    )
    if not updated:
        raise _stale(annotation)
    annotation.refresh_from_db()
    with history_paused(annotation):
        annotation.sources.set(sources)
    history_record([annotation], user=user, reason=REASON_BACK_TO_REVIEW if reset else "")
    annotation.source_names = [source.name for source in sources]
    return annotation


@transaction.atomic
def annotation_delete(*, annotation: Annotation, user: User) -> Annotation:
    """Soft delete: the annotation disappears from the text but can be restored.

    Deleting a deleted annotation changes nothing (a double click, a repeated request).
    """
    deleted = Annotation.objects.filter(pk=annotation.pk, deleted_at__isnull=True).update(
        deleted_at=timezone.now(), version=F("version") + 1
    )
    annotation.refresh_from_db()
    if deleted:
        history_record([annotation], user=user, reason=REASON_DELETED)
    return annotation


@transaction.atomic
def annotation_restore(*, annotation: Annotation, user: User) -> Annotation:
    """Bring a deleted annotation back; restoring a live one changes nothing."""
    restored = Annotation.objects.filter(pk=annotation.pk, deleted_at__isnull=False).update(
        deleted_at=None, version=F("version") + 1
    )
    annotation.refresh_from_db()
    if restored:
        history_record([annotation], user=user, reason=REASON_RESTORED)
    return annotation


class NotOrphaned(ValueError):
    """Only an annotation that lost its place can be re-attached."""


@transaction.atomic
def annotation_reattach(
    *, annotation: Annotation, user: User, span: CodePointRange, version: int
) -> Annotation:
    """Attach an orphaned annotation to a verified range of its article's current body.

    The quote becomes the selected words; the old one stays in the history.
    """
    current = _locked_live(annotation)
    if not current.is_orphaned:
        raise NotOrphaned(_("This annotation is not orphaned; it is still in the text."))
    body = annotation.article.body
    prefix, suffix = quote_context(body, span.start, span.end)
    reset = _review_reset(current)
    updated = Annotation.objects.filter(pk=annotation.pk, version=version).update(
        start=span.start,
        end=span.end,
        exact=body[span.start : span.end],
        prefix=prefix,
        suffix=suffix,
        is_orphaned=False,
        version=F("version") + 1,
        updated_at=timezone.now(),
        **reset,
    )
    if not updated:
        raise _stale(annotation)
    annotation.refresh_from_db()
    history_record(
        [annotation], user=user, reason=REASON_BACK_TO_REVIEW if reset else REASON_REATTACHED
    )
    return annotation
