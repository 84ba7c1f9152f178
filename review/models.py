"""Reviewers' decisions on annotations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from annotations.models import Annotation, Label
from newsdesk.fields import required_user


class ReviewDecision(models.Model):
    """One reviewer's decision on an annotation: the history behind its review status.

    The annotation itself keeps only the latest decision (`status`, `reviewed_by`,
    `reviewed_at`, `review_comment`); every decision ever made stays here.
    """

    class Kind(models.TextChoices):
        ACCEPT = "accept", _("accepted")
        REJECT = "reject", _("rejected")
        CORRECT = "correct", _("corrected")

    annotation = models.ForeignKey(
        Annotation, on_delete=models.CASCADE, related_name="review_decisions"
    )
    reviewer = required_user(related_name="review_decisions")
    kind = models.CharField(_("decision"), max_length=10, choices=Kind)
    status = models.CharField(
        _("review status"), max_length=10, choices=Annotation.Status, help_text=_("After it.")
    )
    label_before = models.ForeignKey(
        Label, on_delete=models.PROTECT, related_name="+", verbose_name=_("label before")
    )
    label_after = models.ForeignKey(
        Label, on_delete=models.PROTECT, related_name="+", verbose_name=_("label after")
    )
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        # Moved here from the annotations app (annotations 0004, review 0001): the table
        # keeps its name, so its rows, indexes and constraints stay as they were.
        db_table = "annotations_reviewdecision"
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["annotation", "decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.annotation_id}"
