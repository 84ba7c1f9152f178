"""Articles that have live annotations but still say "not started" move to "in progress",
the step `articles.services.article_annotation_started` now takes on every first
annotation. Each move gets a history entry, as the service's does."""

from typing import Any

from django.db import migrations
from django.utils import timezone

REASON = "First annotation: in progress"


def forwards(apps: Any, schema_editor: Any) -> None:
    article_model = apps.get_model("articles", "Article")
    historical_model = apps.get_model("articles", "HistoricalArticle")
    annotation_model = apps.get_model("annotations", "Annotation")
    annotated = annotation_model.objects.filter(deleted_at__isnull=True).values("article_id")
    moving = article_model.objects.filter(annotation_status="not_started", pk__in=annotated)
    ids = list(moving.values_list("pk", flat=True))
    if not ids:
        return
    article_model.objects.filter(pk__in=ids).update(annotation_status="in_progress")
    now = timezone.now()
    tracked = [
        field.attname
        for field in historical_model._meta.fields
        if not field.name.startswith("history_") and field.name != "history_id"
    ]
    for batch_start in range(0, len(ids), 500):
        rows = article_model.objects.filter(pk__in=ids[batch_start : batch_start + 500])
        historical_model.objects.bulk_create(
            historical_model(
                **{name: getattr(row, name) for name in tracked},
                history_date=now,
                history_type="~",
                history_change_reason=REASON,
                history_user=None,
            )
            for row in rows
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_article_identity_byline_revision_source"),
        ("annotations", "0004_reviewdecision_moved_to_review"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
