"""Imports started in the browser: an upload of files or zips, or a URL, as an `ImportJob`.

`import_job_create_upload` / `import_job_create_url` check the limits (settings
`NEWSDESK_UPLOAD_*`, `NEWSDESK_ZIP_*`, `NEWSDESK_FETCH_*`; docs/user/importing.md) and
store the job with its bytes; `import_job_start` runs a small one at once and queues a
large one as a task (`ingest.tasks.import_job_task`). `import_job_run` does the work and
records one `ImportItemResult` per file, or per item of a feed or list. It may run again
for the same job (a worker killed mid-job, its task requeued): files with a result are
skipped, so nothing is reported twice.
"""

import io
import logging
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from ingest.models import ImportItemResult, ImportJob, ImportUpload
from ingest.services import ItemOutcome, file_import, url_import
from ingest.sources import ImportLimits
from newstext.formats import Format, FormatError, detect_format
from newstext.reasons import Reason, code_and_params, declare, gettext_noop

logger = logging.getLogger(__name__)

FAILED = ImportItemResult.Status.FAILED


class UploadRefused(ValueError):
    """An upload breaks a limit or cannot be read; the reason names the input."""

    def __init__(self, reason: Reason, *, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


# Why an upload is refused, or a file in an uploaded zip not read (newstext.reasons).
declare(
    {
        "upload_empty": gettext_noop("choose at least one file"),
        "upload_too_many_files": gettext_noop(
            "%(count)s files uploaded, over the limit of %(limit)s"
        ),
        "upload_too_large": gettext_noop(
            "the upload is %(size)s bytes, over the limit of %(limit)s bytes"
        ),
        "upload_file_too_large": gettext_noop(
            "%(name)s: %(size)s bytes, over the limit of %(limit)s bytes per file"
        ),
        "upload_zip_unreadable": gettext_noop("%(name)s: not a readable zip file (%(problem)s)"),
        "upload_zip_too_many_files": gettext_noop(
            "%(name)s: %(count)s files in the zip, over the limit of %(limit)s"
        ),
        "upload_zip_too_large": gettext_noop(
            "%(name)s: %(size)s bytes unpacked, over the limit of %(limit)s bytes"
        ),
        "upload_zip_empty": gettext_noop("%(name)s: the zip holds no files"),
        "member_zip": gettext_noop("a zip inside a zip is not unpacked"),
        "member_symbolic_link": gettext_noop("a symbolic link in the zip is not followed"),
        "zip_unpacks_over": gettext_noop("the zip unpacks to over %(limit)s bytes"),
    }
)


@dataclass(frozen=True)
class UploadLimits:
    """The limits of an import in the browser (settings; docs/user/importing.md)."""

    upload_max_bytes: int
    upload_max_files: int
    file_max_bytes: int
    zip_max_entries: int
    zip_max_bytes: int
    inline_max_files: int
    inline_max_bytes: int
    fetch_timeout: float
    fetch_max_bytes: int
    feed_max_pages: int

    @classmethod
    def from_settings(cls) -> "UploadLimits":
        return cls(
            upload_max_bytes=settings.NEWSDESK_UPLOAD_MAX_BYTES,
            upload_max_files=settings.NEWSDESK_UPLOAD_MAX_FILES,
            file_max_bytes=settings.NEWSDESK_IMPORT_MAX_BYTES,
            zip_max_entries=settings.NEWSDESK_ZIP_MAX_ENTRIES,
            zip_max_bytes=settings.NEWSDESK_ZIP_MAX_BYTES,
            inline_max_files=settings.NEWSDESK_UPLOAD_INLINE_MAX_FILES,
            inline_max_bytes=settings.NEWSDESK_UPLOAD_INLINE_MAX_BYTES,
            fetch_timeout=settings.NEWSDESK_FETCH_TIMEOUT,
            fetch_max_bytes=settings.NEWSDESK_FETCH_MAX_BYTES,
            feed_max_pages=settings.NEWSDESK_FEED_MAX_PAGES_PER_POLL,
        )


@dataclass(frozen=True)
class Upload:
    """One uploaded file as the view received it."""

    name: str
    data: bytes


def is_zip(upload: Upload) -> bool:
    return upload.data[:4] == b"PK\x03\x04" or upload.name.lower().endswith(".zip")


def _zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The files of a zip worth reading: no folders, no macOS resource forks, no dotfiles."""
    return [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and not info.filename.startswith("__MACOSX/")
        and not PurePosixPath(info.filename).name.startswith(".")
    ]


FEED_SUFFIXES = (".xml", ".rss", ".atom")


def may_fetch_pages(upload: Upload) -> bool:
    """Whether importing the upload may fetch pages (a feed without full texts): such an
    upload runs as a task, never in the request, whatever its size."""
    if is_zip(upload):
        try:
            with zipfile.ZipFile(io.BytesIO(upload.data)) as archive:
                return any(
                    info.filename.lower().endswith(FEED_SUFFIXES) for info in _zip_members(archive)
                )
        except (zipfile.BadZipFile, OSError):
            return False
    try:
        return detect_format(upload.data, name=upload.name) in (Format.RSS, Format.ATOM)
    except FormatError:
        return False


def _check_zip(upload: Upload, limits: UploadLimits) -> int:
    """The number of files in a zip upload; UploadRefused if it breaks a limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(upload.data)) as archive:
            members = _zip_members(archive)
    except (zipfile.BadZipFile, OSError) as error:
        refusal = Reason("upload_zip_unreadable", name=upload.name, problem=str(error))
        raise UploadRefused(refusal) from None
    if len(members) > limits.zip_max_entries:
        raise UploadRefused(
            Reason(
                "upload_zip_too_many_files",
                name=upload.name,
                count=len(members),
                limit=limits.zip_max_entries,
            ),
            status=413,
        )
    declared = sum(info.file_size for info in members)
    if declared > limits.zip_max_bytes:
        raise UploadRefused(
            Reason(
                "upload_zip_too_large", name=upload.name, size=declared, limit=limits.zip_max_bytes
            ),
            status=413,
        )
    if not members:
        raise UploadRefused(Reason("upload_zip_empty", name=upload.name))
    return len(members)


