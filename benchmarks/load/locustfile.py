"""Simulated editors for `make load`: log in, open workspaces, annotate, edit, read cards.

Each editor logs in once through the login form, then loops: open an article's
workspace, select a quote of its text and save an annotation (UTF-16 offsets, as
`static/js/workspace.js` sends them), sometimes edit one of its own annotations (with
its version; a second "tab" sometimes saves a stale version and must get a 409, then
merges), and read the article's card list. Every write the server acknowledged goes into
the `Ledger`, which the runner compares with the database afterwards.

The server is plain HTTP on 127.0.0.1 but runs with the production settings (secure
cookies), as behind a TLS proxy: requests carry `X-Forwarded-Proto: https` and the
cookie jar sends the secure cookies over that hop.

Run headless by `benchmarks/load/run.py` (`python -m benchmarks.load.locustfile …`
writes statistics and ledger as JSON); `locust -f benchmarks/load/locustfile.py` works
too, with `LOAD_PASSWORD` set and accounts `load-editor-01` … created by the runner.
"""

import argparse
import itertools
import json
import os
import random
import re
import time
from collections.abc import Sequence
from http.cookiejar import Cookie, DefaultCookiePolicy
from pathlib import Path
from typing import Any, ClassVar
from urllib.request import Request

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser, ResponseContextManager
from locust.env import Environment
from locust.exception import StopUser
from locust.stats import StatsEntry

from benchmarks.load.cpu import process_tree_cpu_seconds
from benchmarks.load.ledger import Acknowledged, Ledger
from benchmarks.load.plan import (
    EDIT_SHARE,
    PASSWORD_VARIABLE,
    STALE_TAB_SHARE,
    THINK_SECONDS,
    USERNAME,
)
from benchmarks.measure import cpu_seconds
from newstext.offsets import code_point_to_utf16

MAX_QUOTE_WORDS = 8
RAMP_UP_LIMIT = 300.0  # seconds for every editor to log in
SOURCE_NAMES = ("", "", "Kreml", "dpa", "Reuters", "Interfax", "Lastquelle A", "Lastquelle B")


def _input_value(name: str, value: str = r"\d+") -> re.Pattern[str]:
    """A form input `name` as the page writes it; its value (a number unless said) is group 1."""
    return re.compile(rf'name="{name}" value="({value})"')


_CSRF_INPUT = _input_value("csrfmiddlewaretoken", value=r'[^"]+')
_LABEL = _input_value("label")
_VERSION = _input_value("version")
_ARTICLE_LINK = re.compile(r'href="/articles/(\d+)/"')
_BODY_JSON = re.compile(r'<script id="article-body" type="application/json">(.*?)</script>', re.S)
_WORD = re.compile(r"\S+")

_accounts = itertools.count(1)


class BehindTlsProxy(DefaultCookiePolicy):
    """Sends secure cookies over the plain-HTTP hop from the TLS proxy to gunicorn."""

    def return_ok_secure(self, cookie: Cookie, request: Request) -> bool:
        return True


