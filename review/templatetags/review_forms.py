"""The decision form of each review row."""

from collections.abc import Sequence

from django import template

from annotations.models import Annotation, Label
from review.forms import DecisionForm

register = template.Library()


@register.simple_tag
def decision_form_for(
    annotation: Annotation, labels: Sequence[Label], posted: object = None
) -> DecisionForm:
    """`{% decision_form_for annotation labels decision_form as form %}`: the form posted
    for this row (with its errors), or a fresh one with the annotation's values."""
    if isinstance(posted, DecisionForm) and posted.annotation_id == annotation.pk:
        return posted
    return DecisionForm.for_annotation(annotation, labels)
