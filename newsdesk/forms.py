"""What the apps' forms share: the date picker, the search box, the filter bars' form, and
what a stale edit form had sent."""

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.forms.renderers import TemplatesSetting
from django_stubs_ext import StrOrPromise

MAX_SEARCH_CHARS = 200


class DateInput(forms.DateInput):
    """The browser's date picker: its value is an ISO date whatever the interface language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def search_field(label: StrOrPromise, attrs: dict[str, Any] | None = None) -> forms.CharField:
    """An optional search box (`<input type="search">`) of at most `MAX_SEARCH_CHARS`
    characters; `attrs` go on the input."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_SEARCH_CHARS,
        widget=forms.SearchInput(attrs=attrs),
    )


class FilterBarRenderer(TemplatesSetting):
    """The project's templates, with a filter bar's field layout: templates/filter_field.html."""

    field_template_name = "filter_field.html"


class FilterBarForm(forms.Form):
    """A filter bar (read from the query string): `{{ form.q.as_field_group }}` puts a
    label above a compact control, the fields side by side, the text search ("q") taking
    the spare width. A bar shows its errors once, for the whole bar, not per field."""

    default_renderer = FilterBarRenderer()


def submitted_rows(form: forms.Form, names: Sequence[str]) -> list[tuple[str, str]]:
    """What a user sent in a valid form that arrived stale, as (field label, value) rows
    for the edit-conflict box: a choice shown by its label, an empty value as a dash."""
    rows = []
    for name in names:
        field, value = form.fields[name], form.cleaned_data[name]
        if isinstance(field, forms.ModelChoiceField):
            shown = "" if value is None else field.label_from_instance(value)
        elif isinstance(field, forms.ChoiceField):
            choices = cast(list[tuple[object, object]], field.choices)  # normalised by Django
            shown = str(dict(choices).get(value, value))
        else:
            shown = str(value)
        rows.append((str(field.label), shown or "—"))
    return rows
