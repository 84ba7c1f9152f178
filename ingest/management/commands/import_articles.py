"""Import news articles from files, folders, zips and http(s) URLs: plain text, IPTC ninjs,
RSS/Atom feeds and web pages. Reports per file or item imported / unchanged / revised /
failed, and exits non-zero if any failed. See docs/ops/command-line.md.
"""

import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import ImportStatus
from ingest.pipeline import FollowUps, sources_import
from ingest.sources import ImportLimits, count_files

# More files than this get a progress bar.
PROGRESS_BAR_FROM = 5


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "targets", nargs="+", metavar="PATH_OR_URL", help="files, folders, zips or URLs"
        )
        parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.NEWSDESK_IMPORT_MAX_BYTES,
            help="refuse files larger than this (default %(default)s)",
        )
        parser.add_argument(
            "--quiet-unchanged", action="store_true", help="do not list unchanged files"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # Paths arrive as str (surrogate-escaped where not UTF-8), URLs stay strings.
        targets: list[str] = options["targets"]
        total = count_files(targets)
        follow_ups = FollowUps()
        reports = sources_import(
            targets,
            limits=ImportLimits.from_settings(max_bytes=options["max_bytes"]),
            dry_run=options["dry_run"],
            follow_ups=follow_ups,
        )
        counts = dict.fromkeys(ImportStatus, 0)
        progress = _Progress(
            total=total, unit="file", file=sys.stderr, disable=total <= PROGRESS_BAR_FROM
        )
        with progress:
            for report in reports:
                counts[report.status] += 1
                progress.update(1)
                if options["quiet_unchanged"] and report.status is ImportStatus.UNCHANGED:
                    continue
                with tqdm.external_write_mode(file=sys.stderr):
                    if report.status is ImportStatus.FAILED:
                        self.stderr.write(str(report))
                    else:
                        self.stdout.write(str(report))
        summary = ", ".join(f"{count} {status}" for status, count in counts.items())
        self.stdout.write(f"Done: {summary}.")
        self._follow_up(follow_ups)
        if counts[ImportStatus.FAILED]:
            raise CommandError(f"{counts[ImportStatus.FAILED]} file(s) failed, see above.")

    def _follow_up(self, follow_ups: FollowUps) -> None:
        """Queue entity detection and story indexing for what was written, in batches."""
        count = len(set(follow_ups.article_ids))
        if not count:
            return
        inline = "Immediate" in settings.TASKS["default"]["BACKEND"]
        if inline and count > settings.NEWSDESK_IMPORT_INLINE_MAX_ARTICLES:
            self.stdout.write(
                f"{count} articles written; entity detection and story grouping were not "
                "run (no task worker: TASKS_BACKEND=immediate). Run `manage.py "
                "detect_entities` and `manage.py index_near_duplicates --missing`, "
                "or start a worker with TASKS_BACKEND=database."
            )
            return
        if inline:
            self.stdout.write(f"Detecting entities and grouping stories for {count} articles …")
        follow_ups.queue()


class _Progress(tqdm):  # type: ignore[type-arg]
    """The progress bar without tqdm's monitor thread: the import forks its parse workers
    only from a process that runs no other thread (ingest.parallel)."""

    monitor_interval = 0
