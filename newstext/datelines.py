"""Datelines: the place, agencies and date that open a news text (no Django imports).

"Duschanbe (dpa) – ", "Hamburg/Berlin (dpa/AFP) - ", "(Reuters) - ", "BERLIN, 7. Dezember
(Reuters) - ", a press release's "Göttingen, 7. Dezember 2026 – ", a church service's
"Erfurt (epd). " and a local paper's "TRIER. ". The text import, ninjs and web pages read
them with `read_dateline`; `WIRE_AGENCIES` also names the agencies credited on pages and
in the entity finder's agency credits.
"""

import datetime
import re
from typing import NamedTuple

from newstext.dates import calendar_date, month_number

_DATELINE_PLACE = r"[A-ZÄÖÜ][\w.'/ -]{0,40}?"
# A date in a dateline, with or without its year: "7. Dezember", "07.12.2026".
_DATELINE_DATE = (
    r"(?:den\s+)?(?P<day>\d{1,2})\.\s*(?:(?P<month>\d{1,2})\.|(?P<month_name>[A-ZÄÖÜ][a-zä]+\.?))"
    r"(?:\s*(?P<year>\d{4}))?"
)
# "Duschanbe (dpa) – ", "Berlin/Moskau (dpa/AFP) - ", "(Reuters) - ", and with the day
# after the place: "BERLIN, 7. Dezember (Reuters) - ".
_DATELINE = re.compile(
    rf"\A(?:(?P<place>{_DATELINE_PLACE})(?:,\s*{_DATELINE_DATE})?\s*)?"
    r"\((?P<agency>[^()\n]{1,40})\)\s*[–—-](?:\s+|\Z)"
)
# A press release's dateline: place, a full date and a dash, no agency ("Göttingen,
# 7. Dezember 2026 – "), also closed by a full stop after the year ("Kassel, 16. Dezember
# 2026. Die …"), or place and date with the year on a line of their own ("Bamberg,
# 07.12.2026"). Without the date, "Name – " opens ordinary sentences too.
_DATED_DATELINE = re.compile(
    rf"\A(?P<place>{_DATELINE_PLACE}),\s*{_DATELINE_DATE}"
    r"(?:\s*[–—-]\s+(?=\S)|(?<=\d{4})\.\s+(?=[„“\"«»A-ZÄÖÜ])|(?<=\d{4})\Z)"
)
# A press release's dateline without a date, its sender's place and a dash ("Bamberg –
# Autofahrer müssen …"): "Name – " opens ordinary sentences too, so it is read only where
# the lines on top name the place as the sender's (see `read_sender_dateline`).
_UNDATED_DATELINE = re.compile(rf"\A(?P<place>{_DATELINE_PLACE})\s+[–—-]\s+(?=[„“\"«»A-ZÄÖÜ])")
# A local paper's dateline: the place in capitals closed by a full stop, no agency
# ("TRIER. Der Stadtrat …"); three letters at least, so that "EU." is no place.
_CAPITALS_DATELINE = re.compile(
    r"\A(?P<place>[A-ZÄÖÜ]{3,}(?:[ /-][A-ZÄÖÜ]{2,})*)\.\s+(?=[„“\"«»A-ZÄÖÜ])"
)
# Church and some wire services close the dateline with a full stop or nothing:
# "Erfurt (epd). Die …", "Bonn (KNA) Das …", also alone on its line ("Essen (ots)", as
# news aktuell's press portal sets it). Without the dash, a name in parentheses is also
# a party or an acronym ("Olaf Muster (SPD) Der …"), so the agency must be one of the
# wire services below and a place must precede it.
_UNMARKED_DATELINE = re.compile(
    rf"\A(?P<place>{_DATELINE_PLACE})\s*\((?P<agency>[^()\n]{{1,40}})\)\.?"
    r"(?:\s+(?=[„“\"«»A-ZÄÖÜ])|\Z)"
)
# News agencies that write German-language wire items, spelled as datelines and credit
# lines name them.
WIRE_AGENCY_NAMES = (
    "dpa",
    "dpa-AFX",
    "AFP",
    "AP",
    "Reuters",
    "epd",
    "KNA",
    "SID",
    "dts",
    "ddp",
    "APA",
    "sda",
    "Keystone-SDA",
    "KAP",
    "Kathpress",
    "idea",
    "AFX",
    "Bloomberg",
    "EFE",
    "ANSA",
)
# The agencies case-folded, to look a name up whatever its case.
WIRE_AGENCIES = frozenset(name.casefold() for name in WIRE_AGENCY_NAMES)
# The agencies as a regex alternation, the longer of two that open alike first ("dpa-AFX"
# before "dpa"): the credits on web pages (`formats.page_cleaning`) and the entity
# finder's agency credits ("dpa/lhe", `entities.patterns`).
WIRE_AGENCY_PATTERN = "(?:{})".format(
    "|".join(map(re.escape, sorted(WIRE_AGENCY_NAMES, key=len, reverse=True)))
)
# Services that distribute press releases for their senders (news aktuell's "ots", APA's
# "APA-OTS", pressetext's "pts"): in a dateline they name no agency, the press office is
# the author ("Gießen (ots) - ").
PRESS_RELEASE_SERVICES = frozenset(["ots", "apa-ots", "pts"])
_DPA_SERVICE = re.compile(r"l[a-z]{2}")
# German place words that stay lower-case when an upper-case place is written normally.
_PLACE_PARTICLES = frozenset({"am", "an", "im", "in", "ob", "der", "bei", "vor"})


