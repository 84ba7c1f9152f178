import re

from django.contrib.auth.models import User
from django.core.management import call_command

from annotations.models import Label
from articles.models import Article


def run_setup(capsys) -> str:
    call_command("setup_demo")
    return capsys.readouterr().out


def test_setup_demo_creates_everything_once_and_prints_passwords_once(db, client, capsys):
    first = run_setup(capsys)
    passwords = dict(re.findall(r"user '(\w+)', password '([^']+)'", first))
    assert set(passwords) == {"admin", "editor", "reviewer"}
    assert Article.objects.count() == 5
    assert Label.objects.count() >= 4

    second = run_setup(capsys)
    assert "password" not in second
    assert Article.objects.count() == 5
    assert User.objects.count() == 3

    response = client.post(
        "/accounts/login/", {"username": "editor", "password": passwords["editor"]}
    )
    assert response.status_code == 302, "the demo editor logs in through the login page"
    assert client.get("/articles/").status_code == 200
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="reviewer").groups.filter(name="Reviewers").exists()
    assert not User.objects.get(username="editor").is_staff


def test_setup_demo_keeps_an_admin_curated_label_set(db, capsys):
    Label.objects.create(name="Eigenes Label", key="1")
    run_setup(capsys)
    assert list(Label.objects.values_list("name", flat=True)) == ["Eigenes Label"]
