"""Sources, articles and their revisions."""

from typing import Any, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from newsdesk.fields import optional_link
from newstext.names import name_key
from newstext.parsing import DatePrecision

DATE_PRECISION_CHOICES = [
    (DatePrecision.DAY.value, _("day")),
    (DatePrecision.MONTH.value, _("month")),
    (DatePrecision.UNKNOWN.value, _("unknown")),
]


class KeyedName(models.Model):
    """A model whose `name` is unique by its key (newstext.names.name_key), stored in `key`.

    The key is computed in Python on every save, so a lookup by key finds what the unique
    constraint compares, on every database. bulk_create callers set it themselves.
    """

    name = models.CharField(_("name"), max_length=200)
    key = models.TextField(editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key = name_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "key"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        refusal = self.name_refusal()
        if refusal:
            raise ValidationError({"name": refusal})

    def name_refusal(self) -> str:
        """Why this name cannot be saved (another row has its key), or ""."""
        raise NotImplementedError

    def name_clash(self) -> Self | None:
        """Another row of this model whose name has the same key, if any."""
        return (
            type(self)._default_manager.filter(key=name_key(self.name)).exclude(pk=self.pk).first()
        )


class Source(KeyedName):
    """An outlet, agency, institution or official that publishes or is cited."""

    class Kind(models.TextChoices):
        AGENCY = "agency", _("news agency")
        OUTLET = "outlet", _("outlet")
        INSTITUTION = "institution", _("institution")
        OFFICIAL = "official", _("official or person")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    homepage = models.URLField(_("homepage"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created by an import or an editor; an admin has not curated it yet."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["key"], name="source_key_unique")]

    def name_refusal(self) -> str:
        clash = self.name_clash()
        if clash is None:
            return ""
        return _("The source “%(name)s” has this name already.") % {"name": clash}


class SourceAlias(KeyedName):
    """Another name under which a source appears ("Deutsche Presse-Agentur" for dpa)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source alias")
        verbose_name_plural = _("source aliases")
        constraints = [models.UniqueConstraint(fields=["key"], name="source_alias_key_unique")]

    def name_refusal(self) -> str:
        clash = self.name_clash()
        if clash is not None:
            return _("“%(name)s” is an alias of “%(source)s” already.") % {
                "name": clash,
                "source": clash.source,
            }
        named = Source.objects.filter(key=name_key(self.name)).first()
        if named is not None:
            return _("“%(name)s” is the name of a source.") % {"name": named}
        return ""


class Article(models.Model):
    """One news text. `body` is NFC text; every offset in Newsdesk indexes into it.

    On PostgreSQL the table also has a `search_vector` column (migration 0003) that
    Django does not know as a field; `articles/search.py` reads it.
    """

    class AnnotationStatus(models.TextChoices):
        """How far the editors are with annotating the article: the first annotation moves
        it to "in progress" (`articles.services.article_annotation_started`), people set
        the rest."""

        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    title = models.CharField(_("title"), max_length=300)
    title_derived = models.BooleanField(
        _("title derived"),
        default=False,
        help_text=_("The file had no title; this one was taken from the first sentence."),
    )
    # The article's identity across imports (DESIGN.md): its own URI where the format
    # has one (ninjs uri, feed guid, canonical URL), else its path relative to the import
    # root. Kept under the name `origin`, which exports and existing rows already use.
    origin = models.CharField(
        _("identity"),
        max_length=500,
        help_text=_(
            "The article's own URI (agency item, feed item, canonical page URL), "
            "else its path relative to the folder it was imported from."
        ),
    )
    publisher = optional_link(
        Source, verbose_name=_("publisher"), related_name="published_articles"
    )
    cited_sources = models.ManyToManyField(
        Source, verbose_name=_("cited sources"), blank=True, related_name="cited_in"
    )
    byline = models.CharField(_("byline"), max_length=300, blank=True)
    dateline_place = models.CharField(_("dateline place"), max_length=100, blank=True)
    published_on = models.DateField(_("published"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=DATE_PRECISION_CHOICES,
        default=DatePrecision.UNKNOWN.value,
    )
    language = models.CharField(_("language"), max_length=10, default="de")
    body = models.TextField(_("body"))
    blocks = models.JSONField(
        _("blocks"), default=list, help_text=_("Paragraphs and subheadings as ranges of the body.")
    )
    word_count = models.PositiveIntegerField(_("words"), default=0)
    content_hash = models.CharField(_("content hash"), max_length=64)
    annotation_status = models.CharField(
        _("annotation status"),
        max_length=12,
        choices=AnnotationStatus,
        default=AnnotationStatus.NOT_STARTED,
    )
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Status and metadata changes only: the text's versions are ArticleRevisions.
    history = HistoricalRecords(excluded_fields=["body", "blocks", "updated_at"])

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = [models.F("published_on").desc(nulls_last=True), "origin"]
        # Declared here rather than as `unique=True` and `db_index=True` on the fields:
        # on PostgreSQL those add a second, `varchar_pattern_ops` index per column for
        # LIKE 'prefix%' queries, which nothing runs on these columns; each index costs
        # every import. The newest-first index is PostgreSQL's only (migration 0003); this
        # one serves the oldest-first sort there and both directions on SQLite.
        indexes = [
            models.Index(fields=["published_on", "origin"]),
            models.Index(fields=["annotation_status"], name="article_annotation_status"),
        ]
        constraints = [models.UniqueConstraint(fields=["origin"], name="article_origin_unique")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    def block_texts(self) -> list[tuple[str, str]]:
        """(kind, text) for every block, in order: what the article page renders."""
        return [(block["kind"], self.body[block["start"] : block["end"]]) for block in self.blocks]


class ArticleRevision(models.Model):
    """Every imported version of an article, with the decoded text exactly as read."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    raw_text = models.TextField(_("raw text"), help_text=_("Decoded file content, unchanged."))
    encoding = models.CharField(_("encoding"), max_length=40)
    body = models.TextField(_("body"))
    content_hash = models.CharField(_("content hash"), max_length=64)
    version = models.CharField(
        _("version"), max_length=100, blank=True, help_text=_("As the format declared it.")
    )
    imported_from = models.CharField(
        _("imported from"),
        max_length=1000,
        blank=True,
        help_text=_("File, zip member or URL this version was read from."),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article.origin} r{self.number}"
