"""Django admin for the label set and annotations.

Annotations are never deleted here: the actions soft-delete and restore them, with a
history entry by the admin, as the workspace does.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from annotations.models import Annotation, Label
from annotations.services import annotation_delete, annotation_restore
from newsdesk.history_admin import HistoryAdmin


class LabelForm(forms.ModelForm[Label]):
    """Says which label has a key already, instead of the unique constraint's name."""

    class Meta:
        model = Label
        fields = ["name", "name_en", "description", "colour", "key", "position", "is_active"]

    def clean_key(self) -> str:
        key: str = self.cleaned_data["key"]
        taken = Label.objects.filter(key=key).exclude(pk=self.instance.pk).first() if key else None
        if taken is not None:
            raise forms.ValidationError(
                _("The key %(key)s is already used by the label “%(label)s”."),
                code="key_taken",
                params={"key": key, "label": taken.name},
            )
        return key


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin[Label]):
    form = LabelForm
    list_display = ["name", "name_en", "key", "colour", "position", "is_active"]
    list_editable = ["key", "colour", "position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en", "description"]

    def get_changelist_form(
        self, request: HttpRequest, **kwargs: Any
    ) -> type[forms.ModelForm[Label]]:
        return super().get_changelist_form(request, form=LabelForm, **kwargs)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        # A new label goes after the others (position 0 sorted it among them by name).
        last = Label.objects.aggregate(last=Max("position"))["last"]
        initial = super().get_changeform_initial_data(request)
        return {"position": 0 if last is None else last + 1, **initial}


@admin.register(Annotation)
class AnnotationAdmin(HistoryAdmin[Annotation]):
    list_display = [
        "exact_short",
        "label",
        "article",
        "author",
        "status",
        "is_orphaned",
        "updated_at",
    ]
    list_filter = [
        "label",
        "status",
        "is_orphaned",
        ("deleted_at", admin.EmptyFieldListFilter),
        "author",
    ]
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
        "deleted_at",
    ]
    actions = ["soft_delete", "restore"]

    def has_delete_permission(self, request: HttpRequest, obj: Annotation | None = None) -> bool:
        return False

    # Reverting to an old version here would bypass the version check of concurrent edits
    # (and the one-entry-per-write history): old versions are shown, not restored.
    def revert_disabled(self, request: HttpRequest, obj: Annotation | None = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied
        response: HttpResponse = super().history_form_view(
            request, object_id, version_id, extra_context
        )
        return response

    @admin.action(description=_("Delete selected annotations (restorable)"))
    def soft_delete(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        count = _each(request, queryset.filter(deleted_at__isnull=True), annotation_delete)
        message = ngettext("%(count)d annotation deleted.", "%(count)d annotations deleted.", count)
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Restore selected deleted annotations"))
    def restore(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        count = _each(request, queryset.filter(deleted_at__isnull=False), annotation_restore)
        message = ngettext(
            "%(count)d annotation restored.", "%(count)d annotations restored.", count
        )
        self.message_user(request, message % {"count": count})

    @admin.display(description="quote")
    def exact_short(self, annotation: Annotation) -> str:
        return annotation.exact[:80]


def _each(
    request: HttpRequest,
    annotations: QuerySet[Annotation],
    write: Callable[..., object],
) -> int:
    """Apply a service (delete or restore) to each annotation as the admin; how many."""
    chosen = list(annotations)
    for annotation in chosen:
        write(annotation=annotation, user=request.user)
    return len(chosen)
