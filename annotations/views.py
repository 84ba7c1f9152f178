"""htmx endpoints of the annotation workspace.

Every mutation answers with fragments of `annotations/workspace.html` (the workspace
screen), so a full page and an htmx swap render the same markup.
"""

import re
from collections.abc import Callable
from typing import cast

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from annotations.access import (
    access_annotation,
    access_annotation_for_change,
    access_article_for_annotating,
    access_article_for_reading,
)
from annotations.forms import (
    AnnotationCreateForm,
    AnnotationEditForm,
    AnnotationReattachForm,
    CardFilterForm,
    CardPageForm,
    TextSpanForm,
)
from annotations.history import annotation_history
from annotations.models import Annotation, Label
from annotations.selectors import (
    CARDS_PER_PAGE,
    CardFilters,
    active_labels,
    annotation_cards,
    as_cards,
    blocks_text_context,
    card_filter_context,
    changed_text_context,
    created_annotation_context,
    filtered_cards_context,
    hidden_by_filter,
    reply_count,
    workspace_context,
)
from annotations.services import (
    AnnotationDeleted,
    NotOrphaned,
    StaleAnnotation,
    UnknownSource,
    annotation_create,
    annotation_delete,
    annotation_reattach,
    annotation_restore,
    annotation_update,
)
from annotations.text_version import stale_text_response
from articles.models import Article, Source, SourceAlias
from newsdesk.forms import submitted_rows
from newsdesk.http import AuthenticatedHttpRequest, form_errors_text
from newsdesk.permissions import can_read_articles, require
from newstext.offsets import SelectionError, verify_selection

WORKSPACE = "annotations/workspace.html"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
SUGGESTIONS = 12


def _fragments(
    request: AuthenticatedHttpRequest, context: dict[str, object], *names: str, status: int = 200
) -> HttpResponse:
    """Several partials of the workspace in one response (all but the first swapped out of band).

    A form posted without htmx (no JavaScript, or a click before htmx took the form over)
    gets the workspace page again instead of bare fragments: POST, redirect, GET.
    """
    if not request.htmx and status == 200:
        return redirect(cast(Article, context["article"]))
    html = "".join(
        render_to_string(f"{WORKSPACE}#{name}", {**context, "oob": index > 0}, request=request)
        for index, name in enumerate(names)
    )
    return HttpResponse(html, status=status)


@require_POST
def annotation_create_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    article = access_article_for_annotating(request.user, article_id)
    if stale := stale_text_response(request, article):
        return stale
    labels = list(active_labels())  # for the choice and for the next annotation's form
    form = AnnotationCreateForm(request.POST, labels=labels)
    if form.is_valid():
        data = form.cleaned_data
        try:
            span = verify_selection(article.body, data["start"], data["end"], data["exact"])
            annotation = annotation_create(
                article=article, author=request.user, span=span, content=form.content()
            )
        except SelectionError as error:
            form.add_error(None, _(error.template) % error.params)
        except UnknownSource as error:
            form.add_error("sources", str(error))
        else:
            # Not the whole list again: the new card goes in its place among the others.
            context = created_annotation_context(request.user, annotation)
            context |= {"form": AnnotationCreateForm(labels=labels)}
            names = ["annotation-form", "text-blocks", "annotation-count", "new-card"]
            filters = _posted_filters(request, article)
            if filters.active:  # the filtered list again, saying if the filter hides the card
                context |= filtered_cards_context(request.user, annotation, filters)
                names[-1] = "filtered-cards"
            response = _fragments(request, context, *names)
            return trigger_client_event(response, "annotation-saved", {"id": annotation.pk})
    context = {"article": article, "form": form}
    return _fragments(request, context, "annotation-form", status=400)


def _posted_filters(request: AuthenticatedHttpRequest, article: Article) -> CardFilters:
    """The card filter the reader has set, which workspace.js sends along (as `filter-*`)
    with every change to the card list, so the list that comes back stays filtered."""
    form = CardFilterForm(request.POST, prefix="filter", user=request.user, article=article)
    return form.filters()


