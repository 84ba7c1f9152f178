"""Workflow screens: assignments, my work."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_assign, can_read_articles, require
from workflow.access import (
    access_article_for_assigning,
    access_article_for_assignments,
    access_assignment_for_change,
)
from workflow.forms import AssignForm, BulkAssignForm, MyAnnotationsFilterForm
from workflow.selectors import article_assignments, my_annotations, my_assignments
from workflow.services import AssignmentRefused, assignment_delete, assignments_create

ASSIGNMENTS = "workflow/assignments.html"
ANNOTATIONS_PER_PAGE = 25


def _assignments_fragment(
    request: AuthenticatedHttpRequest,
    article_id: int,
    form: AssignForm | None = None,
    *,
    status: int = 200,
    saved: str = "",
) -> HttpResponse:
    article = access_article_for_assignments(request.user, article_id)
    context = {
        "article": article,
        "assignments": article_assignments(article),
        "assign_form": form or AssignForm(),
        "saved": saved,
    }
    return render(request, f"{ASSIGNMENTS}#article-assignments", context, status=status)


@require_http_methods(["GET", "POST"])
def article_assignments_view(request: AuthenticatedHttpRequest, article_id: int) -> HttpResponse:
    """Who works on the article (GET, the workspace header loads it); leads assign (POST)."""
    if request.method == "GET":
        return _assignments_fragment(request, article_id)
    article = access_article_for_assigning(request.user, article_id)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            assignments_create(
                articles=[article],
                user=form.cleaned_data["user"],
                role=form.cleaned_data["role"],
                assigned_by=request.user,
            )
        except AssignmentRefused as refused:
            form.add_error(None, str(refused))
    if not request.htmx:
        for error in form.non_field_errors():
            messages.error(request, str(error))
        return redirect(article)
    if form.errors:
        return _assignments_fragment(request, article_id, form)
    return _assignments_fragment(request, article_id, saved=_("Assigned."))


@require_POST
def assignment_delete_view(request: AuthenticatedHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = access_assignment_for_change(request.user, assignment_id)
    article = assignment.article
    assignment_delete(assignment=assignment, user=request.user)
    if not request.htmx:
        return redirect(article)
    return _assignments_fragment(request, article.pk, saved=_("Assignment removed."))


@require_http_methods(["GET", "POST"])
def assign_articles_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Assign the articles selected in the list (GET: the form; POST: assign, back)."""
    require(can_assign(request.user))
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    if request.method == "GET":
        form = BulkAssignForm(initial={"articles": request.GET.getlist("articles")})
        template = ASSIGNMENTS + ("#assign-form" if request.htmx else "")
        return render(request, template, {"bulk_form": form, "next": back})
    form = BulkAssignForm(request.POST)
    if form.is_valid():
        try:
            new = assignments_create(
                articles=list(form.cleaned_data["articles"]),
                user=form.cleaned_data["user"],
                role=form.cleaned_data["role"],
                assigned_by=request.user,
            )
        except AssignmentRefused as refused:
            form.add_error(None, str(refused))
        else:
            count = len(form.cleaned_data["articles"])
            messages.success(
                request,
                ngettext(
                    "%(count)d article assigned to %(user)s (%(new)d new).",
                    "%(count)d articles assigned to %(user)s (%(new)d new).",
                    count,
                )
                % {
                    "count": count,
                    "user": form.cleaned_data["user"].get_username(),
                    "new": len(new),
                },
            )
            return redirect(back or "articles:list")
    return render(request, ASSIGNMENTS, {"bulk_form": form, "next": back}, status=400)


@require_GET
def my_work_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Assigned articles by state, and the user's own annotations (filtered, paged)."""
    require(can_read_articles(request.user))
    form = MyAnnotationsFilterForm(request.GET)
    annotations = my_annotations(request.user, form.filters())
    page = Paginator(annotations, ANNOTATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    if request.htmx.target == "my-annotations":
        return render(request, "workflow/my_work.html#my-annotations", context)
    context["states"] = my_assignments(request.user)
    return render(request, "workflow/my_work.html", context)
