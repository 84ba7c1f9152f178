"""The decision form of a review row."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from annotations.models import Annotation, Label
from review.models import ReviewDecision


class KeyedLabelSelect(forms.Select):
    """A select of labels whose options carry the label's key (`data-key`): review.js
    corrects to the label whose key is pressed."""

    keys: dict[str, str]

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        if key := self.keys.get(str(value)):
            option["attrs"]["data-key"] = key
        return option


class DecisionForm(forms.Form):
    """Accept, reject or correct one annotation; the buttons send the kind.

    The labels come from the caller (read once for the whole page), so a page of rows
    renders without a query per row; ids are per annotation.
    """

    kind = forms.ChoiceField(choices=ReviewDecision.Kind.choices)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=5000, strip=True)
    label = forms.ModelChoiceField(
        label=_("Correct label"),
        queryset=Label.objects.all(),
        required=False,
        widget=KeyedLabelSelect,
    )

    def __init__(
        self, *args: Any, annotation_id: int, labels: Sequence[Label], **kwargs: Any
    ) -> None:
        kwargs.setdefault("auto_id", f"review-{annotation_id}-%s")
        super().__init__(*args, **kwargs)
        self.annotation_id = annotation_id
        field = self.fields["label"]
        assert isinstance(field, forms.ModelChoiceField)
        field.choices = [
            (label.pk, f"{label.key} {label.display_name}" if label.key else label.display_name)
            for label in labels
        ]
        widget = field.widget
        assert isinstance(widget, KeyedLabelSelect)
        widget.keys = {str(label.pk): label.key for label in labels if label.key}

    @classmethod
    def for_annotation(cls, annotation: Annotation, labels: Sequence[Label]) -> "DecisionForm":
        initial = {
            "version": annotation.version,
            "comment": annotation.review_comment,
            "label": annotation.label_id,
        }
        return cls(annotation_id=annotation.pk, labels=labels, initial=initial)
