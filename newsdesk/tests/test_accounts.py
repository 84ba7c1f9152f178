"""Account pages: login, logout and password change only; no self-service password reset."""

import pytest
from django.urls import NoReverseMatch, reverse


@pytest.mark.parametrize(
    "name", ["password_reset", "password_reset_done", "password_reset_complete"]
)
def test_there_is_no_password_reset_by_mail(name):
    with pytest.raises(NoReverseMatch):
        reverse(name)


def test_the_reset_address_is_not_found(client, editor):
    client.force_login(editor)
    assert client.get("/accounts/password_reset/").status_code == 404


def test_an_editor_changes_their_password(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pw-erika",
            "new_password1": "ein-neues-Passwort-7",
            "new_password2": "ein-neues-Passwort-7",
        },
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("ein-neues-Passwort-7")