def check_upload(uploads: Sequence[Upload], limits: UploadLimits) -> tuple[int, int]:
    """(files, bytes) of an upload, zips counted by their files; UploadRefused if over limits."""
    if not uploads:
        raise UploadRefused(Reason("upload_empty"))
    if len(uploads) > limits.upload_max_files:
        raise UploadRefused(
            Reason("upload_too_many_files", count=len(uploads), limit=limits.upload_max_files),
            status=413,
        )
    size = sum(len(upload.data) for upload in uploads)
    if size > limits.upload_max_bytes:
        raise UploadRefused(
            Reason("upload_too_large", size=size, limit=limits.upload_max_bytes), status=413
        )
    files = 0
    for upload in uploads:
        if is_zip(upload):
            files += _check_zip(upload, limits)
        else:
            if len(upload.data) > limits.file_max_bytes:
                raise UploadRefused(
                    Reason(
                        "upload_file_too_large",
                        name=upload.name,
                        size=len(upload.data),
                        limit=limits.file_max_bytes,
                    ),
                    status=413,
                )
            files += 1
    return files, size


@transaction.atomic
def import_job_create_upload(
    *, user: User, uploads: Sequence[Upload], limits: UploadLimits | None = None
) -> ImportJob:
    """A queued job for these uploaded files (UploadRefused if they break a limit)."""
    limits = limits or UploadLimits.from_settings()
    files, size = check_upload(uploads, limits)
    names = ", ".join(upload.name for upload in uploads)
    job = ImportJob.objects.create(
        created_by=user,
        kind=ImportJob.Kind.UPLOAD,
        description=names if len(names) <= 500 else names[:499] + "…",
        total=files,
        background=files > limits.inline_max_files
        or size > limits.inline_max_bytes
        or any(may_fetch_pages(upload) for upload in uploads),
    )
    ImportUpload.objects.bulk_create(
        ImportUpload(
            job=job, position=position, name=upload.name, size=len(upload.data), data=upload.data
        )
        for position, upload in enumerate(uploads)
    )
    return job


@transaction.atomic
def import_job_create_url(*, user: User, url: str) -> ImportJob:
    """A queued job that fetches a feed or page URL; it always runs as a task."""
    return ImportJob.objects.create(
        created_by=user,
        kind=ImportJob.Kind.URL,
        description=url[:500],
        url=url,
        total=1,
        background=True,
    )


def import_job_start(job: ImportJob) -> None:
    """Run a small job now; queue a large one (or a URL) for the task workers."""
    if job.background:
        from ingest.tasks import import_job_task  # the task module imports this one

        transaction.on_commit(lambda: import_job_task.enqueue(job.pk))
    else:
        import_job_run(job_id=job.pk)


def import_job_run(*, job_id: int, limits: UploadLimits | None = None) -> ImportJob:
    """Do the job's work, recording each file's result; a finished job is left alone."""
    limits = limits or UploadLimits.from_settings()
    job = ImportJob.objects.get(pk=job_id)
    if job.is_finished:
        return job
    job.status = ImportJob.Status.RUNNING
    job.started_at = job.started_at or timezone.now()
    job.save(update_fields=["status", "started_at"])
    recorder = _Recorder(job)
    import_limits = ImportLimits.from_settings(max_bytes=limits.file_max_bytes)
    try:
        if job.kind == ImportJob.Kind.URL:
            if not recorder.is_done(0, job.url):
                recorder.record(0, job.url, url_import(job.url, limits=import_limits))
        else:
            for upload in ImportUpload.objects.filter(job=job).order_by("position"):
                _run_upload(upload, recorder, limits, import_limits)
    except Exception as error:  # recorded for the user; the traceback goes to the log
        logger.exception("import job %s failed", job.pk)
        job.status = ImportJob.Status.FAILED
        job.error = f"{type(error).__name__}: {error}"
    else:
        job.status = ImportJob.Status.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    if job.status == ImportJob.Status.DONE:
        # The articles' revisions keep what was imported; the upload's bytes can go.
        ImportUpload.objects.filter(job=job).update(data=b"")
    return job


class _Recorder:
    """Numbers and stores results; knows which files a previous run already finished."""

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        results = ImportItemResult.objects.filter(job=job)
        self.done = set(results.values_list("upload_position", "file_name").distinct())
        self.next = (results.aggregate(last=Max("position"))["last"] or 0) + 1

    def is_done(self, upload_position: int, file_name: str) -> bool:
        return (upload_position, file_name) in self.done

    @transaction.atomic
    def record(self, upload_position: int, file_name: str, outcomes: list[ItemOutcome]) -> None:
        rows = []
        for outcome in outcomes:
            reason_code, reason_params = code_and_params(outcome.reason)
            rows.append(
                ImportItemResult(
                    job=self.job,
                    upload_position=upload_position,
                    file_name=file_name[:1000],
                    position=self.next,
                    name=outcome.name[:1000],
                    status=outcome.status,
                    reason=outcome.reason,
                    reason_code=reason_code,
                    reason_params=reason_params,
                    article_id=outcome.article_id,
                )
            )
            self.next += 1
        ImportItemResult.objects.bulk_create(rows)
        self.done.add((upload_position, file_name))


def _run_upload(
    upload: ImportUpload, recorder: _Recorder, limits: UploadLimits, import_limits: ImportLimits
) -> None:
    data = bytes(upload.data)
    if not data:  # emptied when its job was done
        return
    if is_zip(Upload(upload.name, data)):
        for member, content in _zip_files(upload.name, data, limits):
            name = f"{upload.name}:{member}"
            if recorder.is_done(upload.position, name):
                continue
            if isinstance(content, str):
                recorder.record(upload.position, name, [ItemOutcome(name, FAILED, content)])
            else:
                # A zip is an import root: a member is identified by its path inside it.
                outcomes = file_import(content, name=name, identity=member, limits=import_limits)
                recorder.record(upload.position, name, outcomes)
    elif not recorder.is_done(upload.position, upload.name):
        outcomes = file_import(data, name=upload.name, identity=upload.name, limits=import_limits)
        recorder.record(upload.position, upload.name, outcomes)


def _zip_files(
    zip_name: str, data: bytes, limits: UploadLimits
) -> Iterator[tuple[str, bytes | str]]:
    """(member, bytes) of each file in the zip, or (member, reason) where it cannot be read.

    Sizes are checked as read, not as declared: a zip that lies about them is cut off.
    """
    unpacked = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in _zip_members(archive):
            member = info.filename
            if member.lower().endswith(".zip"):
                yield member, Reason("member_zip")
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                yield member, Reason("member_symbolic_link")
                continue
            budget = min(limits.file_max_bytes, limits.zip_max_bytes - unpacked)
            try:
                with archive.open(info) as file:
                    content = file.read(budget + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
                yield member, Reason("zip_cannot_unpack", problem=str(error))
                continue
            unpacked += len(content)
            if len(content) > limits.file_max_bytes:
                yield member, Reason("file_over_limit", limit=limits.file_max_bytes)
            elif len(content) > budget:
                yield member, Reason("zip_unpacks_over", limit=limits.zip_max_bytes)
                return
            else:
                yield member, content


def job_counts(job: ImportJob) -> dict[str, int]:
    """How many results of each status the job has so far."""
    rows = ImportItemResult.objects.filter(job=job).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(ImportItemResult.Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
