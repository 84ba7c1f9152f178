"""Reading articles for the views."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article, ArticleRevision
from newsdesk.aggregates import JSONList, per_outer_row
from newsdesk.permissions import can_read_articles, fetch_if_allowed


def article_detail_queryset() -> QuerySet[Article]:
    """Articles with what their page shows: publisher, `cited_source_names` and
    `revision_count`."""
    revisions = ArticleRevision.objects.filter(article=OuterRef("pk"))
    return (
        Article.objects.select_related("publisher")
        .annotate(cited_source_names=source_names(Article.cited_sources.through, "article"))
        .annotate(revision_count=Coalesce(per_outer_row(revisions, "article", Count("pk")), 0))
    )


def source_names(through: type[Model], owner: str) -> Subquery:
    """The names of the sources that `through` (a many-to-many table to Source) links to
    the outer query's row, as a list in no particular order (None for none).

    One subquery instead of a prefetch's second query; templates show the names with the
    `names` filter, which sorts them.
    """
    linked = through._default_manager.filter(**{owner: OuterRef("pk")})
    return per_outer_row(linked, owner, JSONList("source__name"))


def access_article_for_status(user: User | AnonymousUser, article_id: int) -> Article:
    """The article whose annotation status `user` wants to set, if they may read it.

    Everyone who reads articles (editors, reviewers, admins) may set the status.
    PermissionDenied comes before the 404, so outsiders learn nothing about ids.
    """
    return fetch_if_allowed(
        can_read_articles(user), Article.objects.defer("body", "blocks"), pk=article_id
    )
