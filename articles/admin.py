"""Django admin for sources, articles (read-only text, revisions inline) and entities.

Sources, articles and entities keep their history (README, "History"): deleted ones can be
recovered, and one that annotations or mentions depend on cannot be deleted.
"""

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.gazetteer_db import gazetteer_changed
from articles.mentions import (
    entity_merge,
    entity_merge_undo,
    mentions_detect,
    mentions_redetect_containing,
)
from articles.models import (
    Article,
    ArticleRevision,
    CandidateOccurrence,
    Entity,
    EntityAlias,
    EntityCandidate,
    EntityMerge,
    Mention,
    Source,
    SourceAlias,
)
from newsdesk.history_admin import HistoryAdmin


class SourceAliasInline(admin.TabularInline[SourceAlias, Source]):
    model = SourceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(HistoryAdmin[Source]):
    list_display = ["name", "kind", "needs_review", "published_count", "cited_count", "homepage"]
    list_filter = ["kind", "needs_review"]
    list_editable = ["needs_review"]
    search_fields = ["name", "aliases__name", "notes"]
    inlines = [SourceAliasInline]
    actions = ["mark_reviewed"]
    protecting = [
        ("annotations", _("annotations attributed to it")),
        ("published_articles", _("articles it published")),
        ("cited_in", _("articles citing it")),
    ]
    recovered_with = [(SourceAlias, "source")]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        queryset: QuerySet[Source] = super().get_queryset(request)
        return queryset.annotate(
            published_total=Count("published_articles", distinct=True),
            cited_total=Count("cited_in", distinct=True),
        )

    @admin.display(description=_("published"), ordering="published_total")
    def published_count(self, source: Source) -> int:
        return source.published_total  # type: ignore[attr-defined, no-any-return]

    @admin.display(description=_("cited in"), ordering="cited_total")
    def cited_count(self, source: Source) -> int:
        return source.cited_total  # type: ignore[attr-defined, no-any-return]

    @admin.action(description=_("Mark selected sources as reviewed"))
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        updated = queryset.update(needs_review=False)
        self.message_user(request, _("%(count)d sources marked as reviewed.") % {"count": updated})


class ArticleRevisionInline(admin.TabularInline[ArticleRevision, Article]):
    model = ArticleRevision
    extra = 0
    can_delete = False
    fields = ("number", "imported_at", "encoding", "content_hash", "raw_text")
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(HistoryAdmin[Article]):
    list_display = [
        "title",
        "publisher",
        "published_on",
        "date_precision",
        "dateline_place",
        "word_count",
        "origin",
    ]
    list_filter = ["date_precision", "language", "publisher", "published_on"]
    list_select_related = ["publisher"]
    search_fields = ["title", "origin", "dateline_place"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["publisher"]
    filter_horizontal = ["cited_sources"]
    readonly_fields = [
        "body",
        "blocks",
        "word_count",
        "content_hash",
        "origin",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "title_derived", "origin"]}),
        (
            _("Metadata"),
            {
                "fields": [
                    "publisher",
                    "cited_sources",
                    "dateline_place",
                    "published_on",
                    "date_precision",
                    "language",
                ]
            },
        ),
        (
            _("Text (changed only by importing a new revision)"),
            {"fields": ["body", "blocks", "word_count", "content_hash"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [ArticleRevisionInline]
    protecting = [("annotations", _("annotations")), ("mentions", _("entity mentions"))]


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
        queryset: QuerySet[Entity] = super().get_queryset(request)
        return queryset.annotate(
            alias_total=Count("aliases", distinct=True),
            mention_total=Count("mentions", distinct=True),
        )

    @admin.display(description=_("aliases"), ordering="alias_total")
    def alias_count(self, entity: Entity) -> int:
        return entity.alias_total  # type: ignore[attr-defined, no-any-return]

    @admin.display(description=_("mentions"), ordering="mention_total")
    def mention_count(self, entity: Entity) -> int:
        return entity.mention_total  # type: ignore[attr-defined, no-any-return]

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
            report = mentions_redetect_containing(names=names)
            self.message_user(request, str(report))

    @admin.action(description=_("Merge selected entities into the one with most mentions"))
    def merge_entities(self, request: HttpRequest, queryset: QuerySet[Entity]) -> None:
        entities = sorted(queryset, key=lambda e: (-e.mention_total, e.pk))  # type: ignore[attr-defined]
        if len(entities) < 2:
            self.message_user(request, _("Select at least two entities to merge."), messages.ERROR)
            return
        kept, *merged = entities
        for entity in merged:
            record = entity_merge(kept=kept, merged=entity, user=request.user)  # type: ignore[arg-type]
            url = reverse("admin:articles_entitymerge_change", args=[record.pk])
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
        articles = Article.objects.filter(mentions__entity__in=queryset).distinct()
        report = mentions_detect(articles=articles.only("id", "body"))
        self.message_user(request, str(report))


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
