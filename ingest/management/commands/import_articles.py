"""`manage.py import_articles PATH [PATH …]`: import news text files and folders."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import ImportStatus, find_text_files
from ingest.pipeline import files_import

# More files than this get a progress bar.
PROGRESS_BAR_FROM = 5


class Command(BaseCommand):
    help = (
        "Import .txt news files (or folders of them). Reports per file imported / "
        "unchanged / revised / failed, and exits non-zero if any file failed."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders of .txt files")
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and report, write nothing"
        )
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
        paths: list[Path] = options["paths"]
        total = sum(1 for item in find_text_files(paths) if isinstance(item, Path))
        reports = files_import(paths, max_bytes=options["max_bytes"], dry_run=options["dry_run"])
        counts = dict.fromkeys(ImportStatus, 0)
        progress = tqdm(
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
        if counts[ImportStatus.FAILED]:
            raise CommandError(f"{counts[ImportStatus.FAILED]} file(s) failed, see above.")
