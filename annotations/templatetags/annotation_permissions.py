"""Template flags from `newsdesk.permissions`, so that templates carry no rule of their own."""

from django import template
from django.contrib.auth.models import AnonymousUser, User

from annotations.models import Annotation
from newsdesk.permissions import can_change_annotation

register = template.Library()


@register.filter
def changeable_by(annotation: Annotation, user: User | AnonymousUser) -> bool:
    """`{% if annotation|changeable_by:user %}`: may `user` edit, delete or restore it."""
    return can_change_annotation(user, annotation.author_id)
