"""Links that the models of several apps declare alike."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django_stubs_ext import StrOrPromise

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def optional_link[M: models.Model](
    to: type[M] | str,
    *,
    verbose_name: StrOrPromise | None = None,
    related_name: str | None = None,
    on_delete: Callable[..., None] = models.SET_NULL,
) -> models.ForeignKey[M | None]:
    """A link that may be empty, in forms as in the database.

    By default it is emptied when its target is deleted: the row that holds it stays.
    """
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name=related_name,
    )


def optional_user(
    *, verbose_name: StrOrPromise | None = None, related_name: str | None = None
) -> "models.ForeignKey[User | None]":
    """The user who did something to the row (decided, reviewed, assigned it), if known.

    Emptied when the account is deleted: the record of what was done stays.
    """
    return optional_link(
        settings.AUTH_USER_MODEL, verbose_name=verbose_name, related_name=related_name
    )


def required_user(
    *, verbose_name: StrOrPromise | None = None, related_name: str | None = None
) -> "models.ForeignKey[User]":
    """The user who did something to the row (wrote, added, dismissed it): always known.

    An account cannot be deleted while such rows exist: the record of who did it stays.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        related_name=related_name,
    )
