"""Workflow screens: assignments, my work, replies and the inbox, progress."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from annotations.models import Annotation
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_assign, can_read_articles, can_reply, can_see_progress, require
from workflow.access import (
    access_annotation_for_replies,
    access_annotation_for_reply,
    access_article_for_assigning,
    access_article_for_assignments,
    access_assignment_for_change,
)
from workflow.forms import AssignForm, BulkAssignForm, MyAnnotationsFilterForm, ReplyForm
from workflow.models import Reply
from workflow.selectors import (
    BAR_WIDTH,
    STORIES_SHOWN,
    annotation_replies_page,
    article_assignments,
    inbox,
    my_annotations,
    my_assignments,
    progress_by_label,
    progress_by_person,
    progress_by_story,
)
from workflow.services import (
    AssignmentRefused,
    assignment_delete,
    assignments_create,
    notifications_mark_read,
    reply_create,
)

ASSIGNMENTS = "workflow/assignments.html"
REPLIES = "workflow/replies.html"
ANNOTATIONS_PER_PAGE = 25
NOTIFICATIONS_PER_PAGE = 25


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


def _replies(
    request: AuthenticatedHttpRequest,
    annotation: Annotation,
    form: ReplyForm | None = None,
    new_reply: Reply | None = None,
) -> HttpResponse:
    context = {
        "annotation": annotation,
        # The page asked for with GET; after a new reply (POST) page 1, the newest, with it.
        "page": annotation_replies_page(annotation, request.GET.get("page")),
        "replies_target": f"#replies-{annotation.pk}",
        "reply_form": form or ReplyForm(annotation_id=annotation.pk),
        "may_reply": can_reply(request.user, annotation.author_id),
        "new_reply": new_reply,
    }
    # The card loads the thread into itself; without htmx it is a page of its own.
    template = f"{REPLIES}#reply-thread" if request.htmx else REPLIES
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def replies_view(request: AuthenticatedHttpRequest, annotation_id: int) -> HttpResponse:
    """The discussion under an annotation (GET), and a new reply to it (POST)."""
    if request.method == "GET":
        return _replies(request, access_annotation_for_replies(request.user, annotation_id))
    annotation = access_annotation_for_reply(request.user, annotation_id)
    form = ReplyForm(request.POST, annotation_id=annotation.pk)
    if not form.is_valid():
        # 200, so that htmx swaps the form with its error in.
        return _replies(request, annotation, form)
    reply = reply_create(annotation=annotation, author=request.user, text=form.cleaned_data["text"])
    if not request.htmx:
        messages.success(request, _("Reply added."))
        return redirect(reverse("workflow:replies", args=[annotation.pk]))
    return _replies(request, annotation, new_reply=reply)


@require_GET
def inbox_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's notifications (colleagues mentioned them in replies), newest first."""
    require(can_read_articles(request.user))
    page = Paginator(inbox(request.user), NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "workflow/inbox.html", {"page": page})


@require_POST
def inbox_mark_read_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_read_articles(request.user))
    count = notifications_mark_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked read.", "%(count)d notifications marked read.", count
        )
        % {"count": count},
    )
    return redirect("workflow:inbox")


@require_GET
def progress_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """How far the work is: per story, per label and per person, with bars."""
    require(can_see_progress(request.user))
    context = {
        "stories": progress_by_story(),
        "labels": progress_by_label(),
        "people": progress_by_person(),
        "bar_width": BAR_WIDTH,
        "stories_shown": STORIES_SHOWN,
    }
    return render(request, "workflow/progress.html", context)
