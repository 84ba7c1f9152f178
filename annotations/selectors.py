"""Reading what the annotation workspace shows."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, QuerySet

from annotations.access import can_annotate, visible_annotations
from annotations.models import Annotation, Label
from annotations.offsets import utf16_starts
from annotations.segments import Highlight, segment_blocks
from articles.models import Article, Source


@dataclass(frozen=True)
class TextRun:
    """One rendered run of the article text: its UTF-16 start and the highlights on it."""

    text: str
    start16: int
    annotation_ids: str  # space-separated, innermost first; "" when not highlighted
    label_id: int | None
    depth: int


@dataclass(frozen=True)
class RenderedBlock:
    kind: str
    runs: list[TextRun]


def active_labels() -> QuerySet[Label]:
    return Label.objects.filter(is_active=True)


def workspace_annotations(user: User | AnonymousUser, article: Article) -> QuerySet[Annotation]:
    """The live annotations this user sees on the article, in text order."""
    return (
        visible_annotations(user, article)
        .filter(deleted_at__isnull=True)
        .select_related("label", "author")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("name")))
        .order_by("start", "end", "pk")
    )


def deleted_annotations(user: User | AnonymousUser, article: Article) -> QuerySet[Annotation]:
    """Soft-deleted annotations this user may see, newest deletion first."""
    return (
        visible_annotations(user, article)
        .filter(deleted_at__isnull=False)
        .select_related("label", "author")
        .order_by("-deleted_at")
    )


def rendered_blocks(article: Article, annotations: list[Annotation]) -> list[RenderedBlock]:
    """The article's blocks cut into runs by the (possibly overlapping) highlights."""
    placed = [a for a in annotations if not a.is_orphaned]
    by_id = {a.pk: a for a in placed}
    blocks = [(b["kind"], b["start"], b["end"]) for b in article.blocks]
    grouped = segment_blocks(
        article.body, blocks, [Highlight(a.pk, a.start, a.end) for a in placed]
    )
    starts16 = iter(utf16_starts(article.body, [s.start for g in grouped for s in g.segments]))
    result = []
    for group in grouped:
        runs = []
        for seg in group.segments:
            innermost = by_id[seg.keys[0]] if seg.keys else None
            runs.append(
                TextRun(
                    text=seg.text,
                    start16=next(starts16),
                    annotation_ids=" ".join(str(k) for k in seg.keys),
                    label_id=innermost.label_id if innermost else None,
                    depth=min(len(seg.keys), 3),
                )
            )
        result.append(RenderedBlock(group.kind, runs))
    return result


def workspace_context(user: User | AnonymousUser, article: Article) -> dict[str, object]:
    """Everything the workspace template needs, in a fixed number of queries."""
    annotations = list(workspace_annotations(user, article))
    return {
        "article": article,
        "annotations": annotations,
        "orphaned": [a for a in annotations if a.is_orphaned],
        "deleted": list(deleted_annotations(user, article)[:50]),
        "blocks": rendered_blocks(article, annotations),
        "labels": list(active_labels()),
        "can_annotate": can_annotate(user),
    }
