"""Article pages: the list, one article, and the annotation status of an article."""

from typing import cast

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from annotations.article_forms import ArticleFilterForm, ArticleStatusForm
from annotations.article_list import article_list_page
from annotations.forms import AnnotationCreateForm, CardFilterForm
from annotations.models import Label
from annotations.selectors import workspace_context
from articles.selectors import (
    access_article_for_status,
    article_detail_queryset,
)
from articles.services import article_status_set
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_read_articles, require

ARTICLES_PER_PAGE = 50


@require_GET
def article_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The filtered list; an htmx request aimed at the results gets only the results."""
    require(can_read_articles(request.user))
    form = ArticleFilterForm(request.GET)
    page = article_list_page(
        form.filters(request.user), number=request.GET.get("page"), per_page=ARTICLES_PER_PAGE
    )
    template = "annotations/article_list.html"
    if request.htmx.target == "article-results":
        template += "#article-results"
    context = {"form": form, "page": page, "sort_headers": form.sort_headers()}
    return render(request, template, context)


@require_GET
def article_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The annotation workspace: the article on the left, its annotations on the right."""
    require(can_read_articles(request.user))
    article = get_object_or_404(article_detail_queryset(), pk=pk)
    context = workspace_context(request.user, article)
    context["form"] = AnnotationCreateForm()
    context["card_filter_form"] = CardFilterForm(
        user=request.user, article=article, labels=cast(list[Label], context["labels"])
    )
    return render(request, "annotations/workspace.html", context)


@require_POST
def article_status_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Set the annotation status: htmx gets the status form back, a plain form post the
    article page."""
    article = access_article_for_status(request.user, pk)
    form = ArticleStatusForm(request.POST)
    if not form.is_valid():
        context = {"article": article, "status_form": form}
        return render(request, "annotations/_status.html#status-form", context, status=400)
    article_status_set(article=article, status=form.cleaned_data["status"], user=request.user)
    if not request.htmx:
        return redirect(article)
    context = {"article": article, "status_form": form, "status_saved": True}
    return render(request, "annotations/_status.html#status-form", context)
