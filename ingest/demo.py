"""Demo data for a fresh installation: the label set and one account per role."""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from annotations.models import Label
from newsdesk.roles import EDITORS, REVIEWERS


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    group: str | None
    is_superuser: bool = False


DEMO_EDITOR = "editor"
DEMO_USERS = [
    DemoUser("admin", "admin", None, is_superuser=True),
    DemoUser(DEMO_EDITOR, "editor", EDITORS),
    DemoUser("reviewer", "reviewer", REVIEWERS),
]

# (name, English name, colour, key, description)
DEFAULT_LABELS = [
    ("Behauptung", "Claim", "#ffd54f", "1", "Eine überprüfbare Tatsachenbehauptung."),
    ("Zitat", "Quote", "#81d4fa", "2", "Wörtliche oder indirekte Rede einer Person."),
    ("Zahl", "Number", "#a5d6a7", "3", "Eine Zahl, Menge oder Statistik."),
    ("Einschätzung", "Assessment", "#ce93d8", "4", "Eine Bewertung oder Meinung."),
]


def demo_labels_ensure() -> None:
    """Create the default label set, but only in a database that has no labels yet."""
    if Label.objects.exists():
        return
    Label.objects.bulk_create(
        Label(name=name, name_en=name_en, colour=colour, key=key, description=text, position=i)
        for i, (name, name_en, colour, key, text) in enumerate(DEFAULT_LABELS)
    )


@transaction.atomic
def demo_user_ensure(spec: DemoUser) -> str | None:
    """Create the demo account if missing; return its new password, or None if it existed."""
    user_model = get_user_model()
    if user_model.objects.filter(username=spec.username).exists():
        return None
    password = secrets.token_urlsafe(12)
    user = user_model.objects.create_user(
        username=spec.username,
        password=password,
        is_staff=spec.is_superuser,
        is_superuser=spec.is_superuser,
    )
    if spec.group:
        user.groups.add(Group.objects.get(name=spec.group))
    return password
