"""The German catalogue as the tests read it: locale/de/LC_MESSAGES/django.po."""

import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def po_entries() -> dict[str, str]:
    """msgid → msgstr (the singular form for plurals), strings joined across lines, as
    written in the .po (quotes escaped)."""
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if not line.startswith('"'):
                key = line.split(" ", 1)[0]
            fields[key] = fields.get(key, "") + "".join(STRING.findall(line))
        msgstr = fields.get("msgstr", fields.get("msgstr[0]", ""))
        if fields.get("msgid"):
            entries[fields["msgid"]] = msgstr
    return entries
