"""Claim pages and the claim endpoints of the annotation workspace (htmx)."""

from collections.abc import Callable
from functools import partial

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from annotations.access import access_article_for_annotating
from annotations.models import Annotation
from annotations.selectors import blocks_text_context, workspace_context
from annotations.services import AnnotationDeleted, UnknownSource
from articles.models import Article
from claims.access import (
    access_annotation_for_claiming,
    access_annotation_for_claims,
    access_claim,
    access_claim_for_change,
)
from claims.forms import (
    ClaimAttachForm,
    ClaimContentForm,
    ClaimEditForm,
    ClaimFilterForm,
    ClaimSearchForm,
    SuggestionForm,
)
from claims.models import Claim
from claims.selectors import (
    article_suggestions,
    claim_appearances,
    claim_history,
    claim_of_annotation,
    claim_search,
    find_suggestion,
    first_seen,
    similar_claims,
    suggestion_scan_limit,
)
from claims.services import (
    AlreadyClaimed,
    NoClaimLabel,
    StaleClaim,
    SuggestionTaken,
    claim_attach,
    claim_create,
    claim_update,
    suggestion_accept,
    suggestion_dismiss,
)
from newsdesk.forms import submitted_rows
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import (
    can_change_claims,
    can_claim,
    can_read_claims,
    fetch_if_allowed,
    require,
)
from newstext.suggestions import Suggestion

LIST = "claims/claim_list.html"
DETAIL = "claims/claim_detail.html"
PANEL = "claims/annotation_claim.html"
SUGGESTIONS = "claims/suggestions.html"
WORKSPACE = "annotations/workspace.html"
CLAIMS_PER_PAGE = 50
SEARCH_RESULTS = 10


