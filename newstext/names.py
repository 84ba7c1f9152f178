"""Keys under which two spellings of one name are the same name."""

import unicodedata


def name_key(name: str) -> str:
    """NFKC, case-folded, whitespace runs as one space: "İSTANBUL  Post" ~ "İstanbul Post".

    Computed here, never by the database, so Python and every database agree on which
    names collide (SQLite's LOWER() folds only ASCII, PostgreSQL's follows its locale).
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
