"""Export the live annotations matching the filters (all by default) as W3C Web Annotation
JSON-LD, doccano JSONL, Label Studio tasks, CSV or a spaCy DocBin. Offsets are Unicode
code points into the article text, end exclusive.
"""

import os
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from review.export import FORMATS, export_chunks
from review.export.selection import CHUNK_SIZE, SelectionForm

DEFAULT_BASE_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument(
            "-o", "--output", required=True, help="file to write ('-' for standard output)"
        )
        parser.add_argument("--article", type=int, help="only this article (id)")
        parser.add_argument("--label", help="only this label (name)")
        parser.add_argument("--status", help="only this review status: pending, accepted, rejected")
        parser.add_argument("--author", help="only this annotator (user name)")
        parser.add_argument("--source", help="only annotations attributed to this source")
        parser.add_argument("--date-from", help="articles published on or after (YYYY-MM-DD)")
        parser.add_argument("--date-to", help="articles published on or before (YYYY-MM-DD)")
        parser.add_argument("--story", type=int, help="only articles of this story (id)")
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help="where the app is served, for the ids of articles and annotations "
            "(default %(default)s)",
        )
        parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE, help="rows per fetch")

    def handle(self, *args: Any, **options: Any) -> None:
        form = SelectionForm({key: options[key] or "" for key in SelectionForm.field_order})
        if not form.is_valid():
            problems = "; ".join(
                f"{field}: {' '.join(map(str, errors))}" for field, errors in form.errors.items()
            )
            raise CommandError(problems.replace("__all__: ", ""))
        base_url = options["base_url"].rstrip("/") + "/"
        chunks = export_chunks(
            options["format"], form.selection(), base_url=base_url, chunk_size=options["chunk_size"]
        )
        output: str = options["output"]
        if output == "-":
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            return
        path = Path(output)
        partial = path.with_name(f".{path.name}.partial")
        try:
            with partial.open("wb") as file:
                for chunk in chunks:
                    file.write(chunk)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        self.stderr.write(f"Wrote {path} ({path.stat().st_size:,} bytes).")
