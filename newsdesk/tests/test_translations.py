"""The German catalogue is complete and its compiled .mo matches the .po."""

import gettext
import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid "(.*)"\n(?:msgid_plural ".*"\n)?msgstr(?:\[0\])? "(.*)"$', re.M)


def po_entries() -> dict[str, str]:
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    return {msgid: msgstr for msgid, msgstr in ENTRY.findall(text) if msgid}


def test_every_german_message_is_translated_and_not_fuzzy():
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1]
    entries = po_entries()
    assert len(entries) > 50
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []


def test_compiled_catalogue_is_up_to_date():
    with (CATALOGUE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for msgid, msgstr in po_entries().items():
        if "%(" not in msgid:
            assert compiled.gettext(msgid) == msgstr.replace('\\"', '"'), msgid
