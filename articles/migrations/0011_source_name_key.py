from django.db import migrations, models


class Migration(migrations.Migration):
    """One normalisation for source and alias names (newstext.names.name_key), stored,
    instead of the database's LOWER(), which folds differently on each database. Filled
    and merged in 0012, made unique in 0013 (PostgreSQL will not alter a table with
    pending trigger events in the transaction that deleted from it)."""

    dependencies = [("articles", "0010_editors_change_article")]

    operations = [
        migrations.RemoveConstraint(model_name="source", name="source_name_unique_ci"),
        migrations.RemoveConstraint(model_name="sourcealias", name="source_alias_unique_ci"),
        migrations.AddField(
            model_name="source",
            name="key",
            field=models.TextField(default="", editable=False),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalsource",
            name="key",
            field=models.TextField(default="", editable=False),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="sourcealias",
            name="key",
            field=models.TextField(default="", editable=False),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalsourcealias",
            name="key",
            field=models.TextField(default="", editable=False),
            preserve_default=False,
        ),
    ]
