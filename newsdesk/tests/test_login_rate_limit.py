"""Login rate limiting (django-axes): a user name is locked per IP address after five wrong
passwords, with a message on the login page; successful logins are never limited."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

LOGIN = "/accounts/login/"
OFFICE = "192.0.2.10"
HOME = "198.51.100.7"
LOCKED_EN = "Too many failed logins for this user name. Try again in 15 minutes"
LOCKED_DE = "Zu viele fehlgeschlagene Anmeldungen für diesen Benutzernamen."


def log_in(client: Client, username: str, password: str, ip: str = OFFICE, **extra: str):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def fail(client: Client, username: str, times: int, ip: str = OFFICE) -> None:
    for _ in range(times):
        log_in(client, username, "wrong", ip)


@pytest.fixture
def erika(db: None) -> User:
    return User.objects.create_user("erika", password="pw-erika")


def test_the_settings_lock_user_name_and_address_together_for_a_while() -> None:
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_four_wrong_passwords_are_only_wrong_passwords(client, erika):
    for _ in range(4):
        response = log_in(client, "erika", "wrong", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200
        html = response.content.decode()
        assert "did not match" in html
        assert "Too many failed logins" not in html


def test_five_wrong_passwords_lock_with_a_message_on_the_login_page(client, erika):
    fail(client, "erika", 4)
    response = log_in(client, "erika", "wrong", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED_EN in html
    assert 'name="password"' in html  # the login form, not a bare error text
    assert 'value="erika"' in html
    german = log_in(client, "erika", "wrong")
    assert LOCKED_DE in german.content.decode()


def test_the_right_password_is_refused_while_locked(client, erika):
    fail(client, "erika", 5)
    response = log_in(client, "erika", "pw-erika", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert LOCKED_EN in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/articles/").status_code == 302


def test_after_the_cool_off_the_user_logs_in(client, erika):
    fail(client, "erika", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = log_in(client, "erika", "pw-erika")
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:list")


def test_an_admin_reset_unlocks_at_once(client, erika):
    fail(client, "erika", 5)
    call_command("axes_reset_username", "erika")
    assert log_in(client, "erika", "pw-erika").status_code == 302


def test_the_lock_holds_one_user_name_at_one_address_only(client, erika):
    User.objects.create_user("otto", password="pw-otto")
    fail(client, "erika", 5)
    # A colleague behind the same NAT address, and Erika from home, still get in.
    assert log_in(Client(), "otto", "pw-otto", OFFICE).status_code == 302
    assert log_in(Client(), "erika", "pw-erika", HOME).status_code == 302


def test_successful_logins_are_never_limited_and_reset_the_count(erika):
    for _ in range(3 * settings.AXES_FAILURE_LIMIT):
        client = Client()
        assert log_in(client, "erika", "pw-erika").status_code == 302
    client = Client()
    fail(client, "erika", 4)
    assert log_in(client, "erika", "pw-erika").status_code == 302
    fail(Client(), "erika", 4)
    assert log_in(Client(), "erika", "pw-erika").status_code == 302


def test_htmx_request_of_a_logged_out_user_goes_to_the_login_and_back(client, erika):
    response = client.get("/articles/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    target = response["HX-Redirect"]
    assert target == f"{LOGIN}?next=/articles/"
    assert client.get(target).status_code == 200
    response = client.post(
        LOGIN, {"username": "erika", "password": "pw-erika", "next": "/articles/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/articles/"


def test_admins_see_and_delete_lockouts_in_admin(client, erika, admin_user):
    fail(Client(), "erika", 5)
    client.force_login(admin_user)
    page = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200
    assert "erika" in page.content.decode()
    assert client.get(reverse("admin:axes_accesslog_changelist")).status_code == 200
