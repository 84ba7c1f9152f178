"""Place names everyone knows: countries and cities in German (CLDR via babel) and a short
curated list (`data/places_de.txt`). Pure code.

They are not entities of the gazetteer (a newsroom's entity list should hold what its
articles are about, not every country on earth): `find_mentions` proposes them as
candidates of type LOC with the evidence "known place name", and an editor accepts them
once. A full GeoNames gazetteer made results worse (first names match city aliases), so
the list stays short.
"""

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from zoneinfo import available_timezones

from babel import Locale

# Territory codes that are unions or groups, not places: EU, Eurozone, UN, Outlying Oceania.
_NOT_PLACES = frozenset({"EU", "EZ", "UN", "QO"})
_CONTINENTS = ("Europe/", "Asia/", "Africa/", "America/", "Australia/", "Pacific/", "Indian/")
CURATED_PLACES = Path(__file__).parent / "data" / "places_de.txt"
CURATED_ORGANISATIONS = Path(__file__).parent / "data" / "organisations.txt"


@cache
def world_places() -> dict[str, str]:
    """Known place names by lower-cased name."""
    german = Locale("de")
    names = {
        name
        for code, name in german.territories.items()
        if code.isalpha() and code not in _NOT_PLACES
    }
    zones = german.time_zones
    for zone in available_timezones():
        if not zone.startswith(_CONTINENTS):
            continue
        city = zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[1].replace("_", " ")
        if "," not in city and not any(c.isupper() for c in city[1:].replace(" ", "")):
            names.add(city)
    for line in CURATED_PLACES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names.add(line.strip())
    return {name.lower(): name for name in names if len(name) > 2 and name[0].isupper()}


@cache
def world_organisations() -> dict[str, str]:
    """Well-known organisations by lower-cased name (curated list)."""
    lines = CURATED_ORGANISATIONS.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower(): line.strip() for line in lines if line.strip() and line[0] != "#"}


def place_candidates(known_forms: Mapping[str, object]) -> dict[str, tuple[str, str, str]]:
    """Known place names that are not already entity names, as candidates of type LOC."""
    known: dict[str, tuple[str, str, str]] = {}
    for names, kind, evidence in (
        (world_places(), "LOC", "known place name (CLDR or curated list)"),
        (world_organisations(), "ORG", "known organisation (curated list)"),
    ):
        for name in names.values():
            for form_key in _inflected_keys(name):
                if form_key not in known_forms:
                    known.setdefault(form_key, (name, kind, evidence))
    return known


# A name of several words that opens with adjectives ("Europäische Union", "Bayerischer
# Wald", "Internationales Olympisches Komitee") declines them: "der Europäischen Union",
# "im Bayerischen Wald", "das Internationale Olympische Komitee".
_ADJECTIVE_ENDINGS = ("e", "er", "es", "en")
_ADJECTIVE_ENDING = re.compile(rf"(?<=\w{{3}})(?:{'|'.join(_ADJECTIVE_ENDINGS)})$")
_SIBILANTS = ("s", "ß", "x", "z")


def _inflected_keys(name: str) -> list[str]:
    """The lower-cased forms a curated name is written in: itself, its genitive in -s
    ("Kanadas", "Israels") and, when it opens with adjectives, the adjectives declined."""
    key = name.lower()
    keys = [key]
    words = key.split(" ")
    stems: list[str] = []
    for word in words[:-1] if name[:1].isupper() else []:
        stem = _ADJECTIVE_ENDING.sub("", word)
        if stem == word:
            break
        stems.append(stem)
    if stems:
        rest = words[len(stems) :]
        keys += [
            " ".join([*(stem + ending for stem in stems), *rest]) for ending in _ADJECTIVE_ENDINGS
        ]
    if not name.isupper() and not key.endswith(_SIBILANTS):
        keys += [form + "s" for form in dict.fromkeys(keys)]
    return list(dict.fromkeys(keys))
