from django.contrib.auth.management import create_permissions
from django.db import migrations

# The rights each role had through borrowed permissions, now as their own.
GRANTS = {
    "Editors": [
        ("entities", "change_entitycandidate"),
        ("stories", "view_story"),
        ("stories", "change_story"),
        ("claims", "view_claim"),
        ("claims", "change_claim"),
        ("articles", "add_article"),
    ],
    "Reviewers": [("stories", "view_story"), ("claims", "view_claim")],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    if not Group.objects.filter(name__in=GRANTS).exists():
        return  # a fresh database: setup_demo's roles_ensure gives the groups their rights
    for label in ("entities", "stories", "claims", "articles"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    for name, wanted in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    """Stories, claims, entity curation and imports get permissions of their own."""

    dependencies = [
        ("claims", "0002_attributed_entity_moved"),
        ("stories", "0003_band_article_index_dropped"),
        ("entities", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
