"""Reading what the annotation workspace shows.

The highlighted text needs every annotation's range, so it reads them as plain rows and
renders the runs in Python; the cards are full objects but come in pages, so a request
does the same, bounded work whether an article has 3 or 3,000 annotations.
"""

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, NamedTuple

from django.contrib.auth.models import AnonymousUser, User
from django.core.cache import caches
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.safestring import SafeString, mark_safe

from annotations.access import visible_annotations
from annotations.models import Annotation, Label
from articles.models import Article
from articles.selectors import source_names
from entities.models import Mention
from newsdesk.aggregates import per_outer_row
from newsdesk.permissions import can_annotate
from newstext.offsets import utf16_starts
from newstext.parsing import BlockKind
from newstext.segments import Highlight, segment_blocks

CARDS_PER_PAGE = 8  # a card is about 260 px high: two screens of the pane; more load as it scrolls
# A highlighted text longer than this is not kept between views: with the cache's 100
# entries (settings.CACHES) a process holds at most 25 million characters of them.
TEXT_CACHE_MAX_CHARS = 250_000
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class CardPage:
    """One page of annotation cards, in text order.

    Pages are keyed by the last card's place in text order, not by an offset, so a card
    created or deleted meanwhile neither repeats nor skips one on the next page.
    """

    cards: list[Annotation]
    remaining: int  # live annotations after this page

    @property
    def next_after(self) -> str | None:
        """Where the next page starts ("start,end,id" of this page's last card), or None."""
        if not self.remaining:
            return None
        last = self.cards[-1]
        return f"{last.start},{last.end},{last.pk}"


def active_labels() -> QuerySet[Label]:
    return Label.objects.filter(is_active=True)


def live_annotations(user: User | AnonymousUser, article: Article) -> QuerySet[Annotation]:
    return visible_annotations(user, article).filter(deleted_at__isnull=True)


def after_in_text_order(
    annotations: QuerySet[Annotation], start: int, end: int, pk: int
) -> QuerySet[Annotation]:
    """The annotations after the one at (start, end, pk) in text order."""
    return annotations.filter(
        Q(start__gt=start) | Q(start=start, end__gt=end) | Q(start=start, end=end, pk__gt=pk)
    )


@dataclass(frozen=True)
class CardFilters:
    """What the workspace's cards are narrowed to; empty values filter nothing."""

    label_id: int | None = None
    source: str = ""  # a part of an attributed source's name
    status: str = ""  # an Annotation.Status
    text: str = ""  # a part of the quote or the note
    author_id: int | None = None  # only narrows what the reader sees anyway

    @property
    def active(self) -> bool:
        return any((self.label_id is not None, self.source, self.status, self.text, self.author_id))

    def query(self) -> dict[str, str]:
        """The filters as the filter form's query parameters, for the "show more" link."""
        params = {
            "q": self.text,
            "label": self.label_id,
            "source": self.source,
            "status": self.status,
            "author": self.author_id,
        }
        return {name: str(value) for name, value in params.items() if value not in (None, "")}


def filtered_cards(
    annotations: QuerySet[Annotation], filters: CardFilters, *, titles: bool = False
) -> QuerySet[Annotation]:
    """The annotations matching every filter. The author filter narrows, never widens:
    it applies to annotations the reader may already see. With `titles` (lists that span
    articles), the text also matches the article's title."""
    if filters.label_id is not None:
        annotations = annotations.filter(label_id=filters.label_id)
    if filters.status:
        annotations = annotations.filter(status=filters.status)
    if filters.text:
        matches = Q(exact__icontains=filters.text) | Q(note__icontains=filters.text)
        if titles:
            matches |= Q(article__title__icontains=filters.text)
        annotations = annotations.filter(matches)
    if filters.author_id is not None:
        annotations = annotations.filter(author_id=filters.author_id)
    if filters.source:
        cited = Annotation.sources.through.objects.filter(
            annotation=OuterRef("pk"), source__name__icontains=filters.source
        )
        annotations = annotations.filter(Exists(cited))
    return annotations


def annotation_authors(article: Article) -> QuerySet[User]:
    """Who has annotated the article (deleted annotations too), by name."""
    authors = Annotation.objects.filter(article=article).values("author_id")
    return User.objects.filter(pk__in=authors).order_by("username")


