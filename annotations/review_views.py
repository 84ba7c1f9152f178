"""Reviewers' pages: the review list (per article or per filtered set) with agreement, the
decisions on single annotations (htmx), and the export download.

All of it is for reviewers and admins only (`annotations.review_access`); editors get 403.
"""

from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from annotations.export import FORMATS, export_chunks
from annotations.export.selection import SelectionForm
from annotations.review_access import check_reviewer
from newsdesk.http import AuthenticatedHttpRequest


@require_GET
def export_view(request: AuthenticatedHttpRequest, format_name: str) -> HttpResponseBase:
    """The current filter as a download in `format_name`, streamed as it is read."""
    check_reviewer(request.user)
    export_format = FORMATS.get(format_name)
    form = SelectionForm(request.GET)
    if export_format is None or not form.is_valid():
        errors = "; ".join(" ".join(map(str, e)) for e in form.errors.values()) or format_name
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    chunks = export_chunks(format_name, form.selection(), base_url=request.build_absolute_uri("/"))
    response = StreamingHttpResponse(chunks, content_type=export_format.content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    filename = f"newsdesk-annotations-{stamp}.{export_format.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
