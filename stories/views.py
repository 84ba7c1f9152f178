"""Stories, related articles, article dates and the side-by-side comparison."""

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from annotations.access import access_annotation, access_article_for_annotating
from annotations.services import UnknownSource
from articles.models import Article
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_edit_stories
from stories.access import (
    access_article,
    access_article_for_dating,
    access_story,
    access_story_for_change,
)
from stories.forms import AnnotationCopyForm, ArticleDateForm, StoryArticleForm, StoryRenameForm
from stories.models import Story
from stories.selectors import (
    comparison,
    related_articles,
    story_articles_page,
    story_list,
    story_timeline,
)
from stories.services import (
    CopyRefused,
    StaleArticle,
    annotation_copy,
    article_date_set,
    story_article_add,
    story_article_remove,
    story_rename,
)

STORY = "stories/story_detail.html"
COMPARE = "stories/compare.html"
RELATED = "stories/related.html"


@require_GET
def story_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "stories/story_list.html", {"stories": story_list(request.user)})


def _story_context(request: AuthenticatedHttpRequest, story: Story) -> dict[str, object]:
    page = story_articles_page(story, request.GET.get("page"))
    return {
        "story": story,
        "page": page,
        "timeline": story_timeline(list(page.object_list)),
        "can_edit": can_edit_stories(request.user),
        "rename_form": StoryRenameForm(initial={"title": story.title}),
        "add_form": StoryArticleForm(),
    }


@require_GET
def story_detail_view(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story = access_story(request.user, story_id)
    return render(request, STORY, _story_context(request, story))


def _posted[F: forms.Form](
    request: AuthenticatedHttpRequest,
    story_id: int,
    form_class: type[F],
    form_name: str,
    fragment: str,
) -> tuple[Story, F, HttpResponse | None]:
    """The story to change, the posted form, and the story's `fragment` with the form's
    reasons (400) if it is invalid."""
    story = access_story_for_change(request.user, story_id)
    form = form_class(request.POST)
    if form.is_valid():
        return story, form, None
    context = _story_context(request, story) | {form_name: form}
    return story, form, render(request, f"{STORY}#{fragment}", context, status=400)


@require_POST
def story_rename_view(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story, form, refused = _posted(request, story_id, StoryRenameForm, "rename_form", "story-head")
    if refused is not None:
        return refused
    story_rename(story=story, title=form.cleaned_data["title"])
    return _story_response(request, story, "story-head")


@require_POST
def story_article_add_view(request: AuthenticatedHttpRequest, story_id: int) -> HttpResponse:
    story, form, refused = _posted(
        request, story_id, StoryArticleForm, "add_form", "story-articles"
    )
    if refused is not None:
        return refused
    story_article_add(story=story, article=form.cleaned_data["article"], user=request.user)
    return _story_response(request, story, "story-articles")


@require_POST
def story_article_remove_view(
    request: AuthenticatedHttpRequest, story_id: int, article_id: int
) -> HttpResponse:
    story = access_story_for_change(request.user, story_id)
    article = get_object_or_404(Article, pk=article_id)
    story_article_remove(story=story, article=article, user=request.user)
    return _story_response(request, story, "story-articles")


def _story_response(request: AuthenticatedHttpRequest, story: Story, fragment: str) -> HttpResponse:
    if not request.htmx:
        return redirect(story)
    return render(request, f"{STORY}#{fragment}", _story_context(request, story))


@require_GET
def related_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The article's near-duplicates and story: a fragment for the article page, or a page."""
    article = access_article(request.user, article_id)
    template = RELATED + ("#related" if request.htmx else "")
    context = {
        "article": article,
        "related": related_articles(article),
        "can_edit": can_edit_stories(request.user),
        "date_form": ArticleDateForm.for_article(article),
    }
    return render(request, template, context)


@require_POST
def article_date_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Set the article's published date and precision (editors); 409 if it changed meanwhile."""
    article = access_article_for_dating(request.user, article_id)
    form = ArticleDateForm(request.POST)
    context: dict[str, object] = {"article": article, "can_edit": True}
    status = 200
    if form.is_valid():
        try:
            article = article_date_set(
                article=article,
                published_on=form.cleaned_data["published_on"],
                precision=form.precision(),
                loaded_at=form.cleaned_data["loaded_at"],
            )
        except StaleArticle as stale:
            article, status = stale.current, 409
            context["message"] = _(
                "Someone changed this article's date meanwhile; the form shows it now. "
                "Nothing was saved."
            )
        else:
            context["message"] = _("Date saved.")
            context["saved"] = True
        form = ArticleDateForm.for_article(article)
    else:
        status = 400
    context |= {"article": article, "date_form": form}
    if not request.htmx and status == 200:
        return redirect("stories:related", article_id=article.pk)
    return render(request, f"{RELATED}#date-form", context, status=status)


def _compare_refusal(left: Article, right: Article) -> str:
    """Why the two articles are not compared, or "" (docs/ops/limits.md)."""
    if left.pk == right.pk:
        return _("An article cannot be compared with itself.")
    limit = settings.NEWSDESK_COMPARE_MAX_CHARS
    for article in (left, right):
        if len(article.body) > limit:
            return _(
                "“%(title)s” is too long to compare side by side (%(length)s characters; "
                "the limit is %(limit)s characters)."
            ) % {
                "title": article.title,
                "length": number_format(len(article.body), force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            }
    return ""


@require_GET
def compare_view(request: AuthenticatedHttpRequest, left_id: int, right_id: int) -> HttpResponse:
    left = access_article(request.user, left_id)
    right = access_article(request.user, right_id)
    refusal = _compare_refusal(left, right)
    if refusal:
        context = {"refusal": refusal, "left": left, "right": right}
        return render(request, COMPARE, context, status=400)
    return render(request, COMPARE, {"comparison": comparison(request.user, left, right)})


@require_POST
def annotation_copy_view(
    request: AuthenticatedHttpRequest, left_id: int, right_id: int, target_id: int
) -> HttpResponse:
    """Copy an annotation from one side of the comparison to the other side's matching text."""
    if target_id not in (left_id, right_id):
        return HttpResponse(_("The target must be one of the two compared articles."), status=400)
    target = access_article_for_annotating(request.user, target_id)
    left = access_article(request.user, left_id)
    right = access_article(request.user, right_id)
    refusal = _compare_refusal(left, right)
    if refusal:
        return HttpResponse(refusal, status=400)
    form = AnnotationCopyForm(request.POST)
    status, message = 400, ""
    if not form.is_valid():
        message = _("Choose the annotation to copy (annotation: %(errors)s).") % {
            "errors": " ".join(str(error) for error in form["annotation"].errors)
        }
    else:
        annotation = access_annotation(request.user, form.cleaned_data["annotation"])
        source = right if target.pk == left.pk else left
        if annotation.article_id != source.pk:
            message = _("The annotation is not on the other compared article.")
        else:
            try:
                annotation_copy(annotation=annotation, target=target, author=request.user)
            except (CopyRefused, UnknownSource) as refusal:
                message = str(refusal)
            else:
                status, message = (
                    200,
                    _("Annotation copied to “%(title)s”.") % {"title": target.title},
                )
    if not request.htmx and status == 200:
        return redirect("stories:compare", left_id=left.pk, right_id=right.pk)
    context = {"comparison": comparison(request.user, left, right), "message": message}
    context["refused"] = status != 200
    html = render_to_string(f"{COMPARE}#compare", context, request=request)
    return HttpResponse(html, status=status)
