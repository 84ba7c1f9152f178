"""Every command of the project explains itself in `manage.py help COMMAND`."""

import pytest
from django.core.management import get_commands, load_command_class

PROJECT_APPS = {"articles", "entities", "annotations", "review", "stories", "claims", "ingest"}
PROJECT_APPS |= {"workflow", "newsdesk"}
COMMANDS = sorted((name, app) for name, app in get_commands().items() if app in PROJECT_APPS)


def test_the_project_has_its_commands() -> None:
    assert {"import_articles", "export_annotations", "setup_demo"} <= {n for n, _ in COMMANDS}


@pytest.mark.parametrize(("name", "app"), COMMANDS)
def test_help_says_what_the_command_does(name: str, app: str) -> None:
    parser = load_command_class(app, name).create_parser("manage.py", name)
    description = parser.format_help().split("\n\n")[1]
    assert len(description.split()) >= 8, description
    assert description.rstrip().endswith((".", ")")), description
