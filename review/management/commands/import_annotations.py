"""Import annotations exported as W3C JSON-LD or doccano JSONL onto the articles with the
same origin (or content hash), placed by their quotes. Every annotation that cannot be
placed is reported by its number with the reason and the rest imported (with --atomic:
nothing); the command then exits non-zero.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from review.importing import (
    ImportFileError,
    ImportFormat,
    detect_format,
    import_annotations,
    read_file,
)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format", choices=[f.value for f in ImportFormat], help="default: by file suffix"
        )
        parser.add_argument(
            "--author", help="annotator for annotations whose own annotator is unknown here"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )
        parser.add_argument(
            "--atomic",
            action="store_true",
            help="import nothing when any annotation of the file cannot be imported",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        import_format = (
            ImportFormat(options["format"]) if options["format"] else detect_format(path)
        )
        author = None
        if options["author"]:
            author = User.objects.filter(username=options["author"]).first()
            if author is None:
                raise CommandError(f"Unknown user “{options['author']}”.")
        try:
            incoming = read_file(path, import_format)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        report = import_annotations(
            incoming,
            default_author=author,
            dry_run=options["dry_run"],
            atomic=options["atomic"],
        )
        for problem in report.problems:
            self.stderr.write(f"not imported: {problem}")
        if report.rolled_back:
            raise CommandError(
                f"{report.failed} annotation(s) cannot be imported (see above); with --atomic "
                "nothing imported."
            )
        self.stdout.write(
            f"{'Checked' if options['dry_run'] else 'Done'}: {report.created} created, "
            f"{report.existing} already there, {report.moved} placed by quote at another "
            f"position, {report.failed} not imported."
        )
        if report.failed:
            raise CommandError(f"{report.failed} annotation(s) not imported, see above.")
