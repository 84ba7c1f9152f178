from django.core.management import call_command

from ingest.pipeline import files_import
from stories.models import ArticleBand, NearDuplicate, Story


def test_missing_articles_are_indexed_once(db, seeds_dir):
    list(files_import([seeds_dir], max_bytes=10**7))  # the task never ran: no commit
    assert not ArticleBand.objects.exists()
    call_command("index_near_duplicates", missing=True, verbosity=0)
    assert NearDuplicate.objects.count() == 1
    bands = list(ArticleBand.objects.values_list("pk", flat=True))
    call_command("index_near_duplicates", missing=True, verbosity=0)
    assert list(ArticleBand.objects.values_list("pk", flat=True)) == bands


def test_setup_demo_ends_with_the_seeds_indexed_and_grouped(db, capsys):
    call_command("setup_demo", verbosity=0)
    assert NearDuplicate.objects.count() == 1
    assert ArticleBand.objects.values("article").distinct().count() == 5
    # Without the entity task (it runs on commit), only the near-duplicates form a story.
    assert Story.objects.count() == 1
