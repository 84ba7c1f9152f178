"""The identity's uniqueness and the annotation status's index declared in Meta instead
of on the fields, so that PostgreSQL drops the `varchar_pattern_ops` ("_like") twin Django
adds beside each (no query filters these columns with LIKE; every import paid for them).
The unique constraint is added before the field's own is dropped. The history table loses
its indexes on both columns: its rows are looked up by article id.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0014_text_compression_lz4'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(fields=('origin',), name='article_origin_unique'),
        ),
        migrations.AlterField(
            model_name='article',
            name='annotation_status',
            field=models.CharField(choices=[('not_started', 'not started'), ('in_progress', 'in progress'), ('done', 'done')], default='not_started', max_length=12, verbose_name='annotation status'),
        ),
        migrations.AlterField(
            model_name='article',
            name='origin',
            field=models.CharField(help_text="The article's own URI (agency item, feed item, canonical page URL), else its path relative to the folder it was imported from.", max_length=500, verbose_name='identity'),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='annotation_status',
            field=models.CharField(choices=[('not_started', 'not started'), ('in_progress', 'in progress'), ('done', 'done')], default='not_started', max_length=12, verbose_name='annotation status'),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='origin',
            field=models.CharField(help_text="The article's own URI (agency item, feed item, canonical page URL), else its path relative to the folder it was imported from.", max_length=500, verbose_name='identity'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['annotation_status'], name='article_annotation_status'),
        ),
    ]
