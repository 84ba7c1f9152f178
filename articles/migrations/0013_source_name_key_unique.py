from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_source_name_key_merge")]

    operations = [
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(fields=["key"], name="source_key_unique"),
        ),
        migrations.AddConstraint(
            model_name="sourcealias",
            constraint=models.UniqueConstraint(fields=["key"], name="source_alias_key_unique"),
        ),
    ]