@require_GET
def annotation_cards_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The next page of cards (or, with `all`, every remaining one) for "show more", or the
    first page of the cards that match the card filters (the filters travel along)."""
    article = access_article_for_reading(request.user, article_id)
    form = CardPageForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(map(str, form.errors["after"])))
    filters = CardFilterForm(request.GET, user=request.user, article=article).filters()
    limit = None if form.cleaned_data["all"] else CARDS_PER_PAGE
    page = annotation_cards(
        request.user, article, after=form.after_key(), limit=limit, filters=filters
    )
    context = {
        "article": article,
        "card_page": page,
        "after": form.cleaned_data["after"],
        **card_filter_context(filters),
    }
    if request.htmx and not form.cleaned_data["after"]:  # the filter changed: say how many
        context["match_count"] = len(page.cards) + page.remaining
    return render(request, f"{WORKSPACE}#annotation-cards", context)


@require_GET
def annotation_card_filters_view(
    request: AuthenticatedHttpRequest, article_id: int
) -> HttpResponse:
    """The workspace's card filter form, loaded when the reader opens it."""
    article = access_article_for_reading(request.user, article_id)
    labels = list(active_labels())
    form = CardFilterForm(user=request.user, article=article, labels=labels)
    context = {"article": article, "card_filter_form": form}
    return render(request, f"{WORKSPACE}#card-filter-form", context)


@require_GET
def article_text_blocks_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The blocks of text around `start`–`end`, swapped out of band: what the workspace
    draws again after something outside this app (an entity link) changed them."""
    article = access_article_for_reading(request.user, article_id)
    form = TextSpanForm(request.GET, length=len(article.body))
    if not form.is_valid():
        return HttpResponseBadRequest(form_errors_text(form))
    context = blocks_text_context(request.user, article, form.span())
    return render(request, f"{WORKSPACE}#text-blocks", context)


@require_GET
def annotation_card_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = access_annotation(request.user, annotation_id, as_cards(Annotation.objects.all()))
    return render(request, f"{WORKSPACE}#annotation-card", {"annotation": annotation})


@require_GET
def annotation_history_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    """Who changed the annotation when and how: loaded only when its card asks."""
    annotation = access_annotation(request.user, annotation_id)
    context = {"entries": annotation_history(annotation), "closable": True}
    return render(request, "history/entries.html", context)


@require_GET
def annotation_edit_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = access_annotation_for_change(request.user, annotation_id)
    form = AnnotationEditForm.for_annotation(annotation)
    return render(
        request, f"{WORKSPACE}#annotation-edit", {"annotation": annotation, "edit_form": form}
    )


@require_POST
def annotation_update_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    # With its reply count, for the card that answers the change.
    with_replies = Annotation.objects.select_related("label", "author", "article")
    annotation = access_annotation_for_change(
        request.user, annotation_id, with_replies.annotate(reply_count=reply_count())
    )
    form = AnnotationEditForm(request.POST)
    context: dict[str, object] = {"annotation": annotation, "edit_form": form}
    if not form.is_valid():
        return render(request, f"{WORKSPACE}#annotation-edit", context, status=400)
    try:
        annotation = annotation_update(
            annotation=annotation,
            user=request.user,
            version=form.cleaned_data["version"],
            content=form.content(),
        )
    except UnknownSource as error:
        form.add_error("sources", str(error))
        return render(request, f"{WORKSPACE}#annotation-edit", context, status=400)
    except AnnotationDeleted as error:
        form.add_error(None, str(error))
        return render(request, f"{WORKSPACE}#annotation-edit", context, status=409)
    except StaleAnnotation as stale:
        current = stale.current
        context = {
            "annotation": current,
            "edit_form": AnnotationEditForm.for_annotation(current),
            "conflict": submitted_rows(form, ["label", "sources", "note"]),
        }
        return render(request, f"{WORKSPACE}#annotation-edit", context, status=409)
    context = changed_text_context(request.user, annotation)
    context |= {"annotation": annotation, "announcement": _("Annotation saved.")}
    response = _fragments(request, context, "annotation-card", "text-blocks", "announcement")
    return trigger_client_event(response, "annotation-saved", {"id": annotation.pk})


def _card_list_change(
    request: AuthenticatedHttpRequest,
    annotation_id: int,
    change: Callable[..., object],
) -> tuple[Annotation, CardFilters, dict[str, object]]:
    """Delete or restore (`change`) an annotation the user may change; the annotation,
    the reader's card filter and the workspace context that answers the change."""
    annotation = access_annotation_for_change(request.user, annotation_id)
    change(annotation=annotation, user=request.user)
    filters = _posted_filters(request, annotation.article)
    context = workspace_context(request.user, annotation.article, filters)
    # Only the blocks of text the annotation lies in are sent again, not the whole text
    # (which may be megabytes).
    return annotation, filters, context | changed_text_context(request.user, annotation)


