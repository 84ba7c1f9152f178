"""`make load`: simulated editors against gunicorn and PostgreSQL (see `run.py`)."""
