from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return  # a fresh database: setup_demo's roles_ensure gives the groups their rights
    config = apps.get_app_config("articles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="articles", codename="change_article")
    )


class Migration(migrations.Migration):
    """Editors correct an article's title, date and publisher in the workspace."""

    dependencies = [
        ("articles", "0009_article_identity_byline_revision_source"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
