"""Put tasks that have been running longer than --older-than minutes (their worker died)
back in the queue; give up on a task after --max-attempts starts.

django_tasks_db's worker claims a task (status RUNNING) in one short transaction and runs
it outside any lock, so a worker killed mid-task (OOM, power, kill -9) leaves it RUNNING
forever; the backend has no retry of its own. Newsdesk's tasks are safe to run again (an
import job skips the files it recorded; detection and indexing recompute). Choose
--older-than above the longest task you run (docs/ops/workers.md).
"""

import datetime
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def stale_tasks_requeue(*, older_than: datetime.timedelta, max_attempts: int) -> tuple[int, int]:
    """(requeued, failed): running tasks started before `older_than` ago."""
    cutoff = timezone.now() - older_than
    requeued = failed = 0
    with transaction.atomic():
        stale = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=cutoff)
            .select_for_update(skip_locked=True)
        )
        for result in stale:
            if len(result.worker_ids) >= max_attempts:
                result.status = TaskResultStatus.FAILED
                result.finished_at = timezone.now()
                result.exception_class_path = "django_tasks_db.StaleTask"
                result.traceback = (
                    f"started {len(result.worker_ids)} times by workers that did not finish it "
                    f"(workers {', '.join(result.worker_ids)}); given up"
                )
                result.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    return requeued, failed


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--older-than", type=float, default=30.0, metavar="MINUTES")
        parser.add_argument("--max-attempts", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["older_than"] < 0 or options["max_attempts"] < 1:
            raise CommandError("--older-than must be >= 0 and --max-attempts >= 1")
        requeued, failed = stale_tasks_requeue(
            older_than=datetime.timedelta(minutes=options["older_than"]),
            max_attempts=options["max_attempts"],
        )
        self.stdout.write(f"{requeued} stale task(s) requeued, {failed} given up.")
