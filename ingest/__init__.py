"""Getting articles in from outside: fetching URLs (no Django in `fetching`)."""
