"""Reading articles for the views."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from annotations.models import Annotation, Label
from articles.models import Article, ArticleRevision, Source
from articles.search import SEARCH_RESULTS_CAP, RankedArticles, articles_search, search_terms
from newsdesk.aggregates import JSONList


@dataclass(frozen=True)
class ArticleFilters:
    """What the article list is narrowed to; empty values filter nothing."""

    q: str = ""
    publisher: Source | None = None  # published or cited by
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    label: Label | None = None
    status: str = ""

    @property
    def searching(self) -> bool:
        return bool(search_terms(self.q))


def article_list(filters: ArticleFilters | None = None) -> QuerySet[Article] | RankedArticles:
    """Articles for the list page without their (long) bodies: best search match first,
    otherwise newest first. A search on PostgreSQL gives RankedArticles (see search.py)."""
    filters = filters or ArticleFilters()
    articles = Article.objects.select_related("publisher").defer("body", "blocks")
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
        articles = articles.filter(Exists(annotated))
    if filters.status:
        articles = articles.filter(annotation_status=filters.status)
    if filters.searching:
        return articles_search(articles, filters.q)
    return articles


class CappedPaginator(Paginator[Article]):
    """A paginator that counts at most `cap` objects and knows whether there are more.

    Counting every match of a common word is as slow as ranking them all; "more than
    1,000 results" is what a reader needs.
    """

    def __init__(
        self, articles: QuerySet[Article] | RankedArticles, per_page: int, *, cap: int | None
    ) -> None:
        super().__init__(articles, per_page)
        self.articles = articles
        self.cap = cap

    @cached_property
    def found(self) -> int:
        """How many objects there are, counting at most `cap` + 1."""
        if self.cap is None:
            return super().count
        if isinstance(self.articles, QuerySet):
            # Without the order: a count needs no ranking.
            return self.articles.order_by()[: self.cap + 1].count()
        return min(len(self.articles), self.cap + 1)

    @cached_property
    def count(self) -> int:
        return self.found if self.cap is None else min(self.found, self.cap)

    @property
    def capped(self) -> bool:
        """Whether there are more objects than the paginator shows."""
        return self.cap is not None and self.found > self.cap


def article_list_page(
    filters: ArticleFilters, *, number: str | None, per_page: int
) -> Page[Article]:
    """One page of `article_list(filters)`; a search shows at most SEARCH_RESULTS_CAP."""
    cap = SEARCH_RESULTS_CAP if filters.searching else None
    return CappedPaginator(article_list(filters), per_page, cap=cap).get_page(number)


def article_detail_queryset() -> QuerySet[Article]:
    """Articles with what their page shows: publisher, `cited_source_names` and
    `revision_count`."""
    revisions = (
        ArticleRevision.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Article.objects.select_related("publisher")
        .annotate(cited_source_names=source_names(Article.cited_sources.through, "article"))
        .annotate(revision_count=Coalesce(Subquery(revisions), 0))
    )


def source_names(through: type[Model], owner: str) -> Subquery:
    """The names of the sources that `through` (a many-to-many table to Source) links to
    the outer query's row, as a list in no particular order (None for none).

    One subquery instead of a prefetch's second query; templates show the names with the
    `names` filter, which sorts them.
    """
    linked = through._default_manager.filter(**{owner: OuterRef("pk")}).order_by().values(owner)
    return Subquery(linked.annotate(names=JSONList("source__name")).values("names"))


def reader_check(user: User | AnonymousUser) -> None:
    """PermissionDenied unless `user` reads articles (a role: editor, reviewer or admin).

    A logged-in account that an admin has not yet given a role sees no article.
    """
    if not user.has_perm("articles.view_article"):
        raise PermissionDenied


def access_article_for_status(user: User | AnonymousUser, article_id: int) -> Article:
    """The article whose annotation status `user` wants to set, if they may read it.

    Everyone who reads articles (editors, reviewers, admins) may set the status.
    PermissionDenied comes before the 404, so outsiders learn nothing about ids.
    """
    reader_check(user)
    return get_object_or_404(Article.objects.defer("body", "blocks"), pk=article_id)
