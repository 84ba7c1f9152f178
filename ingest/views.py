"""The import in the browser: upload files or a zip, or give a URL; follow the job.

Editors and admins only (`can_import_articles`). A small upload runs in the request and
its page shows the results at once; a large one (and every URL) runs as a task, and
its page polls the progress fragment every two seconds until the job is finished.
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ingest.forms import UploadForm, UrlForm
from ingest.jobs import (
    Upload,
    UploadLimits,
    UploadRefused,
    import_job_create_upload,
    import_job_create_url,
    import_job_start,
    job_counts,
)
from ingest.models import ImportItemResult, ImportJob
from ingest.reasons import reason_shown
from newsdesk.http import AuthenticatedHttpRequest
from newsdesk.permissions import can_import_articles, fetch_if_allowed, require

START = "ingest/import_start.html"
JOB = "ingest/import_job.html"
RECENT_JOBS = 20
# An import's page lists its results this many at a time (docs/user/importing.md).
RESULTS_PER_PAGE = 100


def _start_page(
    request: AuthenticatedHttpRequest,
    *,
    upload_form: UploadForm | None = None,
    url_form: UrlForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    jobs = (
        ImportJob.objects.select_related("created_by")
        .annotate(result_total=Count("results"))
        .order_by("-created_at", "-pk")[:RECENT_JOBS]
    )
    context = {
        "upload_form": upload_form if upload_form is not None else UploadForm(),
        "url_form": url_form if url_form is not None else UrlForm(),
        "error": error,
        "limits": UploadLimits.from_settings(),
        "jobs": jobs,
    }
    return render(request, START, context, status=status)


@require_GET
def import_start_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The import page: upload form, URL form, the latest imports."""
    require(can_import_articles(request.user))
    return _start_page(request)


@require_POST
def import_upload_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Store the uploaded files as a job, run or queue it, and go to its page."""
    require(can_import_articles(request.user))
    limits = UploadLimits.from_settings()
    # Refuse an oversized body before Django spools it to disk.
    declared = int(request.META.get("CONTENT_LENGTH") or 0)
    if declared > limits.upload_max_bytes + 64 * 1024:
        message = _("The upload is %(size)s bytes, over the limit of %(limit)s bytes.") % {
            "size": number_format(declared, force_grouping=True),
            "limit": number_format(limits.upload_max_bytes, force_grouping=True),
        }
        return _start_page(request, error=message, status=413)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _start_page(request, upload_form=form, status=400)
    uploads = [Upload(f.name or "upload", f.read()) for f in form.cleaned_data["upload"]]
    try:
        job = import_job_create_upload(user=request.user, uploads=uploads, limits=limits)
    except UploadRefused as refusal:
        message = _("Nothing was imported: %(reason)s.") % {"reason": reason_shown(refusal.reason)}
        return _start_page(request, upload_form=form, error=message, status=refusal.status)
    import_job_start(job)
    return HttpResponseRedirect(job.get_absolute_url(), status=303)


@require_POST
def import_url_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Queue a job that fetches the URL (a page or a feed) and go to its page."""
    require(can_import_articles(request.user))
    form = UrlForm(request.POST)
    if not form.is_valid():
        return _start_page(request, url_form=form, status=400)
    job = import_job_create_url(user=request.user, url=form.cleaned_data["url"])
    import_job_start(job)
    return HttpResponseRedirect(job.get_absolute_url(), status=303)


@require_GET
def import_job_view(request: AuthenticatedHttpRequest, job_id: int) -> HttpResponse:
    """One import: its progress and its files' results, RESULTS_PER_PAGE a page (a
    fragment for htmx polling, of the page shown)."""
    job = fetch_if_allowed(
        can_import_articles(request.user), ImportJob.objects.select_related("created_by"), pk=job_id
    )
    results = (
        ImportItemResult.objects.filter(job=job)
        .select_related("article")
        .only(
            "position",
            "name",
            "status",
            "reason",
            "reason_code",
            "reason_params",
            "upload_position",
            "file_name",
            "article__id",
            "article__title",
        )
    )
    files_done = results.values("upload_position", "file_name").distinct().count()
    page = Paginator(results.order_by("position"), RESULTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "job": job,
        "page": page,
        "results": page.object_list,
        "counts": job_counts(job),
        "files_done": min(files_done, job.total),
    }
    template = JOB + "#job-progress" if request.htmx.target == "job-progress" else JOB
    return render(request, template, context)
