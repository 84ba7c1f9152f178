"""Template context shared by every page."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from newsdesk import permissions


def permission_flags(request: HttpRequest) -> dict[str, object]:
    """`may.<what>` for the navigation, computed from `newsdesk.permissions` when used."""

    def flags() -> dict[str, bool]:
        user = request.user
        return {
            "read_articles": permissions.can_read_articles(user),
            "read_entities": permissions.can_read_entities(user),
            "curate_entities": permissions.can_curate_entities(user),
            "read_stories": permissions.can_read_stories(user),
            "read_claims": permissions.can_read_claims(user),
            "review": permissions.can_review(user),
            "adjudicate": permissions.can_adjudicate(user),
            "import_articles": permissions.can_import_articles(user),
            "administer": bool(user.is_staff),
            "assign": permissions.can_assign(user),
            "see_progress": permissions.can_see_progress(user),
        }

    return {"may": SimpleLazyObject(flags)}
