"""Reviewers' pages: the review list (per article or per filtered set) with agreement, the
decisions on single annotations (htmx), and the export download.

All of it is for reviewers and admins only (`review.access`); editors get 403.
"""

from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from annotations.models import Label
from annotations.services import StaleAnnotation
from articles.models import Article
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_review, fetch_if_allowed, require
from review.access import access_annotation_for_review
from review.export import FORMATS, export_chunks, export_filename
from review.export.selection import Selection, SelectionForm
from review.forms import DecisionForm
from review.models import ReviewDecision
from review.selectors import review_page, review_row, selection_agreement
from review.services import ReviewError, annotation_review

REVIEW = "review/review.html"
# An article's review page lists this many disagreements (docs/user/review-and-export.md).
DISAGREEMENTS_SHOWN = 100


def _review_context(
    request: AuthenticatedHttpRequest, form: SelectionForm, article: Article | None
) -> dict[str, object]:
    selection = form.selection() if form.is_valid() else Selection(article_id=-1)
    query = urlencode(selection.as_params())
    agreement = selection_agreement(selection) if form.is_valid() else None
    disagreements = agreement.disagreements if agreement is not None else []
    return {
        "form": form,
        "article": article,
        "page": review_page(selection, request.GET.get("page")),
        "agreement": agreement,
        # The first ones in the text; the adjudication screen shows every one.
        "disagreements": disagreements[:DISAGREEMENTS_SHOWN],
        "disagreements_more": max(len(disagreements) - DISAGREEMENTS_SHOWN, 0),
        "labels": list(Label.objects.filter(is_active=True)),
        "formats": sorted(FORMATS),
        "export_query": query,
    }


@require_GET
def review_list_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The review page for the filtered set of annotations."""
    require(can_review(request.user))
    form = SelectionForm(request.GET)
    return render(request, REVIEW, _review_context(request, form, None))


@require_GET
def review_article_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """The review page of one article: its annotations, agreement and disagreements."""
    article = fetch_if_allowed(
        can_review(request.user), Article.objects.defer("body", "blocks"), pk=article_id
    )
    form = SelectionForm({**request.GET.dict(), "article": str(article.pk)})
    return render(request, REVIEW, _review_context(request, form, article))


@require_POST
def review_decide_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    """Accept, reject or correct one annotation; answers with its row."""
    annotation = access_annotation_for_review(request.user, annotation_id)
    labels = list(Label.objects.filter(is_active=True))
    form = DecisionForm(request.POST, annotation_id=annotation.pk, labels=labels)
    context: dict[str, object] = {"labels": labels}
    status = 200
    if not form.is_valid():
        # Comment and label errors show beside their field; the kind and version have none.
        context["decision_form"] = form
        hidden = [e for name in ("kind", "version") for e in form.errors.get(name, [])]
        context["error"] = " ".join(map(str, hidden))
        status = 400
    else:
        kind = ReviewDecision.Kind(form.cleaned_data["kind"])
        try:
            annotation_review(
                annotation=annotation,
                reviewer=request.user,
                kind=kind,
                version=form.cleaned_data["version"],
                label=form.cleaned_data["label"] if kind == ReviewDecision.Kind.CORRECT else None,
                comment=form.cleaned_data["comment"],
            )
        except ReviewError as error:
            form.add_error("label" if kind == ReviewDecision.Kind.CORRECT else None, str(error))
            context |= {"decision_form": form, "error": " ".join(map(str, form.non_field_errors()))}
            status = 400
        except StaleAnnotation:
            context["error"] = _(
                "Someone changed this annotation in the meantime; here is the current version."
            )
            status = 409
    context["annotation"] = review_row(annotation.pk)
    return render(request, f"{REVIEW}#review-row", context, status=status)


@require_GET
def export_view(request: AuthenticatedHttpRequest, format_name: str) -> HttpResponseBase:
    """The current filter as a download in `format_name`, streamed as it is read."""
    require(can_review(request.user))
    export_format = FORMATS.get(format_name)
    form = SelectionForm(request.GET)
    if export_format is None or not form.is_valid():
        errors = "; ".join(" ".join(map(str, e)) for e in form.errors.values()) or format_name
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    chunks = export_chunks(format_name, form.selection(), base_url=request.build_absolute_uri("/"))
    response = StreamingHttpResponse(chunks, content_type=export_format.content_type)
    filename = export_filename(export_format, timezone.now())
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
