"""Import jobs run again after a lost worker, and the requeue of stale tasks."""

import datetime
import io
import zipfile
from pathlib import Path

from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from ingest.jobs import Upload, import_job_create_upload, import_job_run
from ingest.models import ImportJob, ImportUpload
from ingest.tests.worker_tasks import note_task

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "seeds").glob("*.txt"))


def seeds_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for seed in SEEDS:
            archive.writestr(seed.name, seed.read_bytes())
    return buffer.getvalue()


def test_a_job_run_again_reports_each_file_once(editor):
    job = import_job_create_upload(user=editor, uploads=[Upload("seeds.zip", seeds_zip())])
    import_job_run(job_id=job.pk)
    # As if its worker died with two files recorded: the job is still running, its bytes kept.
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    ImportUpload.objects.filter(job=job).update(data=seeds_zip())
    job.results.filter(position__gt=2).delete()
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    names = [r.name for r in job.results.order_by("position")]
    assert len(names) == len(set(names)) == len(SEEDS)
    assert Article.objects.count() == len(SEEDS)


def test_a_finished_job_is_not_run_again(editor):
    job = import_job_create_upload(
        user=editor, uploads=[Upload(SEEDS[0].name, SEEDS[0].read_bytes())]
    )
    import_job_run(job_id=job.pk)
    import_job_run(job_id=job.pk)
    assert job.results.count() == 1


def stale_task(worker_ids: list[str], minutes_ago: int) -> DBTaskResult:
    row = DBTaskResult.objects.create(
        args_kwargs={"args": ["/dev/null", "x"], "kwargs": {}},
        task_path=note_task.module_path,
        backend_name="default",
        run_after=timezone.now(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        worker_ids=worker_ids,
    )
    return row


def test_stale_running_tasks_are_requeued_and_given_up_after_max_attempts(db):
    dead = stale_task(["a"], minutes_ago=45)
    poison = stale_task(["a", "b", "c"], minutes_ago=45)
    busy = stale_task(["d"], minutes_ago=5)
    call_command("requeue_stale_tasks", "--older-than", "30", "--max-attempts", "3")
    for row in (dead, poison, busy):
        row.refresh_from_db()
    assert dead.status == TaskResultStatus.READY
    assert dead.started_at is None
    assert poison.status == TaskResultStatus.FAILED
    assert "given up" in poison.traceback
    assert busy.status == TaskResultStatus.RUNNING  # still within its time
