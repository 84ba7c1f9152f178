"""Labels and the annotations editors make on articles."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.signals import post_save
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from articles.models import Article, Source
from newsdesk.fields import optional_user, required_user
from newsdesk.history import skip_history_when_loading


class Label(models.Model):
    """One entry of the admin-configured label set (Behauptung, Zitat, Zahl …)."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    name_en = models.CharField(_("English name"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#ffd54f",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #ffd54f."))],
    )
    key = models.CharField(
        _("keyboard key"),
        max_length=1,
        blank=True,
        validators=[RegexValidator(r"^[1-9]$", _("Use a digit from 1 to 9."))],
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~models.Q(key=""), name="label_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the interface's language: the English name in English, if set."""
        if self.name_en and (get_language() or "").split("-")[0] == "en":
            return self.name_en
        return self.name


class Annotation(models.Model):
    """A highlighted range of an article, anchored by position and by quote (W3C model).

    `start`/`end` are code points into `article.body`; `exact`, `prefix` and `suffix`
    are the quote used to re-anchor when the text changes.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="annotations")
    author = required_user(related_name="annotations")
    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="annotations")
    sources = models.ManyToManyField(
        Source, verbose_name=_("attributed to"), blank=True, related_name="annotations"
    )
    note = models.TextField(_("note"), blank=True)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    exact = models.TextField(_("quote"))
    prefix = models.CharField(_("prefix"), max_length=64, blank=True)
    suffix = models.CharField(_("suffix"), max_length=64, blank=True)
    is_orphaned = models.BooleanField(
        _("orphaned"),
        default=False,
        help_text=_("Its quote was not found in a newer revision of the article."),
    )
    status = models.CharField(
        _("review status"), max_length=10, choices=Status, default=Status.PENDING
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    reviewed_by = optional_user(verbose_name=_("reviewed by"), related_name="+")
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    # The content the latest review decision was made on (label, note, sources, range):
    # the review page shows what changed since then (`review.selectors`).
    reviewed_content = models.JSONField(_("reviewed content"), default=dict, blank=True)
    history = HistoricalRecords(
        m2m_fields=[sources], excluded_fields=["updated_at", "reviewed_content"]
    )
    # The names of its sources, which its card shows: set by the query that read it for a
    # card (`annotations.selectors.as_cards`) or by the service that just wrote them.
    source_names: list[str] | None

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["article", "start", "end", "pk"]
        permissions = [("view_all_annotations", _("Can see every editor's annotations"))]
        # (article, author): an editor's own annotations of an article (the workspace's
        # cards, the article list's counts), found without reading all their others.
        indexes = [
            models.Index(fields=["article", "start"]),
            models.Index(fields=["article", "author"], name="annotation_article_author"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="annotation_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.exact[:60]}"


post_save.connect(skip_history_when_loading, sender=Annotation)
