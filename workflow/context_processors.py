"""Template context of every page that the workflow app owns."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from newsdesk.permissions import can_read_articles
from workflow.models import Notification


def inbox(request: HttpRequest) -> dict[str, object]:
    """`inbox_unread` for the navigation: one COUNT on an index, only for users with a
    role, and only when a template asks."""

    def unread() -> int:
        user = request.user
        if not user.is_authenticated or not can_read_articles(user):
            return 0
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    return {"inbox_unread": SimpleLazyObject(unread)}
