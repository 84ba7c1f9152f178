"""Form parts every app uses."""

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker: its value is an ISO date whatever the interface language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")