class Dateline(NamedTuple):
    """A dateline opening a text ("Hamburg/Berlin (dpa/AFP) - "): its place as it is
    written normally, its agencies ("dpa", "AFP"), the text after it and the date it
    gives with its year ("Göttingen, 7. Dezember 2026 – ")."""

    place: str
    agencies: list[str]
    rest: str
    published_on: datetime.date | None = None


def read_dateline(text: str) -> Dateline | None:
    """The dateline `text` opens with, if any; also one alone ("Berlin (dpa) -"), one
    closed by a full stop or nothing ("Erfurt (epd). "), a press release's ("Göttingen,
    7. Dezember 2026 – ") and a local paper's ("TRIER. ")."""
    if not (found := _dateline_match(text)):
        return None
    agency = found.groupdict().get("agency") or ""
    agencies = [name.strip() for name in agency.split("/") if name.strip()]
    # dpa names its regional service after itself ("dpa/lno": Hamburg and the north,
    # "dpa/lby": Bavaria): a code "l" and two letters there is no agency to cite.
    # A press release's distribution service is no agency ("Gießen (ots) - ").
    agencies = [
        name
        for index, name in enumerate(agencies)
        if not (index and agencies[index - 1] == "dpa" and _DPA_SERVICE.fullmatch(name))
        and name.casefold() not in PRESS_RELEASE_SERVICES
    ]
    place = _place_name((found["place"] or "").strip())
    return Dateline(place, agencies, text[found.end() :], _dateline_date(found))


def read_sender_dateline(text: str, sender: str) -> Dateline | None:
    """The undated dateline of a press release or a reporter's copy `text` opens with
    ("Bamberg – "), if `sender`, the lines on top naming who sends it ("Stadt Bamberg",
    "Pressestelle der Stadt Bamberg") or the title ("Scheunenbrand in Wangen"), names
    its place as a word of its own."""
    found = _UNDATED_DATELINE.match(text)
    if not found or not re.search(rf"(?<!\w){re.escape(found['place'])}(?!\w)", sender):
        return None
    return Dateline(found["place"], [], text[found.end() :])


def _dateline_match(text: str) -> re.Match[str] | None:
    if found := _DATELINE.match(text):
        return found
    if (found := _DATED_DATELINE.match(text)) and _has_month(found):
        return found
    if found := _CAPITALS_DATELINE.match(text):
        return found
    found = _UNMARKED_DATELINE.match(text)
    agency = found["agency"].split("/")[0].strip().casefold() if found else ""
    return found if agency in WIRE_AGENCIES or agency in PRESS_RELEASE_SERVICES else None


def _has_month(found: re.Match[str]) -> bool:
    """A dated dateline's month is a number or a month's name ("7. Dezember"), not
    another word after an ordinal ("3. Liga")."""
    return not found["month_name"] or month_number(found["month_name"]) is not None


def _dateline_date(found: re.Match[str]) -> datetime.date | None:
    """The date a dateline gives, when it gives its year."""
    dated = found.groupdict()
    if not dated.get("year"):
        return None
    return calendar_date(dated["year"], dated["month"], dated["month_name"], dated["day"])


def _place_name(place: str) -> str:
    """An upper-case dateline place ("LOS ANGELES") as the place is written; short
    abbreviations ("USA") as they are."""
    if not place.isupper() or len(place) <= 3:
        return place
    return re.sub(
        r"\w+",
        lambda word: (
            word[0].lower() if word[0].lower() in _PLACE_PARTICLES else word[0].capitalize()
        ),
        place,
    )
