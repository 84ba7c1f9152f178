"""Index the near-duplicates of all articles (or of --article IDs, or only those never
indexed with --missing), then put ungrouped articles into stories. Safe to repeat.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from stories.indexing import stories_index, stories_index_missing


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--article", type=int, action="append", help="article id (repeatable)")
        parser.add_argument(
            "--missing", action="store_true", help="only articles without an index yet"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["missing"]:
            summary = stories_index_missing()
        else:
            summary = stories_index(article_ids=options["article"])
        if options["verbosity"]:
            self.stdout.write(summary)