class Editor(FastHttpUser):
    """One editor with an account of its own (`load-editor-NN`)."""

    wait_time = between(THINK_SECONDS[0], THINK_SECONDS[1])
    ledger: ClassVar[Ledger] = Ledger()  # shared by every editor of this process
    logged_in: ClassVar[int] = 0
    logins_tried: ClassVar[int] = 0

    def on_start(self) -> None:
        self.username = USERNAME.format(next(_accounts))
        self.client.cookiejar.set_policy(BehindTlsProxy())
        self.origin = re.sub(r"^http:", "https:", self.host or "")
        self.article_ids: list[int] = []
        self.mine: list[int] = []
        self.csrf = ""
        self.saves = 0
        try:
            self.login()
        finally:
            Editor.logins_tried += 1

    def headers(self, referer: str = "/", *, htmx: bool = False) -> dict[str, str]:
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": self.origin,
            "Referer": self.origin + referer,
            "Accept-Language": "de",
        }
        if htmx:
            headers |= {"HX-Request": "true", "X-CSRFToken": self.csrf}
        return headers

    def login(self) -> None:
        page = self.client.get("/accounts/login/", headers=self.headers(), name="login page")
        token = _CSRF_INPUT.search(page.text or "")
        if token is None:
            return
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "username": self.username,
            "password": os.environ[PASSWORD_VARIABLE],
            "next": "",
        }
        with self.client.post(
            "/accounts/login/",
            data=form,
            headers=self.headers("/accounts/login/"),
            name="login",
            catch_response=True,
        ) as response:
            ids = [int(i) for i in _ARTICLE_LINK.findall(response.text or "")]
            if response.status_code != 200 or not ids:
                response.failure(f"status {response.status_code}, no article list")
                return
        self.article_ids = list(dict.fromkeys(ids))
        Editor.logged_in += 1

    @task
    def annotate(self) -> None:
        if not self.article_ids:
            raise StopUser  # not logged in: the failure is in the statistics
        article_id = random.choice(self.article_ids)  # noqa: S311 - simulation, not secrets
        workspace = f"/articles/{article_id}/"
        page = self.open_workspace(workspace)
        if page is None:
            return
        body, labels = page
        self.pause()
        self.create(article_id, workspace, body, labels)
        if self.mine and random.random() < EDIT_SHARE:  # noqa: S311
            self.pause()
            self.edit(random.choice(self.mine), workspace, labels)  # noqa: S311
        self.pause()
        self.client.get(
            f"/articles/{article_id}/annotations/cards/?offset=0&all=1",
            headers=self.headers(workspace, htmx=True),
            name="cards",
        )

    def open_workspace(self, workspace: str) -> tuple[str, list[str]] | None:
        """The article's body and label ids, as the page gives them to workspace.js."""
        with self.client.get(
            workspace, headers=self.headers(), name="workspace", catch_response=True
        ) as response:
            text = response.text or ""
            body = _BODY_JSON.search(text)
            csrf = _CSRF_INPUT.search(text)
            labels = _LABEL.findall(text)
            if response.status_code != 200 or not body or not csrf or not labels:
                response.failure(f"status {response.status_code}, no article text or form")
                return None
        self.csrf = csrf.group(1)
        return json.loads(body.group(1)), labels

    def create(self, article_id: int, workspace: str, body: str, labels: list[str]) -> None:
        """Select a few words of the text and save them as an annotation."""
        words = list(_WORD.finditer(body))
        first = random.randrange(len(words))  # noqa: S311
        last = min(len(words) - 1, first + random.randrange(MAX_QUOTE_WORDS))  # noqa: S311
        start, end = words[first].start(), words[last].end()
        exact = body[start:end]
        note, posted = self.save(
            f"/articles/{article_id}/annotations/",
            workspace,
            labels,
            name="create",
            start=code_point_to_utf16(body, start),
            end=code_point_to_utf16(body, end),
            exact=exact,
        )
        with posted as response:
            saved = _saved_id(response)
            if response.status_code != 200 or saved is None:
                response.failure(f"status {response.status_code}, no annotation-saved event")
                return
        self.mine.append(saved)
        self.ledger.acknowledge(Acknowledged(saved, self.username, exact, note, 1))

    def edit(self, annotation_id: int, workspace: str, labels: list[str]) -> None:
        """Open the edit form and save a new note; sometimes a stale tab saves after it."""
        version = self.edit_form(annotation_id, workspace)
        if version is None:
            return
        stale = random.random() < STALE_TAB_SHARE  # noqa: S311
        self.pause()
        version = self.update(annotation_id, version, workspace, labels, name="update")
        if version is None or not stale:
            return
        # The second tab still holds the form at the old version: its save must be refused
        # with the newer version, which the editor then merges into and saves again.
        newer = self.update(
            annotation_id, version - 1, workspace, labels, name="update (stale tab)", stale=True
        )
        if newer is not None:
            self.update(annotation_id, newer, workspace, labels, name="update (merged)")

    def edit_form(self, annotation_id: int, workspace: str) -> int | None:
        with self.client.get(
            f"/annotations/{annotation_id}/edit/",
            headers=self.headers(workspace, htmx=True),
            name="edit form",
            catch_response=True,
        ) as response:
            version = _VERSION.search(response.text or "")
            if response.status_code != 200 or version is None:
                response.failure(f"status {response.status_code}, no version in the form")
                return None
        return int(version.group(1))

    def update(
        self,
        annotation_id: int,
        version: int,
        workspace: str,
        labels: list[str],
        *,
        name: str,
        stale: bool = False,
    ) -> int | None:
        """Save a new note at `version`: the new version (or, if `stale`, the server's)."""
        note, posted = self.save(
            f"/annotations/{annotation_id}/update/", workspace, labels, name=name, version=version
        )
        with posted as response:
            expected = 409 if stale else 200
            if response.status_code != expected:
                response.failure(f"status {response.status_code}, expected {expected}")
                return None
            if stale:
                newer = _VERSION.search(response.text or "")
                if newer is None:
                    response.failure("409 without the newer version")
                    return None
                response.success()
                return int(newer.group(1))
        previous = self.ledger.saved[annotation_id]
        self.ledger.acknowledge(
            Acknowledged(annotation_id, self.username, previous.exact, note, version + 1)
        )
        return version + 1

    def save(
        self, path: str, workspace: str, labels: list[str], *, name: str, **fields: object
    ) -> tuple[str, ResponseContextManager]:
        """Post an annotation form: the `fields` that say which span or version, a random
        label and source, a new note. The note, and the response to check (a context)."""
        note = self.next_note()
        form = {
            "csrfmiddlewaretoken": self.csrf,
            **fields,
            "label": random.choice(labels),  # noqa: S311
            "sources": random.choice(SOURCE_NAMES),  # noqa: S311
            "note": note,
        }
        headers = self.headers(workspace, htmx=True)
        posted = self.client.post(path, data=form, headers=headers, name=name, catch_response=True)
        return note, posted

    def pause(self) -> None:
        """Think time between two steps; a stopping run ends the editor here."""
        self.wait()  # type: ignore[no-untyped-call]

    def next_note(self) -> str:
        self.saves += 1
        return f"Lasttest {self.username} Nr. {self.saves}: geprüft ✓"


