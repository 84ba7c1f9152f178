"""Django admin for the label set and annotations."""

from django.contrib import admin

from annotations.models import Annotation, Label


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin[Label]):
    list_display = ["name", "name_en", "key", "colour", "position", "is_active"]
    list_editable = ["key", "colour", "position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en", "description"]


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin[Annotation]):
    list_display = [
        "exact_short",
        "label",
        "article",
        "author",
        "status",
        "is_orphaned",
        "updated_at",
    ]
    list_filter = ["label", "status", "is_orphaned", "author"]
    list_select_related = ["label", "article", "author"]
    search_fields = ["exact", "note", "article__title"]
    raw_id_fields = ["article"]
    autocomplete_fields = ["sources"]
    readonly_fields = [
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "version",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="quote")
    def exact_short(self, annotation: Annotation) -> str:
        return annotation.exact[:80]