def annotation_cards(
    user: User | AnonymousUser,
    article: Article,
    *,
    after: tuple[int, int, int] | None = None,
    limit: int | None = CARDS_PER_PAGE,
    total: int | None = None,
    filters: CardFilters | None = None,
) -> CardPage:
    """A page of the live annotations this user sees, in text order (limit None: all the rest).

    `after` is the (start, end, id) of the last card already shown; `total` is the number
    of live annotations, when the caller has counted them already (first page only, no
    filters).
    """
    live = live_annotations(user, article)
    if filters is not None and filters.active:
        live = filtered_cards(live, filters)
        total = None
    if after is not None:
        live = after_in_text_order(live, *after)
    queryset = as_cards(live).order_by("start", "end", "pk")
    cards = list(queryset if limit is None else queryset[:limit])
    if limit is None or len(cards) < limit:
        remaining = 0
    elif total is not None and after is None:
        remaining = total - len(cards)
    else:
        remaining = live.count() - len(cards)
    return CardPage(cards, remaining)


def as_cards(annotations: QuerySet[Annotation]) -> QuerySet[Annotation]:
    """Annotations with what their cards show besides their own fields: label, author,
    `source_names` and `reply_count`."""
    cards = with_source_names(annotations.select_related("label", "author"))
    return cards.annotate(reply_count=reply_count())


def reply_count() -> Subquery:
    """How many replies are under the outer query's annotation, in the same query.

    Replies belong to workflow, a higher layer: the count goes through the reverse
    relation's name, so this app does not import it.
    """
    annotation = Annotation.objects.filter(pk=OuterRef("pk"))
    return per_outer_row(annotation, "pk", Count("replies"))


def with_source_names(annotations: QuerySet[Annotation]) -> QuerySet[Annotation]:
    """Annotations with `source_names`, in the same query."""
    # The model declares `source_names` (services set it too), which django-stubs takes
    # for a clash with the annotation of the same name.
    return annotations.annotate(  # type: ignore[no-redef]
        source_names=source_names(Annotation.sources.through, "annotation")
    )


def deleted_annotations(user: User | AnonymousUser, article: Article) -> QuerySet[Annotation]:
    """Soft-deleted annotations this user may see, newest deletion first."""
    return (
        visible_annotations(user, article)
        .filter(deleted_at__isnull=False)
        .select_related("label", "author")
        .order_by("-deleted_at")
    )


def orphaned_annotations(live: QuerySet[Annotation]) -> list[Annotation]:
    """Live annotations whose quote a newer text lost, for an editor to re-attach (oldest first)."""
    return list(live.filter(is_orphaned=True).select_related("label", "author").order_by("pk"))


