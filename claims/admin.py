"""Django admin for claims, with their change history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Claim, ClaimAppearance


class AppearanceInline(admin.TabularInline[ClaimAppearance, Claim]):
    model = ClaimAppearance
    raw_id_fields = ["annotation"]
    readonly_fields = ["added_by", "added_at"]
    extra = 0


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "attributed_source", "attributed_entity", "created_at"]
    list_filter = ["status"]
    search_fields = ["wording"]
    raw_id_fields = ["attributed_source", "attributed_entity"]
    readonly_fields = ["version", "created_by", "created_at", "updated_at"]
    inlines = [AppearanceInline]
