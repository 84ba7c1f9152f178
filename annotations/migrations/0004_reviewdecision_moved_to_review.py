# ReviewDecision moved to the review app (review 0001); its table stays as it is.

from django.db import migrations


class Migration(migrations.Migration):
    """The review decisions leave this app's state; their table now belongs to review."""

    dependencies = [
        ("annotations", "0003_history"),
        ("review", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ReviewDecision")],
            database_operations=[],
        ),
    ]