def article_text_html(
    article: Article,
    highlights: Sequence[tuple[int, int, int, int]],
    mentions: Sequence[tuple[int, int, int, str]] = (),
    *,
    span: tuple[int, int] | None = None,
) -> SafeString:
    """The article's blocks as `<p>`/`<h2>` of runs cut by highlights and entity mentions.

    `highlights` are (annotation id, start, end, label id), `mentions` (mention id, start,
    end, entity type). Every block has the id `block-N` (its index in the article); with
    `span` (start, end), only the blocks it touches are rendered, each marked for an htmx
    out-of-band swap: what changes when one annotation does. Every run carries `data-o`,
    its UTF-16 offset in the body, which the browser uses to turn a selection into
    offsets; highlighted runs are `<mark>`s listing the covering annotations, innermost
    first, coloured by the innermost one's label; runs inside an entity mention carry the
    class `ent ent-TYPE`, a separate layer the editor can toggle (editor-rejected mentions
    are left out). Text is escaped here.
    """
    label_of = {pk: label for pk, _, _, label in highlights}
    layer_of = {-pk: f" ent ent-{kind}" for pk, _, _, kind in mentions}
    mention_at: dict[int, int] = {}
    for pk, start, _, _ in mentions:
        mention_at.setdefault(start, pk)
    numbered = [
        (index, b["kind"], b["start"], b["end"]) for index, b in _blocks_touched(article, span)
    ]
    swap = ' hx-swap-oob="true"' if span is not None else ""
    # Mentions ride along as highlights with negative keys (annotation ids are positive).
    ranges = [Highlight(pk, start, end) for pk, start, end, _ in highlights]
    ranges += [Highlight(-pk, start, end) for pk, start, end, _ in mentions]
    grouped = segment_blocks(article.body, [block[1:] for block in numbered], ranges)
    starts = [s.start for g in grouped for s in g.segments]
    # Without characters beyond the BMP, UTF-16 offsets are the code-point offsets.
    starts16 = iter(utf16_starts(article.body, starts) if _ASTRAL.search(article.body) else starts)
    parts: list[str] = []
    append = parts.append
    for (index, *_), group in zip(numbered, grouped, strict=True):
        tag = "h2" if group.kind == BlockKind.HEADING else "p"
        append(f'<{tag} id="block-{index}"{swap}>')
        for seg in group.segments:
            text = escape(seg.text, quote=False)
            offset = next(starts16)
            if not seg.keys:
                append(f'<span data-o="{offset}">{text}</span>')
                continue
            keys = [key for key in seg.keys if key > 0]
            layer = next((layer_of[key] for key in seg.keys if key < 0), "")
            # Entity pages link to a mention by its id, set where the mention starts.
            anchor = f' id="mention-{mention_at[seg.start]}"' if seg.start in mention_at else ""
            if keys:
                ids = " ".join(map(str, keys))
                depth = min(len(keys), 3)
                label = label_of[keys[0]]
                append(
                    f'<mark{anchor} class="hl label-{label} depth-{depth}{layer}" '
                    f'data-o="{offset}" data-ids="{ids}">{text}</mark>'
                )
            else:
                append(f'<span{anchor} class="{layer[1:]}" data-o="{offset}">{text}</span>')
        append(f"</{tag}>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def changed_text_context(user: User | AnonymousUser, annotation: Annotation) -> dict[str, object]:
    """The blocks of text an annotation's change touches, with this user's highlights."""
    return blocks_text_context(user, annotation.article, (annotation.start, annotation.end))


def blocks_text_context(
    user: User | AnonymousUser, article: Article, span: tuple[int, int]
) -> dict[str, object]:
    """The blocks of text `span` touches, with this user's highlights and the mentions."""
    highlights = _annotation_rows(user, article).highlights
    return _text_context(article, highlights, span=span)


def _text_context(
    article: Article,
    highlights: list[tuple[int, int, int, int]],
    *,
    span: tuple[int, int] | None = None,
) -> dict[str, object]:
    """The article's text with these highlights and its entity mentions: all of it, or
    only the blocks `span` touches (then only the mentions there are read)."""
    mentions = Mention.objects.filter(article=article).exclude(decision=Mention.Decision.REJECTED)
    if span is not None:
        lo, hi = _blocks_around(article, span)
        mentions = mentions.filter(start__lt=hi, end__gt=lo)
        highlights = [h for h in highlights if h[1] < hi and lo < h[2]]
    # Not the default ordering, which joins the article.
    ordered = mentions.order_by("start", "end", "pk")
    rows = list(ordered.values_list("pk", "start", "end", "entity__kind"))
    if span is not None:
        html = article_text_html(article, highlights, rows, span=span)
    else:
        html = _cached_article_text_html(article, highlights, rows)
    return {"article": article, "article_html": html}


def _cached_article_text_html(
    article: Article,
    highlights: list[tuple[int, int, int, int]],
    mentions: list[tuple[int, int, int, str]],
) -> SafeString:
    """`article_text_html` of the whole text, kept (per process) under a digest of all it
    is made of: reopening an article whose highlights did not change skips the work."""
    made_of = repr((article.body, article.blocks, highlights, mentions)).encode()
    key = hashlib.blake2b(made_of, digest_size=20).hexdigest()
    cache = caches["article-text"]
    html: str | None = cache.get(key)
    if html is None:
        html = article_text_html(article, highlights, mentions)
        if len(html) <= TEXT_CACHE_MAX_CHARS:
            cache.set(key, html)
    return mark_safe(html)  # noqa: S308 - made by article_text_html, which escapes


def _blocks_around(article: Article, span: tuple[int, int]) -> tuple[int, int]:
    """Where the blocks that `span` touches start and end."""
    touched = [block for _, block in _blocks_touched(article, span)]
    if not touched:
        return span
    return touched[0]["start"], touched[-1]["end"]


def _blocks_touched(
    article: Article, span: tuple[int, int] | None
) -> list[tuple[int, dict[str, Any]]]:
    """(index, block) of the article's blocks that `span` overlaps; all of them for None."""
    return [
        (index, block)
        for index, block in enumerate(article.blocks)
        if span is None or (block["start"] < span[1] and span[0] < block["end"])
    ]


def workspace_context(
    user: User | AnonymousUser, article: Article, filters: CardFilters | None = None
) -> dict[str, object]:
    """Everything the workspace template needs, in a fixed number of queries; the cards
    narrowed to `filters`, the ones the reader has set in the card filter."""
    filters = filters or CardFilters()
    rows = _annotation_rows(user, article)
    total, orphaned_count = len(rows.live), len(rows.live) - len(rows.highlights)
    return {
        **_text_context(article, rows.highlights),
        "annotation_count": total,
        "orphaned_count": orphaned_count,
        "orphaned": orphaned_annotations(live_annotations(user, article)) if orphaned_count else [],
        "card_page": annotation_cards(user, article, total=total, filters=filters),
        **card_filter_context(filters),
        "deleted": list(deleted_annotations(user, article)[:50]) if rows.deleted else [],
        "labels": list(active_labels()),
        "can_annotate": can_annotate(user),
    }


def card_filter_context(filters: CardFilters) -> dict[str, object]:
    """What the card list says about its filter: whether one is set, and its parameters."""
    return {"filtering": filters.active, "card_query": filters.query()}


def filtered_cards_context(
    user: User | AnonymousUser, annotation: Annotation, filters: CardFilters
) -> dict[str, object]:
    """The first page of the filtered cards after `annotation` was created or restored,
    and whether the filter hides it (`hidden_by_filter`)."""
    return {
        "card_page": annotation_cards(user, annotation.article, filters=filters),
        "hidden_by_filter": hidden_by_filter(user, annotation, filters),
        **card_filter_context(filters),
    }


def hidden_by_filter(
    user: User | AnonymousUser, annotation: Annotation, filters: CardFilters
) -> bool:
    """Whether the card filter leaves `annotation` out of the cards."""
    if not filters.active:
        return False
    matching = filtered_cards(live_annotations(user, annotation.article), filters)
    return not matching.filter(pk=annotation.pk).exists()


def created_annotation_context(
    user: User | AnonymousUser, annotation: Annotation
) -> dict[str, object]:
    """What answers a new annotation: the blocks of text with its highlight, the new
    count, and its card with where the card goes.

    The card goes before the next card in text order, or at the end of a list shown in
    full (`#cards-end`). When that place is not on the page (it is on a later page of
    cards, not loaded yet), the browser drops the card, and it comes with its page.
    """
    rows = _annotation_rows(user, annotation.article)
    key = (annotation.start, annotation.end, annotation.pk)
    following = next((pk for pk, start, end, *_ in rows.live if (start, end, pk) > key), None)
    target = f"#annotation-{following}" if following else "#cards-end"
    span = (annotation.start, annotation.end)
    return {
        **_text_context(annotation.article, rows.highlights, span=span),
        "annotation_count": len(rows.live),
        "annotation": annotation,
        "card_swap": f"beforebegin:{target}",
    }


class AnnotationRows(NamedTuple):
    """The annotations one user sees on an article, as plain rows."""

    live: list[tuple[int, int, int, int, bool]]  # (id, start, end, label, orphaned), text order
    highlights: list[tuple[int, int, int, int]]  # (id, start, end, label): live, not orphaned
    deleted: int  # how many are deleted (restorable)


def _annotation_rows(user: User | AnonymousUser, article: Article) -> AnnotationRows:
    """One query for every annotation this user sees on the article (deleted ones too)."""
    live, deleted = [], 0
    for pk, start, end, label, orphaned, deleted_at in visible_annotations(
        user, article
    ).values_list("pk", "start", "end", "label_id", "is_orphaned", "deleted_at"):
        if deleted_at is None:
            live.append((pk, start, end, label, orphaned))
        else:
            deleted += 1
    highlights = [
        (pk, start, end, label) for pk, start, end, label, orphaned in live if not orphaned
    ]
    return AnnotationRows(live, highlights, deleted)
