"""What `make run` does before serving: migrate, import the seed articles, create the label
set, roles and demo accounts (admin, editor, reviewer; passwords printed once, when
created). Safe to repeat.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from annotations.demo import demo_annotations_load
from ingest.demo import DEMO_EDITOR, DEMO_USERS, demo_labels_ensure, demo_user_ensure
from newsdesk.roles import roles_ensure

SEEDS_DIR = Path(settings.BASE_DIR) / "fixtures" / "seeds"
DEMO_ANNOTATIONS = Path(settings.BASE_DIR) / "fixtures" / "demo_annotations.json"


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1))
        try:
            call_command("import_articles", str(SEEDS_DIR), quiet_unchanged=True)
        except CommandError as error:
            raise CommandError(f"seed import failed: {error}") from error
        # Seeds imported before the stories app existed, or queued for a worker, get indexed.
        call_command("index_near_duplicates", missing=True, verbosity=0)
        demo_labels_ensure()
        roles_ensure()
        for spec in DEMO_USERS:
            password = demo_user_ensure(spec)
            if password:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Created {spec.role} account: user {spec.username!r}, "
                        f"password {password!r} (shown only now)."
                    )
                )
            elif verbosity > 1:
                self.stdout.write(f"Account {spec.username!r} exists, left as it is.")
        report = demo_annotations_load(
            DEMO_ANNOTATIONS, author=User.objects.get(username=DEMO_EDITOR)
        )
        if report.created:
            self.stdout.write(f"Loaded {report.created} demo annotations by {DEMO_EDITOR!r}.")
        for reason in report.skipped:
            self.stderr.write(f"Demo annotation skipped: {reason}")
        self.stdout.write("Demo data is ready.")
