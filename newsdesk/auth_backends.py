"""Authentication backends."""

from django.contrib.auth import backends
from django.contrib.auth.models import AnonymousUser, Permission, User
from django.db.models import Model, Q


class ModelBackend(backends.ModelBackend):
    """Django's ModelBackend, reading a user's permissions in one query instead of two.

    Django asks for the user's own permissions and for those of their groups separately;
    every page checks a role, so this saves a database round trip on each request. The
    result is cached on the user object for the request, as Django does.
    """

    def get_all_permissions(
        self, user_obj: User | AnonymousUser, obj: Model | None = None
    ) -> set[str]:
        if (
            user_obj.is_active
            and not user_obj.is_anonymous
            and obj is None
            and not user_obj.is_superuser  # all permissions: Django's way
            and not hasattr(user_obj, "_perm_cache")
        ):
            rows = (
                Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
                .values_list("content_type__app_label", "codename")
                .distinct()
            )
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in rows}  # type: ignore[attr-defined]
        return super().get_all_permissions(user_obj, obj)
