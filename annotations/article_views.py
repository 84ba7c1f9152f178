"""Article pages: the list, one article, and the annotation status of an article."""

from typing import cast

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from annotations.article_forms import ArticleFilterForm, ArticleStatusForm
from annotations.article_list import article_list_page
from annotations.forms import AnnotationCreateForm, LayerForm
from annotations.models import Label
from annotations.selectors import workspace_context
from articles.forms import ArticleMetadataForm
from articles.models import Article
from articles.selectors import (
    access_article_for_status,
    article_detail_queryset,
)
from articles.services import (
    StaleArticle,
    article_metadata_set,
    article_metadata_version,
    article_status_set,
)
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import (
    can_edit_article_metadata,
    can_read_articles,
    fetch_if_allowed,
    require,
)

ARTICLES_PER_PAGE = 50


@require_GET
def article_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The filtered list; an htmx request aimed at the results gets only the results."""
    require(can_read_articles(request.user))
    form = ArticleFilterForm(request.GET)
    filters = form.filters(request.user)
    page = article_list_page(filters, number=request.GET.get("page"), per_page=ARTICLES_PER_PAGE)
    template = "annotations/article_list.html"
    if request.htmx.target == "article-results":
        template += "#article-results"
    context = {
        "form": form,
        "page": page,
        "searching": filters.searching,
        "sort_headers": form.sort_headers(),
    }
    return render(request, template, context)


@require_GET
def article_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The annotation workspace: the article on the left, its annotations on the right."""
    article = fetch_if_allowed(can_read_articles(request.user), article_detail_queryset(), pk=pk)
    context = workspace_context(request.user, article)
    labels = cast(list[Label], context["labels"])
    context["form"] = AnnotationCreateForm(labels=labels)
    context["layer_form"] = LayerForm()
    context["may_edit_metadata"] = can_edit_article_metadata(request.user)
    return render(request, "annotations/workspace.html", context)


@require_POST
def article_status_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Set the annotation status: htmx gets the status form back, a plain form post the
    article page."""
    article = access_article_for_status(request.user, pk)
    form = ArticleStatusForm(request.POST, article=article)
    if not form.is_valid():
        form.show_saved_status()
        context = {"article": article, "status_form": form}
        return render(request, "annotations/_status.html#status-form", context, status=400)
    article_status_set(article=article, status=form.cleaned_data["status"], user=request.user)
    if not request.htmx:
        return redirect(article)
    context = {"article": article, "status_form": form, "status_saved": True}
    return render(request, "annotations/_status.html#status-form", context)


def metadata_form_for(article: Article) -> ArticleMetadataForm:
    """The metadata form filled with the article's title, date and publisher as they are."""
    initial = {
        "title": article.title,
        "published_on": article.published_on,
        "publisher": article.publisher_id,
        "version": article_metadata_version(article),
    }
    return ArticleMetadataForm(initial=initial)


@require_http_methods(["GET", "POST"])
def article_metadata_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The form to correct the title, date and publisher (GET: loaded when the editor opens
    it, so that the workspace does not fetch every source). A post reloads the page with
    them (htmx) or redirects to it; an invalid form comes back (400), a stale one with
    the current values (409)."""
    article = fetch_if_allowed(
        can_edit_article_metadata(request.user), Article.objects.defer("body", "blocks"), pk=pk
    )
    template = "annotations/_metadata.html#metadata-form"
    if request.method == "GET":
        return render(
            request, template, {"article": article, "metadata_form": metadata_form_for(article)}
        )
    form = ArticleMetadataForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"article": article, "metadata_form": form}, status=400)
    try:
        article_metadata_set(
            article_id=article.pk,
            title=form.cleaned_data["title"],
            published_on=form.cleaned_data["published_on"],
            publisher=form.cleaned_data["publisher"],
            version=form.cleaned_data["version"],
            user=request.user,
        )
    except StaleArticle:
        article.refresh_from_db(fields=["title", "published_on", "publisher"])
        context = {"article": article, "metadata_form": metadata_form_for(article), "stale": True}
        return render(request, template, context, status=409)
    if request.htmx:
        return HttpResponseClientRefresh()
    return redirect(article)
