"""Running one request many times at once, as a double click or many editors do: each in
its own thread with its own database connection, all released together by a barrier.

For tests marked `@pytest.mark.django_db(transaction=True)`: the threads must see the
committed state. On PostgreSQL their writes really compete (row locks, unique
constraints). SQLite's test database lives in memory with a shared cache, where a second
connection gets "table is locked" at once instead of waiting; a file database (production)
runs one writing transaction at a time (IMMEDIATE, a busy timeout). The threads do the
same here: on SQLite each request holds one lock, so they run one after another in the
order the threads reach it.
"""

import threading
from collections.abc import Callable
from contextlib import nullcontext

from django.contrib.auth.models import Group, User
from django.db import connections
from django.http import HttpResponse
from django.test import Client

from newsdesk.roles import EDITORS

HTMX = {"HX-Request": "true", "Accept-Language": "en"}


def editors_make(count: int) -> list[User]:
    """`count` users in the editors' group (the roles must exist), to race each other."""
    group = Group.objects.get(name=EDITORS)
    users = [User.objects.create_user(f"editor{index}") for index in range(count)]
    group.user_set.add(*users)
    return users


def post_at_once(
    users: list[User], url: str, data: dict[str, object] | Callable[[int], dict[str, object]]
) -> list[int]:
    """POST `data` (or `data(i)` for the i-th thread) to `url` as each user at once; the
    status codes, in thread order (an exception in a thread is a 599)."""
    barrier = threading.Barrier(len(users))
    statuses = [0] * len(users)
    one_writer = threading.Lock() if connections["default"].vendor == "sqlite" else nullcontext()

    def run(index: int, user: User) -> None:
        body = data(index) if callable(data) else data
        try:
            barrier.wait(timeout=30)
            with one_writer:
                client = Client()
                client.force_login(user)
                response: HttpResponse = client.post(url, body, headers=HTMX)
            statuses[index] = response.status_code
        except Exception:  # reported as a status the test fails on
            statuses[index] = 599
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, user)) for index, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses
