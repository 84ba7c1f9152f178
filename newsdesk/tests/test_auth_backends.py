"""The permission backend: Django's answers, in one query."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)  # no permission cache yet


@pytest.fixture
def member() -> User:
    """A user with one permission of their own and two through a group."""
    user = User.objects.create_user("member")
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    group = Group.objects.create(name="Readers")
    group.permissions.add(*Permission.objects.filter(codename__in=["view_article", "view_entity"]))
    user.groups.add(group)
    return user


def test_own_and_group_permissions_in_one_query(member):
    user = _fresh(member)
    with CaptureQueriesContext(connection) as queries:
        assert user.get_all_permissions() == {
            "articles.add_source",
            "articles.view_article",
            "entities.view_entity",
        }
        assert user.has_perm("articles.view_article")
        assert not user.has_perm("articles.delete_article")
    assert len(queries) == 1


def test_a_permission_two_ways_is_listed_once(member):
    Group.objects.get(name="Readers").permissions.add(Permission.objects.get(codename="add_source"))
    assert sorted(_fresh(member).get_all_permissions()) == [
        "articles.add_source",
        "articles.view_article",
        "entities.view_entity",
    ]


def test_inactive_users_and_users_without_roles_have_none(member):
    assert User.objects.create_user("nobody").get_all_permissions() == set()
    member.is_active = False
    member.save()
    assert not _fresh(member).has_perm("articles.view_article")


def test_superusers_have_every_permission():
    admin = User.objects.create_superuser("boss")
    assert _fresh(admin).has_perm("articles.delete_article")
    assert len(_fresh(admin).get_all_permissions()) == Permission.objects.count()