@require_POST
def annotation_delete_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    context = _card_list_change(request, annotation_id, annotation_delete)[-1]
    context["message"] = _(
        "Annotation deleted. You can restore it from the list of deleted annotations."
    )
    return _fragments(request, context, "annotation-list", "text-blocks")


@require_POST
def annotation_restore_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    annotation, filters, context = _card_list_change(request, annotation_id, annotation_restore)
    if hidden_by_filter(request.user, annotation, filters):
        context["hidden_by_filter"] = True
        context["message"] = _("Annotation restored. The card filter hides it.")
    else:
        context["message"] = _("Annotation restored.")
    response = _fragments(request, context, "annotation-list", "text-blocks")
    return trigger_client_event(response, "annotation-saved", {"id": annotation.pk})


@require_POST
def annotation_reattach_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    """Move an orphaned annotation to the words the editor selected in the current text."""
    annotation = access_annotation_for_change(request.user, annotation_id)
    article = annotation.article
    if stale := stale_text_response(request, article):
        return stale
    form = AnnotationReattachForm(request.POST)
    error, status = _("Select the words in the article first, then re-attach."), 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            span = verify_selection(article.body, data["start"], data["end"], data["exact"])
            annotation_reattach(
                annotation=annotation, user=request.user, span=span, version=data["version"]
            )
        except SelectionError as problem:
            error = _(problem.template) % problem.params
        except NotOrphaned as problem:
            error = str(problem)
        except StaleAnnotation:
            error, status = _("Someone changed this annotation meanwhile; nothing was saved."), 409
        except AnnotationDeleted as deleted:
            error, status = str(deleted), 409
        else:
            context = workspace_context(request.user, article, _posted_filters(request, article))
            response = _fragments(request, context, "annotation-list", "article-text")
            return trigger_client_event(response, "annotation-saved", {"id": annotation.pk})
    context = workspace_context(request.user, article)
    context["reattach_error"] = {"id": annotation.pk, "text": error}
    if not annotation.is_orphaned:  # no card in the orphaned section to show it on
        context["message"] = error
    return _fragments(request, context, "annotation-list", status=status)


@require_GET
def source_suggestions_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """`<option>`s for the sources field: names and aliases matching the last typed name."""
    require(can_read_articles(request.user))
    typed = request.GET.get("sources", "")
    *done, current = typed.split(",") if typed else [""]
    current = current.strip()
    names: list[str] = []
    if current:
        names = list(
            Source.objects.filter(name__icontains=current)
            .order_by("name")
            .values_list("name", flat=True)[:SUGGESTIONS]
        )
        aliases = SourceAlias.objects.filter(name__icontains=current).select_related("source")[
            :SUGGESTIONS
        ]
        names += [alias.source.name for alias in aliases if alias.source.name not in names]
    head = ", ".join(part.strip() for part in done if part.strip())
    values = [f"{head}, {name}" if head else name for name in names]
    return render(request, f"{WORKSPACE}#source-options", {"values": values})


@require_GET
@cache_control(private=True, max_age=60)
def label_styles_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The label colours as a stylesheet: CSP forbids inline styles."""
    require(can_read_articles(request.user))
    labels = [label for label in Label.objects.order_by("pk") if COLOUR.fullmatch(label.colour)]
    css = render_to_string("annotations/labels.css", {"labels": labels})
    return HttpResponse(css, content_type="text/css; charset=utf-8")
