"""Admin for models with history: every change listed with its diff, deleted objects
recoverable, and deletion refused while annotations or other work depend on the object.
"""

from datetime import timedelta
from typing import Any, ClassVar

from django.contrib import admin
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_history_manager_for_model

from newsdesk.history import display_value

# Rows deleted along with the object (cascade) are recorded within this window.
CASCADE_WINDOW = timedelta(seconds=10)


class ReadableChanges(HistoricalRecordContextHelper):
    """The admin's diffs with values as users read them (choice labels, yes/no, names)."""

    def prepare_delta_change_value(self, change: Any, value: Any) -> str:
        return display_value(self.model, change.field, value)


class HistoryAdmin[M: models.Model](SimpleHistoryAdmin, admin.ModelAdmin[M]):
    """SimpleHistoryAdmin plus a list of deleted objects to recover.

    `protecting`: (related name, label) pairs; an object with any such related rows
    cannot be deleted (the admin is told what depends on it). `recovered_with`: models
    whose rows were deleted along with the object (by cascade) and come back with it,
    as (model, name of the foreign key to the object).
    """

    change_list_template: ClassVar[str | None] = "admin/history_change_list.html"
    protecting: list[tuple[str, str | Promise]] = []
    recovered_with: list[tuple[type[models.Model], str]] = []

    def get_urls(self) -> list[URLPattern]:
        opts = self.model._meta
        deleted = path(
            "deleted/",
            self.admin_site.admin_view(self.deleted_view),
            name=f"{opts.app_label}_{opts.model_name}_deleted",
        )
        return [deleted, *super().get_urls()]

    def get_historical_record_context_helper(
        self, request: HttpRequest, historical_record: Any
    ) -> ReadableChanges:
        return ReadableChanges(self.model, historical_record)

    def get_history_queryset(
        self, request: HttpRequest, history_manager: Any, pk_name: str, object_id: Any
    ) -> Any:
        """As SimpleHistoryAdmin's, without select_related() with no fields (deprecated in
        Django 6.1, so an error in the tests) for models without foreign keys."""
        related = [
            f.name for f in history_manager.model.tracked_fields if isinstance(f, models.ForeignKey)
        ]
        records = history_manager.filter(**{pk_name: object_id})
        return records.select_related("history_user", *related)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if self.has_change_permission(request):
            opts = self.model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_deleted")
            extra_context = {**(extra_context or {}), "deleted_url": url}
        return super().changelist_view(request, extra_context)

    def deleted_view(self, request: HttpRequest) -> HttpResponse:
        """Objects whose last historical record is their deletion, newest first."""
        if not self.has_change_permission(request):
            raise self.permission_denied()
        history = get_history_manager_for_model(self.model)
        latest = (
            history.filter(id=OuterRef("id")).order_by("-history_date", "-history_id").values("pk")
        )
        records = (
            history.filter(history_type="-", history_id=Subquery(latest[:1]))
            .select_related("history_user")
            .order_by("-history_date")[:200]
        )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deleted %(name)s") % {"name": opts.verbose_name_plural},
            "opts": opts,
            "records": records,
            "recover_url_name": f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        }
        return TemplateResponse(request, "admin/history_deleted.html", context)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        recovering = change and not type(obj)._default_manager.filter(pk=obj.pk).exists()
        super().save_model(request, obj, form, change)
        if recovering:
            self.recovered(obj)

    def recovered(self, obj: models.Model) -> None:
        """`obj` was just recovered: bring back the rows deleted with it (`recovered_with`)."""
        deleted = get_history_manager_for_model(obj).filter(history_type="-").latest("history_date")
        window = (deleted.history_date - CASCADE_WINDOW, deleted.history_date + CASCADE_WINDOW)
        for model, foreign_key in self.recovered_with:
            records = get_history_manager_for_model(model).filter(
                **{f"{foreign_key}_id": obj.pk},
                history_type="-",
                history_date__range=window,
            )
            for record in records:
                if not model._default_manager.filter(pk=record.id).exists():
                    record.instance.save()

    def get_deleted_objects(
        self, objs: Any, request: HttpRequest
    ) -> tuple[list[Any], dict[str, int], set[str], list[Any]]:
        """Django's confirmation lists, with dependent work added as protected objects."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            for related_name, label in self.protecting:
                count = getattr(obj, related_name).count()
                if count:
                    protected.append(format_html("{}: {} ({})", obj, label, count))
        return deleted, counts, perms_needed, protected
