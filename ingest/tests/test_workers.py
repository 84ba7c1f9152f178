"""Several worker processes on one PostgreSQL queue (django_tasks_db), docs/ops/workers.md.

Real `manage.py db_worker` processes against the test database: two drain one queue with
no task lost or run twice; a worker killed mid-task leaves its task running until
`requeue_stale_tasks` puts it back, and another worker then runs it.

PostgreSQL only (SQLite has no SELECT … FOR UPDATE SKIP LOCKED, and one writer at a
time): it runs in the PostgreSQL pass of .ci/run and is reported as skipped on SQLite.
"""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ingest.tests.worker_tasks import note_task

ROOT = Path(__file__).resolve().parents[2]
WAIT_LIMIT = 120.0  # seconds: a bound on the waits below, never a measured assertion

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://…): runs in the PostgreSQL pass",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_environment() -> dict[str, str]:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "DATABASE_URL": f"{url}/{db['NAME']}",
        "TASKS_BACKEND": "database",
        "SECRET_KEY": "worker-test-secret-key",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }


def start_worker(worker_id: str, *, batch: bool) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--worker-id",
        worker_id,
        "--interval",
        "0.1",
        "--no-startup-delay",
        "--no-reload",
    ]
    if batch:
        command.append("--batch")
    return subprocess.Popen(command, cwd=ROOT, env=worker_environment())


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_LIMIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


def finish(*workers: subprocess.Popen[bytes]) -> None:
    for worker in workers:
        try:
            worker.wait(timeout=WAIT_LIMIT)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
            pytest.fail("a worker did not finish the queue")


def test_two_workers_drain_one_queue_without_losing_or_repeating_a_task(database_queue, tmp_path):
    notes = tmp_path / "notes.txt"
    labels = [f"task-{n}" for n in range(40)]
    for label in labels:
        note_task.enqueue(str(notes), label, 0.2)

    workers = [start_worker("worker-a", batch=True), start_worker("worker-b", batch=True)]
    finish(*workers)

    assert all(worker.returncode == 0 for worker in workers)
    results = list(DBTaskResult.objects.all())
    assert len(results) == len(labels)
    assert {r.status for r in results} == {TaskResultStatus.SUCCESSFUL}
    assert sorted(r.return_value for r in results) == sorted(labels)
    lines = notes.read_text().splitlines()
    starts = Counter(line.split()[1] for line in lines if line.startswith("start"))
    ends = Counter(line.split()[1] for line in lines if line.startswith("end"))
    assert starts == ends == Counter(labels)  # every task ran exactly once
    assert all(len(r.worker_ids) == 1 for r in results)
    # Both took their share of the queue.
    assert {r.worker_ids[0] for r in results} == {"worker-a", "worker-b"}


def test_a_task_of_a_killed_worker_is_requeued_and_run_by_another(database_queue, tmp_path):
    notes = tmp_path / "notes.txt"
    result = note_task.enqueue(str(notes), "long", 0.0, 600.0)

    doomed = start_worker("worker-doomed", batch=False)
    try:
        wait_for(lambda: notes.exists() and "start long" in notes.read_text(), "the task to start")
        doomed.send_signal(signal.SIGKILL)  # no chance to clean up, like a lost machine
        doomed.wait(timeout=WAIT_LIMIT)
    finally:
        if doomed.poll() is None:
            doomed.kill()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.RUNNING  # django_tasks_db alone never retries it

    call_command("requeue_stale_tasks", "--older-than", "0")
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY

    rescuer = start_worker("worker-rescuer", batch=True)
    finish(rescuer)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == ["worker-doomed", "worker-rescuer"]
    lines = notes.read_text().splitlines()
    assert [line.split()[0] for line in lines] == ["start", "start", "end"]
