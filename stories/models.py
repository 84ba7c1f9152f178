"""Near-duplicate index and pairs, and stories: articles about the same events."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from newsdesk.fields import optional_user


class ArticleBand(models.Model):
    """One MinHash LSH band key of an article; articles sharing a key are candidates."""

    # No index of its own: the unique (article, band) index serves lookups by article, and
    # every index is written 42 times per imported article. The (key, article) index gives
    # the newest holders of a key by reading only them (holders.newest_holders).
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="lsh_bands", db_index=False
    )
    band = models.PositiveSmallIntegerField(_("band"))
    key = models.BigIntegerField(_("key"), help_text=_("Hash of the band number and its rows."))

    class Meta:
        verbose_name = _("LSH band")
        verbose_name_plural = _("LSH bands")
        indexes = [models.Index(fields=["key", "article"], name="articleband_key_article")]
        constraints = [
            models.UniqueConstraint(fields=["article", "band"], name="articleband_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.band}"


class NearDuplicate(models.Model):
    """Two articles with (nearly) the same text, with their exact word-shingle overlap.

    Stored once per pair, `first` being the article with the smaller id.
    """

    first = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    jaccard = models.FloatField(_("Jaccard similarity"))
    first_in_second = models.FloatField(_("containment of the first in the second"))
    second_in_first = models.FloatField(_("containment of the second in the first"))
    found_at = models.DateTimeField(_("found"), auto_now=True)

    class Meta:
        verbose_name = _("near-duplicate")
        verbose_name_plural = _("near-duplicates")
        indexes = [models.Index(fields=["second"], name="nearduplicate_second")]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="nearduplicate_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="nearduplicate_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ≈ {self.second_id}"


class Story(models.Model):
    """Articles about the same events, followed over time."""

    title = models.CharField(_("title"), max_length=300)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-updated_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", args=[self.pk])


class StoryMembership(models.Model):
    """An article in a story. A removal by an editor is kept, so grouping never undoes it."""

    class Method(models.TextChoices):
        AUTOMATIC = "auto", _("grouped automatically")
        EDITOR = "editor", _("added by an editor")

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="memberships")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="story_memberships")
    method = models.CharField(_("method"), max_length=10, choices=Method, default=Method.AUTOMATIC)
    removed = models.BooleanField(_("removed by an editor"), default=False)
    changed_by = optional_user()
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("story membership")
        verbose_name_plural = _("story memberships")
        constraints = [
            models.UniqueConstraint(fields=["story", "article"], name="storymembership_unique"),
            # An article is in at most one story at a time.
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(removed=False),
                name="storymembership_one_story",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} in {self.story_id}"
