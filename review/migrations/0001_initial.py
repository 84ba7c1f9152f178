# ReviewDecision moved here from the annotations app (annotations 0004 removes it there).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_move(apps, schema_editor):
    """Permissions, group rights and admin history follow the model to the new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    if not content_types.filter(app_label="review", model="reviewdecision").exists():
        content_types.filter(app_label="annotations", model="reviewdecision").update(
            app_label="review"
        )


def content_type_move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    if not content_types.filter(app_label="annotations", model="reviewdecision").exists():
        content_types.filter(app_label="review", model="reviewdecision").update(
            app_label="annotations"
        )


class Migration(migrations.Migration):
    """The review decisions, moved from the annotations app with their table and rows."""

    initial = True

    dependencies = [
        ("annotations", "0003_history"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReviewDecision",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("accept", "accepted"),
                                    ("reject", "rejected"),
                                    ("correct", "corrected"),
                                ],
                                max_length=10,
                                verbose_name="decision",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "pending review"),
                                    ("accepted", "accepted"),
                                    ("rejected", "rejected"),
                                ],
                                help_text="After it.",
                                max_length=10,
                                verbose_name="review status",
                            ),
                        ),
                        ("comment", models.TextField(blank=True, verbose_name="comment")),
                        (
                            "decided_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="decided"),
                        ),
                        (
                            "annotation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="review_decisions",
                                to="annotations.annotation",
                            ),
                        ),
                        (
                            "label_after",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="annotations.label",
                                verbose_name="label after",
                            ),
                        ),
                        (
                            "label_before",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="annotations.label",
                                verbose_name="label before",
                            ),
                        ),
                        (
                            "reviewer",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="review_decisions",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "review decision",
                        "verbose_name_plural": "review decisions",
                        "db_table": "annotations_reviewdecision",
                        "ordering": ["annotation", "decided_at", "pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_move, content_type_move_back, elidable=False),
    ]
