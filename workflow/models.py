"""The newsroom's workflow: who works on which article, and the discussion of annotations."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from annotations.models import Annotation
from articles.models import Article
from newsdesk.fields import optional_user


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
    assigned_by = optional_user(verbose_name=_("assigned by"), related_name="+")
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["article", "role", "user"]
        permissions = [("assign_articles", _("Can assign articles to editors and reviewers"))]
        indexes = [models.Index(fields=["user", "article"])]
        constraints = [
            models.UniqueConstraint(fields=["article", "user", "role"], name="assignment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.user_id} ({self.role})"


# A reply is short, like a comment in the margin; the form shows the count.
REPLY_MAX_LENGTH = 2000


class Reply(models.Model):
    """A colleague's reply under an annotation: the discussion of the annotation."""

    annotation = models.ForeignKey(
        Annotation, on_delete=models.CASCADE, related_name="replies", verbose_name=_("annotation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A TextField's max_length only sizes the form's widget: the validator holds the limit.
    text = models.TextField(
        _("reply"), max_length=REPLY_MAX_LENGTH, validators=[MaxLengthValidator(REPLY_MAX_LENGTH)]
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["annotation", "created_at"])]

    def __str__(self) -> str:
        return f"{self.annotation_id}: {self.text[:40]}"


class Notification(models.Model):
    """A colleague mentioned `user` (`@username`) in a reply: shown in the user's inbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("reply")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        # The navigation counts a user's unread notifications on every page.
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "reply"], name="notification_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ← {self.reply_id}"
