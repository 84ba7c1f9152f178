"""Fixtures shared by every app's tests."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from newsdesk.roles import EDITORS, REVIEWERS, roles_ensure

SEEDS_DIR = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def roles(db: None) -> None:
    roles_ensure()


@pytest.fixture
def editor(roles: None) -> User:
    user = User.objects.create_user("erika", password="pw-erika")
    user.groups.add(*Group.objects.filter(name=EDITORS))
    return user


@pytest.fixture
def other_editor(roles: None) -> User:
    user = User.objects.create_user("otto", password="pw-otto")
    user.groups.add(*Group.objects.filter(name=EDITORS))
    return user


@pytest.fixture
def reviewer(roles: None) -> User:
    user = User.objects.create_user("rita", password="pw-rita")
    user.groups.add(*Group.objects.filter(name=REVIEWERS))
    return user


@pytest.fixture
def admin_user(db: None) -> User:
    return User.objects.create_superuser("ada", password="pw-ada")
