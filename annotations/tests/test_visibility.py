"""What each role sees in the workspace, and CSRF on its htmx posts.

Who may call which endpoint is the project's one permission matrix
(`newsdesk/tests/permission_matrix.py`).
"""

import pytest
from django.urls import reverse

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def setup(client, editor, other_editor, reviewer, admin_user, article, make_annotation, labels):
    annotation = make_annotation(article, editor, QUOTE, note="von Erika")
    users = {
        "author": editor,
        "other_editor": other_editor,
        "reviewer": reviewer,
        "admin": admin_user,
    }
    return annotation, users


def test_editors_see_only_their_own_annotations_reviewers_see_all(client, setup):
    annotation, users = setup
    client.force_login(users["other_editor"])
    assert "von Erika" not in client.get(annotation.article.get_absolute_url()).content.decode()
    client.force_login(users["reviewer"])
    page = client.get(annotation.article.get_absolute_url()).content.decode()
    assert "von Erika" in page
    assert 'id="annotation-form"' not in page  # reviewers review, they do not annotate


def test_csrf_is_required_on_htmx_posts(setup, labels):
    from django.test import Client

    annotation, users = setup
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["author"])
    response = client.post(reverse("annotations:delete", args=[annotation.pk]), headers=HTMX)
    assert response.status_code == 403
    annotation.refresh_from_db()
    assert annotation.deleted_at is None
    page = client.get(annotation.article.get_absolute_url()).content.decode()
    token = client.cookies["csrftoken"].value
    assert 'hx-headers=\'{"X-CSRFToken": "' in page
    response = client.post(
        reverse("annotations:delete", args=[annotation.pk]), headers={**HTMX, "X-CSRFToken": token}
    )
    assert response.status_code == 200
