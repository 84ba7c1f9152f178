"""Imports started in the browser (jobs, their uploads and per-item results) and feeds.

Uploaded bytes are kept in the database (`ImportUpload.data`), not on the app server's
disk: a task worker on another machine reads them from there (docs/ops/workers.md).
They are emptied when the job has run; the articles' revisions keep the decoded text.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Source
from newsdesk.fields import optional_link


class ImportJob(models.Model):
    """One import an editor started: an upload of files or a zip, or a URL to fetch."""

    class Kind(models.TextChoices):
        UPLOAD = "upload", _("upload")
        URL = "url", _("URL")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="import_jobs",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    description = models.CharField(_("what"), max_length=500)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    background = models.BooleanField(_("runs in the background"), default=False)
    total = models.PositiveIntegerField(_("files"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.description} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("ingest:job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ImportUpload(models.Model):
    """One uploaded file (a news file or a zip of them), kept until its job has run."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="uploads")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    size = models.PositiveBigIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_upload_position"),
        ]

    def __str__(self) -> str:
        return self.name


class ImportItemResult(models.Model):
    """What happened to one file, or to one item of a feed or list, of an import."""

    class Status(models.TextChoices):
        IMPORTED = "imported", _("imported")
        REVISED = "revised", _("revised")
        UNCHANGED = "unchanged", _("unchanged")
        FAILED = "failed", _("failed")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="results")
    # The upload (or, for a URL, 0) and the item within it: a rerun skips what is recorded.
    upload_position = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=1000)
    position = models.PositiveIntegerField()
    name = models.CharField(_("file"), max_length=1000)
    status = models.CharField(_("result"), max_length=10, choices=Status)
    reason = models.TextField(_("reason"), blank=True)  # in English, as the command line says it
    # The reason as newstext.reasons gives it, shown in the reader's language (ingest.reasons).
    reason_code = models.CharField(max_length=60, blank=True)
    reason_params = models.JSONField(default=dict, blank=True)
    article = optional_link(Article, related_name="+")

    class Meta:
        verbose_name = _("import result")
        verbose_name_plural = _("import results")
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="import_result_position"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.status}"


class Feed(models.Model):
    """An RSS or Atom feed of a source, polled by `manage.py poll_feeds`."""

    class Result(models.TextChoices):
        NEW = "new", _("not polled yet")
        OK = "ok", _("fetched")
        NOT_MODIFIED = "not_modified", _("not modified")
        FAILED = "failed", _("failed")

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="feeds", verbose_name=_("source")
    )
    url = models.URLField(_("feed URL"), max_length=2000, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    poll_minutes = models.PositiveIntegerField(
        _("poll every (minutes)"),
        default=15,
        help_text=_("After errors the interval doubles each time, up to a day."),
    )
    etag = models.CharField(_("ETag"), max_length=500, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True)
    last_polled_at = models.DateTimeField(_("last poll"), null=True, blank=True)
    last_status = models.CharField(
        _("last result"), max_length=20, choices=Result, default=Result.NEW
    )
    # In English, as the command line says it; the admin shows the counts and the error's
    # code and parameters in the reader's language (ingest.reasons).
    last_summary = models.CharField(_("last poll did"), max_length=500, blank=True)
    last_counts = models.JSONField(default=dict, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_code = models.CharField(max_length=60, blank=True)
    last_error_params = models.JSONField(default=dict, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    next_poll_at = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # What each poll records: written by the poll, read-only in the admin.
    POLL_STATE = (
        "last_polled_at",
        "last_status",
        "last_summary",
        "last_counts",
        "last_error",
        "last_error_code",
        "last_error_params",
        "consecutive_failures",
        "next_poll_at",
        "etag",
        "last_modified",
    )

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["source", "url"]

    def __str__(self) -> str:
        return self.url


class FeedItem(models.Model):
    """An item a feed delivered and the poll took: seen again unchanged, it is skipped."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=2000)  # guid / id, else link
    digest = models.CharField(max_length=64)  # of what the feed said about the item
    article = optional_link(Article, related_name="+")
    first_seen_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feed", "key"], name="feed_item_key"),
        ]

    def __str__(self) -> str:
        return self.key
