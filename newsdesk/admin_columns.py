"""Columns for admin change lists."""

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db.models import Model
from django_stubs_ext import StrOrPromise


def annotated_column(name: str, description: StrOrPromise) -> Callable[[Any, Model], Any]:
    """A list column showing the value the admin's `get_queryset` annotates as `name`,
    sortable by it: `published_count = annotated_column("published_total", _("published"))`.
    """

    @admin.display(description=description, ordering=name)
    def column(model_admin: Any, obj: Model) -> Any:
        return getattr(obj, name)

    return column
