"""The README's two commands, run from a fresh clone in a temporary folder."""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

BASE_DIR = Path(settings.BASE_DIR)
# Variables of this test run that must not leak into the clone's commands.
PRIVATE = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "DEBUG",
    "SECRET_KEY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "PYTEST_XDIST_WORKER",
    "PYTEST_CURRENT_TEST",
    "VIRTUAL_ENV",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PRIVATE}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    return {**env, **extra}


def serve(clone: Path, port: int) -> tuple[subprocess.Popen[str], list[str]]:
    """Start `make run` and wait until the app answers; output lines are collected as they come."""
    process = subprocess.Popen(
        ["make", "run"],
        cwd=clone,
        env=clean_env(PORT=str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output: list[str] = []
    assert process.stdout is not None
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()  # type: ignore[arg-type]
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("make run stopped:\n" + "".join(output))
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/accounts/login/", timeout=2
            ) as response:
                if response.status == 200:
                    return process, output
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise AssertionError("make run did not serve in time:\n" + "".join(output))


def stop(process: subprocess.Popen[str]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def log_in_and_list(port: int, username: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"http://127.0.0.1:{port}/accounts/login/"
    opener.open(login).read()
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    )
    request = urllib.request.Request(login, data=data.encode(), headers={"Referer": login})
    with opener.open(request) as response:
        return response.read().decode()


def test_readme_commands_from_a_fresh_clone(tmp_path):
    readme = (BASE_DIR / "README.md").read_text()
    assert "make run " in readme
    assert "make test " in readme
    clone = tmp_path / "newsdesk"
    subprocess.run(["git", "clone", "--quiet", str(BASE_DIR), str(clone)], check=True)

    port = free_port()
    process, lines = serve(clone, port)
    try:
        output = "".join(lines)
        passwords = dict(re.findall(r"user '(\w+)', password '([^']+)'", output))
        assert set(passwords) == {"admin", "editor", "reviewer"}, output
        assert (clone / "var" / "newsdesk.sqlite3").exists()
        page = log_in_and_list(port, "editor", passwords["editor"])
        assert "5 Artikel" in page or "5 articles" in page
    finally:
        stop(process)

    started = time.monotonic()
    process, lines = serve(clone, port)
    stop(process)
    assert "password" not in "".join(lines)
    assert time.monotonic() - started < 60

    tests = subprocess.run(
        ["make", "test"],
        cwd=clone,
        env=clean_env(PYTEST_ADDOPTS="-m 'not slow'"),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert tests.returncode == 0, tests.stdout[-5000:] + tests.stderr[-3000:]
    assert re.search(r"\d+ passed", tests.stdout)
