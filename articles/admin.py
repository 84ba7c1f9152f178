"""Django admin for sources and articles (read-only text, revisions inline).

Sources and articles keep their history (docs/architecture/history.md): deleted ones can be
recovered, and one that annotations or mentions depend on cannot be deleted.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleRevision, Source, SourceAlias
from newsdesk.admin_columns import annotated_column, with_counts
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
        return with_counts(
            super().get_queryset(request),
            published_total="published_articles",
            cited_total="cited_in",
        )

    published_count = annotated_column("published_total", _("published"))
    cited_count = annotated_column("cited_total", _("cited in"))

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