def _saved_id(response: ResponseContextManager) -> int | None:
    """The id in the `annotation-saved` event the server triggers after a save."""
    trigger = response.headers.get("HX-Trigger") if response.headers else None
    if not isinstance(trigger, str):
        return None
    try:
        return int(json.loads(trigger)["annotation-saved"]["id"])
    except (ValueError, KeyError, TypeError):
        return None


def _figures(entry: StatsEntry, seconds: float) -> dict[str, Any]:
    return {
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "rps": entry.num_requests / seconds if seconds else 0.0,
        "p50": entry.get_response_time_percentile(0.50),
        "p95": entry.get_response_time_percentile(0.95),
        "p99": entry.get_response_time_percentile(0.99),
        "max": entry.max_response_time,
    }


def statistics(environment: Environment, seconds: float) -> dict[str, Any]:
    """Per request name and for all requests, as plain numbers."""
    stats = environment.stats
    return {
        "seconds": seconds,
        "requests": {
            e.name: _figures(e, seconds) for e in stats.entries.values() if e.num_requests
        },
        "total": _figures(stats.total, seconds),
        "errors": [
            f"{error.occurrences}× {error.method} {error.name}: {error.error}"
            for error in stats.errors.values()
        ],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run the simulated editors headless.")
    parser.add_argument("--host", required=True, help="e.g. http://127.0.0.1:8001")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=1.0, help="users started per second")
    parser.add_argument("--seconds", type=float, default=60.0, help="once all are logged in")
    parser.add_argument("--output", type=Path, required=True, help="statistics (JSON)")
    parser.add_argument("--ledger", type=Path, required=True, help="acknowledged writes (JSON)")
    parser.add_argument("--server-pid", type=int, help="gunicorn's, to measure its CPU time")
    options = parser.parse_args(argv)

    environment = Environment(user_classes=[Editor], host=options.host, stop_timeout=30)
    runner = environment.create_local_runner()
    started = time.monotonic()
    runner.start(options.users, spawn_rate=options.spawn_rate)
    # Ramp-up: every editor logs in (a deliberately slow password hash) and starts work.
    # Its figures are kept apart; the measured window begins once all are logged in.
    while Editor.logins_tried < options.users and time.monotonic() - started < RAMP_UP_LIMIT:
        time.sleep(0.1)  # gevent's sleep: locust has patched the standard library
    ramp_up = statistics(environment, time.monotonic() - started)
    environment.stats.reset_all()
    window = time.monotonic()
    server_cpu = process_tree_cpu_seconds(options.server_pid) if options.server_pid else 0.0
    own_cpu = cpu_seconds()
    time.sleep(options.seconds)
    steady = statistics(environment, time.monotonic() - window)
    cpu = {
        "server_cpu_seconds": (
            process_tree_cpu_seconds(options.server_pid) - server_cpu
            if options.server_pid
            else None
        ),
        "locust_cpu_seconds": cpu_seconds() - own_cpu,
        "load_average": os.getloadavg()[0],
    }
    runner.quit()
    runner.greenlet.join()
    result = {"ramp_up": ramp_up, "logged_in": Editor.logged_in, **steady, **cpu}
    options.output.write_text(json.dumps(result), encoding="utf-8")
    Editor.ledger.write(options.ledger)


if __name__ == "__main__":
    main()
