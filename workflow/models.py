"""The newsroom's workflow: who works on which article, and the discussion of annotations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Assignment(models.Model):
    """An article given to a colleague to annotate (editor) or to review (reviewer)."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("editor")
        REVIEWER = "reviewer", _("reviewer")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    role = models.CharField(_("as"), max_length=10, choices=Role)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["article", "role", "user"]
        permissions = [("assign_articles", _("Can assign articles to editors and reviewers"))]
        constraints = [
            models.UniqueConstraint(fields=["article", "user", "role"], name="assignment_unique"),
        ]
        indexes = [models.Index(fields=["user", "article"])]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.user_id} ({self.role})"
