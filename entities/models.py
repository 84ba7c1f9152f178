"""Entities, their aliases, mentions in articles, candidates for the gazetteer, merges.

The tables keep the names they had when these models lived in the articles app.
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from articles.models import Article
from newsdesk.fields import optional_link, optional_user
from newstext.entities.gazetteer import Kind as FoundKind
from newstext.entities.gazetteer import Method as FoundBy


class Entity(models.Model):
    """A person, organisation, place or other named thing, across articles."""

    class Kind(models.TextChoices):
        PERSON = FoundKind.PERSON, _("person")
        ORGANISATION = FoundKind.ORGANISATION, _("organisation")
        PLACE = FoundKind.PLACE, _("place")
        OTHER = FoundKind.OTHER, _("other")

    name = models.CharField(_("canonical name"), max_length=200)
    kind = models.CharField(_("type"), max_length=5, choices=Kind)
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, help_text=_("For example a Wikidata QID.")
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(table_name="articles_historicalentity")

    class Meta:
        db_table = "articles_entity"
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "kind", name="entity_name_kind_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name


class EntityAlias(models.Model):
    """A spelling variant or inflected form that resolves to an entity."""

    class Kind(models.TextChoices):
        VARIANT = "variant", _("spelling variant")
        INFLECTION = "inflection", _("inflected form")
        DERIVED = "derived", _("derived form")

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.VARIANT)
    history = HistoricalRecords(table_name="articles_historicalentityalias")

    class Meta:
        db_table = "articles_entityalias"
        verbose_name = _("entity alias")
        verbose_name_plural = _("entity aliases")
        constraints = [
            models.UniqueConstraint("entity", Lower("name"), name="entity_alias_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name


class Mention(models.Model):
    """An entity found at a range of an article's body.

    `method` says how it was found; `decision` is an editor's: a confirmed or rejected
    mention is never changed or removed by an automatic detection run.
    """

    class Method(models.TextChoices):
        AUTOMATIC = "auto", _("automatic")
        CONFIRMED = "confirmed", _("confirmed by an editor")
        ALIAS = FoundBy.ALIAS, _("name or alias")
        INFLECTION = FoundBy.INFLECTION, _("inflected form")
        DERIVED = FoundBy.DERIVED, _("derived form")
        DISCOVERY = FoundBy.DISCOVERY, _("discovered name")
        FUZZY = FoundBy.FUZZY, _("spelling variant (fuzzy)")
        EDITOR = FoundBy.EDITOR, _("added by an editor")

    class Decision(models.TextChoices):
        NONE = "", _("not decided")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    surface = models.CharField(_("surface form"), max_length=200)
    method = models.CharField(_("method"), max_length=10, choices=Method, default=Method.AUTOMATIC)
    confidence = models.FloatField(_("confidence"), default=1.0)
    decision = models.CharField(
        _("editor decision"), max_length=10, choices=Decision, default=Decision.NONE, blank=True
    )
    evidence = models.CharField(_("evidence"), max_length=300, blank=True)
    confirmed_by = optional_user()

    class Meta:
        db_table = "articles_mention"
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["entity", "article"], name="mention_entity_article")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="mention_range"
            ),
            models.UniqueConstraint(
                fields=["article", "entity", "start", "end"], name="mention_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.surface} → {self.entity}"


class EntityCandidate(models.Model):
    """A name detection found but the gazetteer does not know: for an editor to decide.

    Rejected candidates stay, so that the name is never proposed again.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=5, choices=Entity.Kind)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN, db_index=True
    )
    proposed_entity = optional_link(
        Entity, verbose_name=_("proposed as alias of"), related_name="proposed_aliases"
    )
    evidence = models.CharField(_("evidence"), max_length=300, blank=True)
    entity = optional_link(
        Entity, verbose_name=_("resulting entity"), related_name="accepted_candidates"
    )
    decided_by = optional_user()
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        db_table = "articles_entitycandidate"
        verbose_name = _("entity candidate")
        verbose_name_plural = _("entity candidates")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="entity_candidate_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name


class CandidateOccurrence(models.Model):
    """Where a candidate name was seen: replaced for an article whenever it is re-detected."""

    candidate = models.ForeignKey(
        EntityCandidate, on_delete=models.CASCADE, related_name="occurrences"
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="candidate_occurrences"
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    surface = models.CharField(_("surface form"), max_length=200)

    class Meta:
        db_table = "articles_candidateoccurrence"
        verbose_name = _("candidate occurrence")
        verbose_name_plural = _("candidate occurrences")
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return self.surface


class EntityMerge(models.Model):
    """One entity merged into another, with what is needed to undo it."""

    kept = models.ForeignKey(
        Entity, verbose_name=_("kept entity"), on_delete=models.CASCADE, related_name="merges"
    )
    merged_name = models.CharField(_("merged entity"), max_length=200)
    snapshot = models.JSONField(
        _("snapshot"), help_text=_("The merged entity, its aliases and the moved mentions.")
    )
    merged_by = optional_user()
    merged_at = models.DateTimeField(_("merged"), auto_now_add=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        db_table = "articles_entitymerge"
        verbose_name = _("entity merge")
        verbose_name_plural = _("entity merges")
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.kept}"
