"""Reading articles for the views."""

from django.db.models import Prefetch, QuerySet

from articles.models import Article, Source


def article_list() -> QuerySet[Article]:
    """Articles for the list page, newest first, without their (long) bodies."""
    return Article.objects.select_related("publisher").defer("body", "blocks")


def article_detail_queryset() -> QuerySet[Article]:
    return Article.objects.select_related("publisher").prefetch_related(
        Prefetch("cited_sources", queryset=Source.objects.order_by("name"))
    )
