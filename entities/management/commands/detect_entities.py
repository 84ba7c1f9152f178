"""Detect the entity mentions of every article (or of the given ones) and update the
candidate queue. Idempotent; mentions an editor confirmed or rejected are kept.
"""

from argparse import ArgumentParser
from itertools import batched
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from entities.services import DetectionReport, detection_matcher, mentions_detect

BATCH_SIZE = 500


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--article", type=int, action="append", dest="articles", help="article id (repeatable)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        articles = Article.objects.only("id", "body").order_by("pk")
        if options["articles"]:
            articles = articles.filter(pk__in=options["articles"])
            missing = set(options["articles"]) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        matcher = detection_matcher()
        total = DetectionReport()
        for batch in batched(articles.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            report = mentions_detect(articles=batch, matcher=matcher)
            total.articles += report.articles
            total.created += report.created
            total.removed += report.removed
            total.kept_decided += report.kept_decided
            total.candidates |= report.candidates
        self.stdout.write(f"Done: {total}.")
