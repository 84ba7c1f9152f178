"""Typed request for views behind LoginRequiredMiddleware and HtmxMiddleware, and the text
of a refused form for a 400."""

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import BaseForm
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class AuthenticatedHttpRequest(HttpRequest):
    user: User
    htmx: HtmxDetails


def form_errors_text(form: BaseForm) -> str:
    """Every error of an invalid form on one line, each field's named ("start: …")."""
    return " ".join(
        str(error) if name == NON_FIELD_ERRORS else f"{name}: {error}"
        for name, errors in form.errors.items()
        for error in errors
    )
