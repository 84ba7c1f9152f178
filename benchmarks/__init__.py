"""Benchmarks behind `make bench`: `python -m benchmarks.run` writes docs/benchmarks.md.

Each suite (import speed first; search and workspace later) writes its own section of
that file, between `<!-- bench:NAME -->` markers, and leaves the other sections alone.
"""
