"""Article pages: the list and one article."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from annotations.forms import AnnotationCreateForm
from annotations.selectors import workspace_context
from articles.selectors import article_detail_queryset, article_list
from newsdesk.http import AuthenticatedHttpRequest

ARTICLES_PER_PAGE = 50


@require_GET
def article_list_view(request: HttpRequest) -> HttpResponse:
    page = Paginator(article_list(), ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/article_list.html", {"page": page})


@require_GET
def article_detail_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The annotation workspace: the article on the left, its annotations on the right."""
    article = get_object_or_404(article_detail_queryset(), pk=pk)
    context = workspace_context(request.user, article)
    context["revision_count"] = article.revisions.count()
    context["form"] = AnnotationCreateForm()
    return render(request, "articles/article_detail.html", context)
