"""Admin for feeds (also inline on a source) and the imports started in the browser.

`articles` may not import `ingest` (the layers), so the feeds inline joins the source
admin from here: the registered source admin is replaced by a subclass with the inline.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from articles.models import Source
from ingest.feeds import feed_poll
from ingest.models import Feed, ImportItemResult, ImportJob
from ingest.reasons import feed_error, feed_summary, result_reason


class PollShown:
    """What a feed's last poll did and why it failed, in the admin's language."""

    @admin.display(description=_("last poll did"))
    def summary_shown(self, feed: Feed) -> str:
        return feed_summary(feed)

    @admin.display(description=_("last error"))
    def error_shown(self, feed: Feed) -> str:
        return feed_error(feed)


# The poll's record as the admin shows it: written by the poll, read-only here.
POLL_SHOWN = [
    "last_polled_at",
    "last_status",
    "summary_shown",
    "error_shown",
    "consecutive_failures",
    "next_poll_at",
    "etag",
    "last_modified",
]


class FeedInline(PollShown, admin.TabularInline[Feed, Source]):
    model = Feed
    extra = 1
    fields = [
        "url",
        "is_active",
        "poll_minutes",
        "last_polled_at",
        "last_status",
        "summary_shown",
        "error_shown",
        "next_poll_at",
    ]
    readonly_fields = POLL_SHOWN


@admin.register(Feed)
class FeedAdmin(PollShown, admin.ModelAdmin[Feed]):
    list_display = [
        "url",
        "source",
        "is_active",
        "last_polled_at",
        "last_status",
        "summary_shown",
        "consecutive_failures",
        "next_poll_at",
    ]
    list_filter = ["is_active", "last_status"]
    search_fields = ["url", "source__name"]
    autocomplete_fields = ["source"]
    fields = ["source", "url", "is_active", "poll_minutes", *POLL_SHOWN]
    readonly_fields = POLL_SHOWN
    actions = ["poll_now"]

    @admin.action(description=_("Poll the selected feeds now"))
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        for feed in queryset:
            feed_poll(feed=feed)
            self.message_user(request, f"{feed.url}: {feed_summary(feed)}")


_registered = admin.site._registry.get(Source)
if _registered is not None:
    _SourceAdmin = type(_registered)

    class SourceWithFeedsAdmin(_SourceAdmin):  # type: ignore[valid-type, misc]
        inlines = [*_SourceAdmin.inlines, FeedInline]

    admin.site.unregister(Source)
    admin.site.register(Source, SourceWithFeedsAdmin)


class ImportItemResultInline(admin.TabularInline[ImportItemResult, ImportJob]):
    model = ImportItemResult
    extra = 0
    can_delete = False
    fields = ["position", "name", "status", "reason_shown", "article"]
    readonly_fields = ["position", "name", "status", "reason_shown", "article"]

    def has_add_permission(self, request: HttpRequest, obj: ImportJob | None = None) -> bool:
        return False

    @admin.display(description=_("reason"))
    def reason_shown(self, result: ImportItemResult) -> str:
        """The reason in the admin's language, as the import page shows it."""
        return result_reason(result)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin[ImportJob]):
    list_display = ["created_at", "created_by", "kind", "description", "status", "total"]
    list_filter = ["status", "kind"]
    search_fields = ["description", "url"]
    readonly_fields = [
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
        "kind",
        "description",
        "url",
        "status",
        "background",
        "total",
        "error",
    ]
    inlines = [ImportItemResultInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