@require_GET
def claim_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_read_claims(request.user))
    form = ClaimFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    claims = claim_search(data.get("q", ""), data.get("status", ""))
    page = Paginator(claims, CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    template = f"{LIST}#claim-results" if request.htmx.target == "claim-results" else LIST
    return render(request, template, context)


def _detail_context(claim: Claim, **extra: object) -> dict[str, object]:
    appearances = claim_appearances(claim)
    return {
        "claim": claim,
        "appearances": appearances,
        "first_seen": first_seen(appearances),
        "history": claim_history(claim),
        **extra,
    }


@require_GET
def claim_detail_view(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    claim = access_claim(request.user, claim_id)
    context = _detail_context(claim, edit_form=ClaimEditForm.for_claim(claim))
    context["can_change"] = can_change_claims(request.user)
    return render(request, DETAIL, context)


@require_POST
def claim_update_view(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    claim = access_claim_for_change(request.user, claim_id)
    form = ClaimEditForm(request.POST)
    context: dict[str, object] = {"claim": claim, "edit_form": form, "can_change": True}
    if not form.is_valid():
        return render(request, f"{DETAIL}#claim-edit", context, status=400)
    data = form.cleaned_data
    try:
        claim = claim_update(
            claim=claim,
            user=request.user,
            version=data["version"],
            wording=data["wording"],
            status=data["status"],
            attribution=data["attribution"],
        )
    except UnknownSource as error:
        form.add_error("attribution", str(error))
        return render(request, f"{DETAIL}#claim-edit", context, status=400)
    except StaleClaim as stale:
        context = {
            "claim": stale.current,
            "edit_form": ClaimEditForm.for_claim(stale.current),
            "conflict": submitted_rows(form, ["wording", "status", "attribution"]),
            "can_change": True,
        }
        return render(request, f"{DETAIL}#claim-edit", context, status=409)
    context = _detail_context(claim, edit_form=ClaimEditForm.for_claim(claim), can_change=True)
    html = render_to_string(f"{DETAIL}#claim-edit", context, request=request)
    html += render_to_string(f"{DETAIL}#claim-history", {**context, "oob": True}, request)
    return HttpResponse(html)


def _panel(
    request: AuthenticatedHttpRequest,
    annotation: Annotation,
    *,
    form: ClaimContentForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    claim = claim_of_annotation(annotation)
    context: dict[str, object] = {
        "annotation": annotation,
        "claim": claim,
        "can_claim": can_claim(request.user, annotation.author_id),
        "error": error,
    }
    if claim is None and context["can_claim"]:
        sources = ", ".join(source.name for source in annotation.sources.all()[:1])
        # Ids per annotation: every card of the workspace may open its claim box.
        context["make_form"] = form or ClaimContentForm(
            initial={"wording": annotation.exact, "attribution": sources},
            auto_id=f"claim-%s-{annotation.pk}",
        )
        context["search_form"] = ClaimSearchForm(auto_id=f"claim-%s-{annotation.pk}")
        context["similar"] = similar_claims(annotation.exact)
    return render(request, f"{PANEL}#claim-box", context, status=status)


def _claim_change(
    request: AuthenticatedHttpRequest, annotation: Annotation, change: Callable[[], object]
) -> HttpResponse:
    """The claim panel after `change` (making or attaching the annotation's claim); with
    the reason (409) if the annotation has a claim already or was deleted meanwhile."""
    try:
        change()
    except (AlreadyClaimed, AnnotationDeleted) as error:
        return _panel(request, annotation, error=str(error), status=409)
    return _panel(request, annotation)


@require_GET
def annotation_claim_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    """The claim panel of an annotation card: its claim, or making or attaching one."""
    annotation = access_annotation_for_claims(request.user, annotation_id)
    return _panel(request, annotation)


@require_POST
def claim_make_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = access_annotation_for_claiming(request.user, annotation_id)
    form = ClaimContentForm(request.POST, auto_id=f"claim-%s-{annotation.pk}")
    if not form.is_valid():
        return _panel(request, annotation, form=form, status=400)
    make = partial(
        claim_create,
        wording=form.cleaned_data["wording"],
        attribution=form.cleaned_data["attribution"],
        user=request.user,
        annotation=annotation,
    )
    try:
        return _claim_change(request, annotation, make)
    except UnknownSource as error:
        form.add_error("attribution", str(error))
        return _panel(request, annotation, form=form, status=400)


@require_POST
def claim_attach_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    annotation = access_annotation_for_claiming(request.user, annotation_id)
    form = ClaimAttachForm(request.POST)
    if not form.is_valid():
        return _panel(
            request, annotation, error=" ".join(str(e) for e in form.errors["claim"]), status=400
        )
    attach = partial(
        claim_attach, claim=form.cleaned_data["claim"], annotation=annotation, user=request.user
    )
    return _claim_change(request, annotation, attach)


@require_GET
def claim_search_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    """Existing claims matching the typed words or entities, to attach the annotation to."""
    annotation = access_annotation_for_claiming(request.user, annotation_id)
    query = request.GET.get("q", "").strip()[:200]
    results = list(claim_search(query)[:SEARCH_RESULTS]) if query else []
    context = {"annotation": annotation, "results": results, "q": query}
    return render(request, f"{PANEL}#claim-search-results", context)


def _suggestions_context(request: AuthenticatedHttpRequest, article: Article) -> dict[str, object]:
    return {
        "article": article,
        "offered": article_suggestions(article),
        "scan_limit": suggestion_scan_limit(article),
        "can_accept": can_change_claims(request.user),
    }


@require_GET
def suggestions_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The workspace's "Claim suggestions" panel."""
    article = fetch_if_allowed(can_read_claims(request.user), Article, pk=article_id)
    return render(request, f"{SUGGESTIONS}#suggestions", _suggestions_context(request, article))


def _posted_suggestion(
    request: AuthenticatedHttpRequest, article_id: int
) -> tuple[Article, Suggestion | HttpResponse]:
    """The article to annotate and the posted suggestion, or the panel with the error: 400
    for offsets that are not a suggestion's, 409 for one accepted or dismissed meanwhile."""
    article = access_article_for_annotating(request.user, article_id)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        error, status = _("start and end must be offsets of a suggested sentence."), 400
    elif found := find_suggestion(article, form.cleaned_data["start"], form.cleaned_data["end"]):
        return article, found
    else:
        error, status = _("This sentence is no longer offered as a claim suggestion."), 409
    return article, _suggestions_response(request, article, error=error, status=status)


def _suggestions_response(
    request: AuthenticatedHttpRequest, article: Article, *, error: str = "", status: int = 200
) -> HttpResponse:
    context = {**_suggestions_context(request, article), "error": error}
    return render(request, f"{SUGGESTIONS}#suggestions", context, status=status)


@require_POST
def suggestion_accept_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Accept a suggestion: annotate the sentence as a claim; the workspace updates in place."""
    article, suggestion = _posted_suggestion(request, article_id)
    if isinstance(suggestion, HttpResponse):
        return suggestion  # the panel with the error
    try:
        claim = suggestion_accept(article=article, suggestion=suggestion, user=request.user)
    except (NoClaimLabel, UnknownSource) as refused:
        return _suggestions_response(request, article, error=str(refused), status=400)
    except SuggestionTaken as taken:
        return _suggestions_response(request, article, error=str(taken), status=409)
    html = render_to_string(
        f"{SUGGESTIONS}#suggestions", _suggestions_context(request, article), request=request
    )
    # The card list, and only the blocks of text the new highlight lies in (not the
    # whole text, which may be megabytes), as creating an annotation does.
    blocks = blocks_text_context(request.user, article, (suggestion.start, suggestion.end))
    workspace = {**workspace_context(request.user, article), **blocks, "oob": True}
    for name in ("annotation-list", "text-blocks"):
        html += render_to_string(f"{WORKSPACE}#{name}", workspace, request=request)
    response = HttpResponse(html)
    annotation_id = claim.appearances.values_list("annotation_id", flat=True).first()
    return trigger_client_event(response, "annotation-saved", {"id": annotation_id})


@require_POST
def suggestion_dismiss_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Dismiss a suggestion for this article: it is not offered again."""
    article, suggestion = _posted_suggestion(request, article_id)
    if isinstance(suggestion, HttpResponse):
        return suggestion  # the panel with the error
    suggestion_dismiss(article=article, sentence=suggestion.sentence, user=request.user)
    return _suggestions_response(request, article)
