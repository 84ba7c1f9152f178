"""Authentication backends."""

from django.contrib.auth import backends
from django.contrib.auth.models import AnonymousUser, Group, Permission, User
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
            # Two subqueries, not joins of both paths: no duplicates to remove, and
            # PostgreSQL plans it in a fifth of the time.
            own = User.user_permissions.through.objects.filter(user_id=user_obj.pk)
            groups = User.groups.through.objects.filter(user_id=user_obj.pk)
            of_groups = Group.permissions.through.objects.filter(
                group_id__in=groups.values("group_id")
            )
            rows = Permission.objects.filter(
                Q(pk__in=own.values("permission_id")) | Q(pk__in=of_groups.values("permission_id"))
            ).values_list("content_type__app_label", "codename")
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in rows}  # type: ignore[attr-defined]
        return super().get_all_permissions(user_obj, obj)
