"""What the simulated editors do and as whom: shared by the runner and the locust users."""

USERNAME = "load-editor-{:02d}"  # numbered from 1
# The environment variable holding their common password (a name, not a password).
PASSWORD_VARIABLE = "LOAD_PASSWORD"  # noqa: S105
# Seconds between two steps: an editor reads, selects a quote, picks a label, types a note.
THINK_SECONDS = (2, 8)
EDIT_SHARE = 0.5  # of the loops edit one of the editor's annotations
STALE_TAB_SHARE = 0.2  # of those edits also save from a stale second tab
