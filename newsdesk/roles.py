"""The newsroom roles as Django groups, and the permissions each one holds."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS = "Editors"
REVIEWERS = "Reviewers"

# (app_label, codename) pairs per role. Admins are superusers and need none.
# Leads hold `workflow.assign_articles` on top of a role; no group has it, an admin grants
# it to a user or to a group of leads (docs/user/workflow.md).
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    EDITORS: [
        ("articles", "view_article"),
        ("articles", "view_source"),
        ("articles", "add_source"),
        ("entities", "view_entity"),
        ("annotations", "view_label"),
        ("annotations", "view_annotation"),
        ("annotations", "add_annotation"),
        ("annotations", "change_annotation"),
        ("annotations", "delete_annotation"),
        ("entities", "change_entitycandidate"),
        ("stories", "view_story"),
        ("stories", "change_story"),
        ("claims", "view_claim"),
        ("claims", "change_claim"),
        ("articles", "add_article"),
        ("articles", "change_article"),
    ],
    REVIEWERS: [
        ("articles", "view_article"),
        ("articles", "view_source"),
        ("entities", "view_entity"),
        ("annotations", "view_label"),
        ("annotations", "view_annotation"),
        ("annotations", "view_all_annotations"),
        ("annotations", "change_annotation"),
        ("stories", "view_story"),
        ("claims", "view_claim"),
    ],
}


def roles_ensure() -> dict[str, Group]:
    """Create the role groups if missing and give them exactly their permissions."""
    groups = {}
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        query = Q()
        for app_label, codename in wanted:
            query |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(query))
        if len(permissions) != len(wanted):
            raise LookupError(f"missing permissions for {name}; run migrate first")
        group.permissions.set(permissions)
        groups[name] = group
    return groups
