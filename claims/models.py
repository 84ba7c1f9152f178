"""Claims tracked across articles, where they appear, and dismissed claim suggestions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from annotations.models import Annotation
from articles.models import Article, Source
from entities.models import Entity
from newsdesk.fields import optional_link, required_user


class Claim(models.Model):
    """A statement tracked across articles: canonical wording, who says it, its status.

    `version` guards concurrent edits as an annotation's does; `history` keeps every
    change of wording, attribution and status (django-simple-history).
    """

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("unverified")
        CONFIRMED = "confirmed", _("confirmed")
        DISPUTED = "disputed", _("disputed")
        DENIED = "denied", _("denied")
        RETRACTED = "retracted", _("retracted")

    wording = models.TextField(_("wording"))
    attributed_source = optional_link(
        Source,
        verbose_name=_("attributed to (source)"),
        on_delete=models.PROTECT,
        related_name="claims",
    )
    attributed_entity = optional_link(
        Entity,
        verbose_name=_("attributed to (person)"),
        on_delete=models.PROTECT,
        related_name="claims",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.UNVERIFIED, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = required_user(verbose_name=_("created by"), related_name="claims")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attributed_source__isnull=True)
                | models.Q(attributed_entity__isnull=True),
                name="claim_one_attribution",
            ),
        ]

    def __str__(self) -> str:
        return self.wording[:80]

    @property
    def attribution(self) -> Source | Entity | None:
        return self.attributed_source or self.attributed_entity


class ClaimAppearance(models.Model):
    """An annotation in which a claim appears (an annotation belongs to one claim at most)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    annotation = models.OneToOneField(
        Annotation, on_delete=models.CASCADE, related_name="claim_appearance"
    )
    added_by = required_user(related_name="+")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim appearance")
        verbose_name_plural = _("claim appearances")
        ordering = ["claim", "added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.claim_id} in annotation {self.annotation_id}"


class DismissedSuggestion(models.Model):
    """A claim suggestion an editor dismissed: never offered again for that article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="dismissed_claim_suggestions"
    )
    sentence = models.TextField(_("sentence"))
    dismissed_by = required_user(related_name="+")
    dismissed_at = models.DateTimeField(_("dismissed"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed claim suggestion")
        verbose_name_plural = _("dismissed claim suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "sentence"], name="dismissed_suggestion_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.sentence[:80]
