"""Reading related articles, stories with their timeline, and the side-by-side comparison."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from django.contrib.auth.models import AnonymousUser, User
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.utils.safestring import SafeString, mark_safe

from annotations.models import Annotation
from annotations.selectors import live_annotations
from articles.models import Article
from newsdesk.permissions import can_annotate, can_read_stories, require
from newstext.alignment import align, changed_words
from newstext.parsing import BlockKind, DatePrecision
from newstext.segments import Highlight, Segment, segment_blocks
from newstext.sentences import Sentence, split_sentences
from newstext.timeline import DatedItem, Layout, layout
from stories.models import NearDuplicate, Story, StoryMembership

# Sentence pairs longer than this (both sides together, characters) get no word-level
# marks in the comparison (docs/ops/limits.md).
WORD_DIFF_MAX_CHARS = 4000


@dataclass(frozen=True)
class NearDuplicateOf:
    """Another article with nearly the same text, scored from the viewed article's side."""

    article: Article
    jaccard: float
    this_in_other: float  # how much of the viewed article's text the other one holds
    other_in_this: float


# The related articles name at most this many other articles of the story; the story's
# page lists them all (docs/user/stories.md).
RELATED_STORY_ARTICLES = 20


@dataclass(frozen=True)
class Related:
    near_duplicates: list[NearDuplicateOf]
    story: Story | None
    story_articles: list[Article]  # the first RELATED_STORY_ARTICLES, in timeline order
    story_more: int = 0  # how many more the story has


def story_of(article: Article) -> Story | None:
    membership = (
        StoryMembership.objects.filter(article=article, removed=False)
        .select_related("story")
        .first()
    )
    return membership.story if membership else None


def related_articles(article: Article) -> Related:
    """Near-duplicates (with their scores) and the other articles of the article's story."""
    pairs = (
        NearDuplicate.objects.filter(Q(first=article) | Q(second=article))
        .select_related("first", "second")
        .defer("first__body", "first__blocks", "second__body", "second__blocks")
    )
    duplicates = []
    for pair in pairs:
        if pair.first_id == article.pk:
            duplicates.append(
                NearDuplicateOf(
                    pair.second, pair.jaccard, pair.first_in_second, pair.second_in_first
                )
            )
        else:
            duplicates.append(
                NearDuplicateOf(
                    pair.first, pair.jaccard, pair.second_in_first, pair.first_in_second
                )
            )
    duplicates.sort(key=lambda d: -max(d.this_in_other, d.other_in_this))
    story = story_of(article)
    duplicate_ids = {d.article.pk for d in duplicates}
    if story is None:
        return Related(duplicates, None, [])
    others = _timeline_ordered(
        story_articles(story).exclude(pk=article.pk).exclude(pk__in=duplicate_ids)
    )
    shown = list(others[:RELATED_STORY_ARTICLES])
    more = others.count() - len(shown) if len(shown) == RELATED_STORY_ARTICLES else 0
    return Related(duplicates, story, shown, more)


def story_articles(story: Story) -> QuerySet[Article]:
    return Article.objects.filter(
        story_memberships__story=story, story_memberships__removed=False
    ).select_related("publisher")


# A story's page shows its articles this many at a time, in timeline order (docs/user/stories.md).
STORY_ARTICLES_PER_PAGE = 100


def story_articles_page(story: Story, number: str | None) -> Page[Article]:
    """A page of the story's articles in timeline order: dated ones by date (a month
    before the days of that month), then undated ones; bodies are not read."""
    return Paginator(_timeline_ordered(story_articles(story)), STORY_ARTICLES_PER_PAGE).get_page(
        number
    )


def _timeline_ordered(articles: QuerySet[Article]) -> QuerySet[Article]:
    """`articles` in timeline order (`newstext.timeline.timeline_order`, undated ones
    last), without their bodies."""
    dated = Q(published_on__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN)
    return (
        articles.defer("body", "blocks")
        .annotate(
            undated=Case(When(dated, then=Value(0)), default=Value(1)),
            days=Case(When(date_precision=DatePrecision.MONTH, then=Value(0)), default=Value(1)),
        )
        .order_by("undated", "published_on", "days", "pk")
    )


def story_list(user: User | AnonymousUser) -> QuerySet[Story]:
    """The stories with at least one article, for a user who may read them."""
    require(can_read_stories(user))
    return Story.objects.annotate(
        article_count=Count("memberships", filter=Q(memberships__removed=False))
    ).filter(article_count__gt=0)


@dataclass(frozen=True)
class Timeline:
    dated: list[Article]  # in timeline order
    undated: list[Article]
    picture: Layout


def is_dated(article: Article) -> bool:
    return article.published_on is not None and article.date_precision != DatePrecision.UNKNOWN


