"""Poll every active feed whose next poll is due (conditional GET, back-off after errors)
and import its new items. --every SECONDS repeats it forever (the docker-compose
worker); without it, one round (cron). See docs/ops/command-line.md.
"""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from ingest.feeds import feeds_claim_due, feeds_poll
from ingest.models import Feed


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, metavar="SECONDS", help="poll again every SECONDS, forever"
        )
        parser.add_argument("--all", action="store_true", help="poll every active feed, due or not")

    def handle(self, *args: Any, **options: Any) -> None:
        every: int | None = options["every"]
        if every is not None and every < 1:
            raise CommandError("--every must be at least 1 second")
        while True:
            self.poll_round(poll_all=options["all"])
            if every is None:
                return
            close_old_connections()
            time.sleep(every)

    def poll_round(self, *, poll_all: bool) -> None:
        feeds = list(Feed.objects.filter(is_active=True)) if poll_all else feeds_claim_due()
        for result in feeds_poll(feeds):
            line = f"{result.feed.url}: {result.summary}"
            if result.status == Feed.Result.FAILED:
                self.stderr.write(line)
            else:
                self.stdout.write(line)
