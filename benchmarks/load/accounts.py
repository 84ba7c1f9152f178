"""The simulated editors' accounts: made by the runner, used by the locust users."""

USERNAME = "load-editor-{:02d}"  # numbered from 1
# The environment variable holding their common password (a name, not a password).
PASSWORD_VARIABLE = "LOAD_PASSWORD"  # noqa: S105