def story_timeline(articles: Sequence[Article]) -> Timeline:
    """The dated articles laid out by date and precision; undated ones apart."""
    by_pk = {article.pk: article for article in articles}
    items = [
        DatedItem(
            article.pk,
            article.title,
            article.published_on,
            article.date_precision == DatePrecision.MONTH,
        )
        for article in articles
        if is_dated(article) and article.published_on is not None
    ]
    picture = layout(items)
    return Timeline(
        dated=[by_pk[row.item.key] for row in picture.rows],
        undated=[article for article in articles if not is_dated(article)],
        picture=picture,
    )


# The side-by-side comparison.


@dataclass(frozen=True)
class ComparisonRow:
    left: SafeString | None
    right: SafeString | None
    similarity: float

    @property
    def kind(self) -> str:
        if self.left is None:
            return "right-only"
        if self.right is None:
            return "left-only"
        return "same" if self.similarity == 1.0 else "changed"


@dataclass
class Comparison:
    left: Article
    right: Article
    rows: list[ComparisonRow] = field(default_factory=list)
    left_annotations: list[Annotation] = field(default_factory=list)
    right_annotations: list[Annotation] = field(default_factory=list)
    can_copy: bool = False

    @property
    def shared(self) -> int:
        return sum(1 for row in self.rows if row.left is not None and row.right is not None)


def article_sentences(article: Article) -> list[tuple[str, Sentence]]:
    """(block kind, sentence) for every sentence of the article, subheadings whole."""
    result = []
    for block in article.blocks:
        if block["kind"] == BlockKind.HEADING:
            result.append((block["kind"], Sentence(block["start"], block["end"])))
        else:
            result += [
                (block["kind"], s)
                for s in split_sentences(article.body, block["start"], block["end"])
            ]
    return result


def comparison(user: User | AnonymousUser, left: Article, right: Article) -> Comparison:
    """Both articles sentence by sentence, aligned, each with this user's highlights."""
    left_sentences = article_sentences(left)
    right_sentences = article_sentences(right)
    left_texts = [left.body[s.start : s.end] for _, s in left_sentences]
    right_texts = [right.body[s.start : s.end] for _, s in right_sentences]
    rows = align(left_texts, right_texts)
    left_changes: list[tuple[int, int]] = []
    right_changes: list[tuple[int, int]] = []
    for row in rows:
        if row.left is None or row.right is None or row.similarity == 1.0:
            continue
        if len(left_texts[row.left]) + len(right_texts[row.right]) > WORD_DIFF_MAX_CHARS:
            continue  # the word diff is quadratic in the worst case; the row still shows
        lo, ro = left_sentences[row.left][1].start, right_sentences[row.right][1].start
        a, b = changed_words(left_texts[row.left], right_texts[row.right])
        left_changes += [(lo + s, lo + e) for s, e in a]
        right_changes += [(ro + s, ro + e) for s, e in b]
    left_html = _sentence_html(user, left, left_sentences, left_changes)
    right_html = _sentence_html(user, right, right_sentences, right_changes)
    result = Comparison(left, right, can_copy=can_annotate(user))
    result.rows = [
        ComparisonRow(
            None if row.left is None else left_html[row.left],
            None if row.right is None else right_html[row.right],
            row.similarity,
        )
        for row in rows
    ]
    result.left_annotations = _copyable(user, left)
    result.right_annotations = _copyable(user, right)
    return result


def _copyable(user: User | AnonymousUser, article: Article) -> list[Annotation]:
    return list(
        live_annotations(user, article)
        .filter(is_orphaned=False)
        .select_related("label", "author")
        .order_by("start", "end", "pk")
    )


def _sentence_html(
    user: User | AnonymousUser,
    article: Article,
    sentences: list[tuple[str, Sentence]],
    changes: list[tuple[int, int]],
) -> list[SafeString]:
    """Each sentence as runs: annotations as `<mark>`s coloured by label, changed words marked."""
    annotations = list(
        live_annotations(user, article)
        .filter(is_orphaned=False)
        .values_list("pk", "start", "end", "label_id")
    )
    label_of = {pk: label for pk, _, _, label in annotations}
    # Changed-word ranges ride along as highlights with negative keys.
    ranges = [Highlight(pk, start, end) for pk, start, end, _ in annotations]
    ranges += [Highlight(-index - 1, start, end) for index, (start, end) in enumerate(changes)]
    grouped = segment_blocks(
        article.body, [(kind, s.start, s.end) for kind, s in sentences], ranges
    )
    return [_runs_html(group.segments, label_of) for group in grouped]


def _runs_html(segments: list[Segment], label_of: dict[int, int]) -> SafeString:
    parts = []
    for seg in segments:
        text = escape(seg.text, quote=False)
        keys = [key for key in seg.keys if key > 0]
        changed = " changed" if any(key < 0 for key in seg.keys) else ""
        if keys:
            ids = " ".join(map(str, keys))
            depth = min(len(keys), 3)
            parts.append(
                f'<mark class="hl label-{label_of[keys[0]]} depth-{depth}{changed}" '
                f'data-ids="{ids}">{text}</mark>'
            )
        elif changed:
            parts.append(f'<span class="changed">{text}</span>')
        else:
            parts.append(text)
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above
