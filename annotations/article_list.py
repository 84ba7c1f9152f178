"""The article list: filters, search and a paginator that counts at most what it shows."""

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OrderBy,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower

from annotations.models import Annotation, Label
from articles.models import Article, Source
from articles.search import SEARCH_RESULTS_CAP, RankedArticles, articles_search, search_terms
from newsdesk.aggregates import per_outer_row


@dataclass(frozen=True)
class ArticleFilters:
    """What the article list is narrowed to; empty values filter nothing."""

    q: str = ""
    publisher: Source | None = None  # published or cited by
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    label: Label | None = None
    # Whose annotations the label filter and the annotation count count: one author's (an
    # editor sees only their own annotations, in the workspace as here), or None for
    # everybody's.
    label_author_id: int | None = None
    status: str = ""
    # A column of SORT_COLUMNS, "-" before it for descending; empty: newest first, or
    # the best match first when searching.
    sort: str = ""

    @property
    def searching(self) -> bool:
        return bool(search_terms(self.q))


# The annotation statuses in the order work goes, not in the alphabet of their keys.
_STATUS_ORDER = Case(
    *(
        When(annotation_status=status, then=Value(position))
        for position, status in enumerate(Article.AnnotationStatus.values)
    ),
    default=Value(len(Article.AnnotationStatus.values)),
    output_field=IntegerField(),
)


def _sort_key(column: str) -> Any:
    if column == "title":
        return Lower("title")
    if column == "date":
        return F("published_on")
    if column == "publisher":
        return Lower("publisher__name")
    if column == "annotations":
        return F("annotation_count")
    return _STATUS_ORDER


SORT_COLUMNS = ("title", "date", "publisher", "annotations", "status")


def sort_order(sort: str) -> list[OrderBy]:
    """The ORDER BY of a `sort` value; empty values (the absent date, publisher) last in
    both directions, ties broken by the default order so that pages never overlap."""
    descending = sort.startswith("-")
    key = _sort_key(sort.removeprefix("-"))
    first = key.desc(nulls_last=True) if descending else key.asc(nulls_last=True)
    return [first, F("published_on").desc(nulls_last=True), F("pk").asc()]


def _annotation_counts(author_id: int | None) -> Coalesce:
    """How many live annotations of the article the reader may see (an editor: their own)."""
    live = Annotation.objects.filter(article=OuterRef("pk"), deleted_at__isnull=True)
    if author_id is not None:
        live = live.filter(author_id=author_id)
    return Coalesce(per_outer_row(live, "article", Count("pk")), Value(0))


def article_list(filters: ArticleFilters | None = None) -> QuerySet[Article] | RankedArticles:
    """Articles for the list page without their (long) bodies: best search match first,
    otherwise newest first. A search on PostgreSQL gives RankedArticles (see search.py)."""
    filters = filters or ArticleFilters()
    articles = (
        Article.objects.select_related("publisher")
        .defer("body", "blocks")
        .annotate(annotation_count=_annotation_counts(filters.label_author_id))
    )
    if filters.publisher is not None:
        cited = Article.cited_sources.through.objects.filter(
            article=OuterRef("pk"), source=filters.publisher
        )
        articles = articles.filter(Q(publisher=filters.publisher) | Exists(cited))
    # Comparisons with NULL are never true: undated articles drop out of a date range.
    if filters.date_from is not None:
        articles = articles.filter(published_on__gte=filters.date_from)
    if filters.date_to is not None:
        articles = articles.filter(published_on__lte=filters.date_to)
    if filters.label is not None:
        annotated = Annotation.objects.filter(
            article=OuterRef("pk"), label=filters.label, deleted_at__isnull=True
        )
        if filters.label_author_id is not None:
            annotated = annotated.filter(author_id=filters.label_author_id)
        articles = articles.filter(Exists(annotated))
    if filters.status:
        articles = articles.filter(annotation_status=filters.status)
    if filters.searching:
        found = articles_search(articles, filters.q)
        if not filters.sort:
            return found
        if isinstance(found, RankedArticles):
            # The ranked matches, in the chosen order instead of the rank's.
            ids = articles.filter(pk__in=found.ids).order_by(*sort_order(filters.sort))
            return RankedArticles(list(ids.values_list("pk", flat=True)), articles)
        return found.order_by(*sort_order(filters.sort))
    if filters.sort:
        return articles.order_by(*sort_order(filters.sort))
    return articles


# Without a search the list counts (and pages through) at most this many articles: a
# count of every article of a large archive is the slowest part of the page; the filters
# narrow it to older ones.
BROWSE_CAP = 10_000


class CappedPaginator(Paginator[Article]):
    """A paginator that counts at most `cap` objects and knows whether there are more.

    Counting every match of a common word is as slow as ranking them all; "more than
    1,000 results" is what a reader needs.
    """

    def __init__(
        self, articles: QuerySet[Article] | RankedArticles, per_page: int, *, cap: int
    ) -> None:
        super().__init__(articles, per_page)
        self.articles = articles
        self.cap = cap

    @cached_property
    def found(self) -> int:
        """How many objects there are, counting at most `cap` + 1."""
        if isinstance(self.articles, QuerySet):
            # Without the order and the annotated columns: a count needs no ranking, and
            # a sliced count would otherwise work out every row's annotation count.
            return self.articles.order_by().values("pk")[: self.cap + 1].count()
        return min(len(self.articles), self.cap + 1)

    @cached_property
    def count(self) -> int:
        return min(self.found, self.cap)

    @property
    def capped(self) -> bool:
        """Whether there are more objects than the paginator shows."""
        return self.found > self.cap


def article_list_page(
    filters: ArticleFilters, *, number: str | None, per_page: int
) -> Page[Article]:
    """One page of `article_list(filters)`; a search shows at most SEARCH_RESULTS_CAP,
    the list without a search at most BROWSE_CAP."""
    return CappedPaginator(article_list(filters), per_page, cap=count_cap(filters)).get_page(number)


def count_cap(filters: ArticleFilters) -> int:
    """How many articles the list counts at most: SEARCH_RESULTS_CAP for a search,
    BROWSE_CAP without one."""
    return SEARCH_RESULTS_CAP if filters.searching else BROWSE_CAP
