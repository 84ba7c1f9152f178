"""Forms of the import in the browser: files (or zips) to upload, or a URL to fetch."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        single = super().clean
        items = list(data) if isinstance(data, list | tuple) else [data]
        return [single(item, initial) for item in items or [None]]


class UploadForm(forms.Form):
    upload = MultipleFileField(
        label=_("Files"),
        help_text=_("Plain text, ninjs JSON, RSS or Atom feeds, HTML pages, or a zip of them."),
    )


class UrlForm(forms.Form):
    url = forms.URLField(
        label=_("Article or feed URL"),
        max_length=2000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
