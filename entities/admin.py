"""Django admin for entities, aliases, mentions, the candidate queue and merges.

Entities keep their history: a deleted one can be recovered.
"""

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from entities.gazetteer import gazetteer_changed
from entities.merging import entity_merge, entity_merge_undo
from entities.models import (
    CandidateOccurrence,
    Entity,
    EntityAlias,
    EntityCandidate,
    EntityMerge,
    Mention,
)
from entities.services import entities_redetect_soon, mentions_redetect_soon
from newsdesk.admin_columns import annotated_column, with_counts
from newsdesk.history_admin import HistoryAdmin


class EntityAliasInline(admin.TabularInline[EntityAlias, Entity]):
    model = EntityAlias
    extra = 1


@admin.register(Entity)
class EntityAdmin(HistoryAdmin[Entity]):
    list_display = ["name", "kind", "external_id", "alias_count", "mention_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "external_id"]
    inlines = [EntityAliasInline]
    actions = ["merge_entities", "detect_again"]
    # Merging (undoable) is how an entity with mentions goes away.
    protecting = [("mentions", _("mentions (merge the entity instead)"))]
    recovered_with = [(EntityAlias, "entity")]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Entity]:
        return with_counts(
            super().get_queryset(request), alias_total="aliases", mention_total="mentions"
        )

    alias_count = annotated_column("alias_total", _("aliases"))
    mention_count = annotated_column("mention_total", _("mentions"))

    def recovered(self, obj: models.Model) -> None:
        super().recovered(obj)
        gazetteer_changed()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # An alias added or changed here is matched from now on, also in the articles
        # already imported that contain it (and only those).
        gazetteer_changed()
        names = [
            alias.name
            for formset in formsets
            if formset.model is EntityAlias
            for alias in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]
        ]
        if names:
            self._redetected(request, mentions_redetect_soon(names=names))

    def _redetected(self, request: HttpRequest, report: str | None) -> None:
        self.message_user(
            request, report or _("The articles are detected again in the background.")
        )

    @admin.action(description=_("Merge selected entities into the one with most mentions"))
    def merge_entities(self, request: HttpRequest, queryset: QuerySet[Entity]) -> None:
        entities = sorted(queryset, key=lambda e: (-e.mention_total, e.pk))  # type: ignore[attr-defined]
        if len(entities) < 2:
            self.message_user(request, _("Select at least two entities to merge."), messages.ERROR)
            return
        kept, *merged = entities
        for entity in merged:
            record = entity_merge(kept=kept, merged=entity, user=request.user)  # type: ignore[arg-type]
            url = reverse("admin:entities_entitymerge_change", args=[record.pk])
            self.message_user(
                request,
                format_html(
                    str(_('Merged {merged} into {kept}. <a href="{url}">Undo</a> it there.')),
                    merged=record.merged_name,
                    kept=kept.name,
                    url=url,
                ),
            )

    @admin.action(description=_("Detect entities again in the articles mentioning them"))
    def detect_again(self, request: HttpRequest, queryset: QuerySet[Entity]) -> None:
        entity_ids = list(queryset.values_list("pk", flat=True))
        self._redetected(request, entities_redetect_soon(entity_ids=entity_ids))


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin[Mention]):
    list_display = [
        "surface",
        "entity",
        "article",
        "start",
        "end",
        "method",
        "decision",
        "confidence",
    ]
    list_filter = ["method", "decision", "entity__kind"]
    list_select_related = ["entity", "article"]
    search_fields = ["surface", "entity__name", "article__title"]
    raw_id_fields = ["article", "entity", "confirmed_by"]
    readonly_fields = ["evidence"]


class CandidateOccurrenceInline(admin.TabularInline[CandidateOccurrence, EntityCandidate]):
    model = CandidateOccurrence
    extra = 0
    can_delete = False
    fields = ["article", "start", "end", "surface"]
    readonly_fields = ["article", "start", "end", "surface"]

    def has_add_permission(self, request: HttpRequest, obj: EntityCandidate | None = None) -> bool:
        return False


@admin.register(EntityCandidate)
class EntityCandidateAdmin(admin.ModelAdmin[EntityCandidate]):
    list_display = ["name", "kind", "status", "proposed_entity", "evidence", "decided_by"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    raw_id_fields = ["proposed_entity", "entity", "decided_by"]
    inlines = [CandidateOccurrenceInline]


@admin.register(EntityMerge)
class EntityMergeAdmin(admin.ModelAdmin[EntityMerge]):
    list_display = ["merged_name", "kept", "merged_by", "merged_at", "undone_at"]
    readonly_fields = ["kept", "merged_name", "snapshot", "merged_by", "merged_at", "undone_at"]
    actions = ["undo_merges"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Undo selected merges"))
    def undo_merges(self, request: HttpRequest, queryset: QuerySet[EntityMerge]) -> None:
        for merge in queryset.filter(undone_at__isnull=True).order_by("-merged_at"):
            restored = entity_merge_undo(merge=merge)
            self.message_user(request, _("Restored %(name)s.") % {"name": restored.name})
