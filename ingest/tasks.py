"""Background tasks of the import in the browser."""

from django.tasks import task

from ingest.jobs import import_job_run


@task
def import_job_task(job_id: int) -> str:
    """Run an import job (an upload too large to run in the request, or a URL)."""
    job = import_job_run(job_id=job_id)
    return f"import {job.pk}: {job.status}"
