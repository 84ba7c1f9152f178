"""The German catalogue is complete and its compiled .mo matches the .po."""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

from newsdesk.tests.catalogue import CATALOGUE, po_entries


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
            assert compiled.gettext(msgid.replace('\\"', '"')) == msgstr.replace('\\"', '"'), msgid


BASE_DIR = Path(settings.BASE_DIR)
# The project's templates and every app's own.
TEMPLATE_FILES = sorted(
    path
    for folder in [BASE_DIR / "templates", *BASE_DIR.glob("*/templates")]
    if ".venv" not in folder.parts
    for path in folder.rglob("*.html")
)
# gettext(u'…') and ngettext(u'singular', u'plural', n) as templatize writes them
MESSAGE = re.compile(r"\bn?gettext\(u'((?:[^'\\]|\\.)*)'")


def template_messages() -> dict[str, str]:
    """Every message marked for translation in our templates, with the file it is in."""
    found = {}
    for path in TEMPLATE_FILES:
        source = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for message in MESSAGE.findall(source):
            found[message.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")] = (
                path.name
            )
    return found


def test_no_template_string_is_left_untranslated():
    entries = po_entries()
    messages = template_messages()
    assert len(messages) > 40
    missing = {
        message: name
        for message, name in messages.items()
        if not entries.get(message.replace('"', '\\"').replace("\n", "\\n"))
    }
    assert missing == {}
