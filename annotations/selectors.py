"""Reading what the annotation workspace shows.

The highlighted text needs every annotation's range, so it reads them as plain rows and
renders the runs in Python; the cards are full objects but come in pages, so a request
does the same, bounded work whether an article has 3 or 3,000 annotations.
"""

from dataclasses import dataclass
from html import escape

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from annotations.access import can_annotate, visible_annotations
from annotations.models import Annotation, Label
from annotations.offsets import utf16_starts
from annotations.segments import Highlight, segment_blocks
from articles.models import Article, Source

CARDS_PER_PAGE = 25
HEADING = "heading"


@dataclass(frozen=True)
class CardPage:
    """One page of annotation cards, in text order."""

    cards: list[Annotation]
    next_offset: int | None  # where the next page starts, None when this is the last
    remaining: int


def active_labels() -> QuerySet[Label]:
    return Label.objects.filter(is_active=True)


def live_annotations(user: User | AnonymousUser, article: Article) -> QuerySet[Annotation]:
    return visible_annotations(user, article).filter(deleted_at__isnull=True)


def annotation_cards(
    user: User | AnonymousUser,
    article: Article,
    *,
    offset: int = 0,
    limit: int | None = CARDS_PER_PAGE,
    total: int | None = None,
) -> CardPage:
    """A page of the live annotations this user sees, in text order (None: all the rest).

    `total` is the number of live annotations, when the caller has counted them already.
    """
    queryset = (
        live_annotations(user, article)
        .select_related("label", "author")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("name")))
        .order_by("start", "end", "pk")
    )
    cards = list(queryset[offset:] if limit is None else queryset[offset : offset + limit])
    if total is None:
        total = live_annotations(user, article).count()
    remaining = max(0, total - offset - len(cards))
    return CardPage(cards, offset + len(cards) if remaining else None, remaining)


def deleted_annotations(user: User | AnonymousUser, article: Article) -> QuerySet[Annotation]:
    """Soft-deleted annotations this user may see, newest deletion first."""
    return (
        visible_annotations(user, article)
        .filter(deleted_at__isnull=False)
        .select_related("label", "author")
        .order_by("-deleted_at")
    )


def article_text_html(article: Article, highlights: list[tuple[int, int, int, int]]) -> SafeString:
    """The article's blocks as `<p>`/`<h2>` of runs cut by the (overlapping) highlights.

    `highlights` are (annotation id, start, end, label id). Every run carries `data-o`,
    its UTF-16 offset in the body, which the browser uses to turn a selection into
    offsets; highlighted runs are `<mark>`s listing the covering annotations, innermost
    first, coloured by the innermost one's label. Text is escaped here.
    """
    label_of = {pk: label for pk, _, _, label in highlights}
    blocks = [(b["kind"], b["start"], b["end"]) for b in article.blocks]
    grouped = segment_blocks(
        article.body, blocks, [Highlight(pk, start, end) for pk, start, end, _ in highlights]
    )
    starts16 = iter(utf16_starts(article.body, [s.start for g in grouped for s in g.segments]))
    parts: list[str] = []
    for group in grouped:
        tag = "h2" if group.kind == HEADING else "p"
        parts.append(f"<{tag}>")
        for seg in group.segments:
            text = escape(seg.text, quote=False)
            offset = next(starts16)
            if seg.keys:
                ids = " ".join(map(str, seg.keys))
                depth = min(len(seg.keys), 3)
                label = label_of[seg.keys[0]]
                parts.append(
                    f'<mark class="hl label-{label} depth-{depth}" data-o="{offset}" '
                    f'data-ids="{ids}">{text}</mark>'
                )
            else:
                parts.append(f'<span data-o="{offset}">{text}</span>')
        parts.append(f"</{tag}>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def highlighted_text_context(user: User | AnonymousUser, article: Article) -> dict[str, object]:
    """What the article-text fragment needs: the body with this user's highlights."""
    highlights = list(
        live_annotations(user, article)
        .filter(is_orphaned=False)
        .values_list("pk", "start", "end", "label_id")
    )
    return {"article": article, "article_html": article_text_html(article, highlights)}


def workspace_context(user: User | AnonymousUser, article: Article) -> dict[str, object]:
    """Everything the workspace template needs, in a fixed number of queries."""
    live = live_annotations(user, article)
    counts = live.aggregate(total=Count("pk"), orphaned=Count("pk", filter=Q(is_orphaned=True)))
    return {
        **highlighted_text_context(user, article),
        "annotation_count": counts["total"],
        "orphaned_count": counts["orphaned"],
        "card_page": annotation_cards(user, article, total=counts["total"]),
        "deleted": list(deleted_annotations(user, article)[:50]),
        "labels": list(active_labels()),
        "can_annotate": can_annotate(user),
    }
