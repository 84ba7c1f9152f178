"""Name patterns of news text that the sequence model cuts short or types wrongly. Pure code.

The model tags single sentences and was trained on GermEval 2014, half Wikipedia; news
name institutions by a head word and a place, clubs by a prefix and a year, and credit
agencies in datelines. `pattern_mentions` looks at the text and the mentions found so
far and returns the names these patterns make, as candidates (method discovery) that
take the place of the shorter or wrongly typed mentions they cover:

- an agency credit with its regional service or partner: "(dpa/lhe)", "(AFP/dpa)";
- an institution word and the place it serves: "Landgericht Hohenbrück",
  "Polizeipräsidium Oberweser", "Stadtwerke Hollstedt" (ORG, the place inside);
- a public body named by what it is for: "Bundesamt für Sicherheit in der
  Informationstechnik", "Hessische Ministerium für Familie, Senioren und Pflege",
  "Landesamt für Umwelt Rheinland-Pfalz";
- a sports club by its prefix, with its founding year: "1. FC Lahnstedt",
  "SV Grünhagen 09", "Eintracht Wendelstein";
- a building or institution named after a person or saint, in one hyphenated word:
  "Karl-Pfeiffer-Stadion" (LOC), "St.-Elisabeth-Hospital" (ORG);
- a name after an administrative area word is a place ("Provinz Lâm Đồng"), after a
  company word an organisation ("das Start-up Voltaro"), wherever else it stands in the
  text too.
"""

import re
from collections.abc import Iterator
from dataclasses import replace

from newstext.entities.discovery import (
    CUES,
    FUNCTION_WORDS,
    _known_common_noun,
    _sentence_start,
    _word_before,
    _words,
)
from newstext.entities.gazetteer import Kind, Method
from newstext.entities.matching import FoundMention

_NAME_WORD = r"[A-ZÄÖÜ][\w]*(?:[-'’.][\w]+)*"
_NAME_WORD_PATTERN = re.compile(_NAME_WORD)

# News agencies as credited in datelines and bylines.
_AGENCIES = r"dpa|AFP|AP|Reuters|epd|KNA|SID|dts|APA|ddp|sda|Keystone-SDA|ANSA|EFE"
# "dpa/lhe" (a regional service of the dpa), "AFP/dpa" (two agencies): one credit.
_AGENCY_CREDIT = re.compile(
    rf"(?<![\w/])(?:{_AGENCIES})(?:/(?:[a-z]{{2,4}}|{_AGENCIES}))+(?![\w/])"
)

# Institutions named by what they are and the town, district or state they serve:
# courts, prosecutors, police, regional government, utilities, consumer and trade
# bodies, savings banks, universities, clinics and schools, trade fairs. A school may be
# named by its address, with a capitalised preposition: "Gesamtschule Am Stadtpark".
_PLACE_INSTITUTIONS = _words(
    "Amtsgericht Landgericht Oberlandesgericht Verwaltungsgericht Oberverwaltungsgericht "
    "Sozialgericht Landessozialgericht Arbeitsgericht Landesarbeitsgericht Finanzgericht "
    "Staatsanwaltschaft Generalstaatsanwaltschaft Polizeipräsidium Polizeidirektion "
    "Polizeiinspektion Landespolizeidirektion Bezirksregierung Stadtwerke Verkehrsbetriebe "
    "Verbraucherzentrale Handwerkskammer Ärztekammer Sparkasse Stadtsparkasse Kreissparkasse "
    "Volksbank Universität Hochschule Universitätsklinikum Klinikum Messe Jobcenter "
    "Hauptzollamt Finanzamt Landeskriminalamt Grundschule Gesamtschule Gymnasium Realschule "
    "Oberschule Hauptschule Berufsschule"
)
_INSTITUTION_BEFORE_NAME = re.compile(
    rf"(?<![\w-])(?P<head>{'|'.join(_PLACE_INSTITUTIONS)}) "
    rf"(?P<address>(?:Am|Im|Zum|Zur|An der|Auf der|Auf dem|In der) )?(?={_NAME_WORD})"
)

# Public bodies named by their task: "Bundesamt für …", "Ministerium für …", "Institut
# für …", after a capitalised adjective of their state if any ("Hessische", "Bayerisches").
_BODY_HEAD = (
    r"(?:[A-ZÄÖÜ][\w]*(?:ministerium|amt|anstalt|zentrale|agentur|behörde|kammer|institut|"
    r"verband|stiftung|gesellschaft)|Ministerium|Institut|Agentur|Stiftung|Gesellschaft)"
)
_TASK = rf"(?:[a-zäöü]\w*(?:e|en) )?{_NAME_WORD}"  # "Umwelt", "politische Bildung"
_PUBLIC_BODY = re.compile(
    rf"(?<![\w-])(?:[A-ZÄÖÜ]\w+(?:isch|lich)(?:e|es|er|en) )?{_BODY_HEAD} für {_TASK}"
    rf"(?:, {_TASK})*(?: (?:und|sowie) {_TASK})?(?: (?:in der|im|des|der) {_NAME_WORD})?"
)
# An indefinite article before such a body makes it one of a kind, not a name.
_INDEFINITE = re.compile(r"(?:ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner)")

# Squares, ports, gates named by a place adjective: "Kirchdorfer Platz", "Hamburger Hafen".
_ADJECTIVE_PLACE = re.compile(
    r"(?<![\w-])(?P<adjective>[A-ZÄÖÜ]\w+er) "
    r"(?P<head>Platz|Hafen|Markt|Tor|Dom|Ring|Allee|Ufer|Damm)(?!\w)"
)
# Legal forms and head words of company names: "Nordlicht Ventures", "Voltaro GmbH".
_COMPANY = re.compile(
    rf"(?<![\w-])(?P<names>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}) "
    r"(?P<head>AG|GmbH|SE|KG|KGaA|Holding|Group|Ventures|Capital|Partners|Inc\.|Ltd\.)(?!\w)"
)

# Prefixes of sports clubs, also as the club's first word: "1. FC", "SV", "Eintracht".
_CLUB_PREFIXES = _words(
    "FC SC SV SG TSV TuS VfB VfL VfR SSV SpVgg BSC FSV TSG SpVg KSC "
    "Eintracht Borussia Fortuna Hertha Arminia Alemannia Dynamo Kickers Werder Germania "
    "Viktoria Concordia Rot-Weiß Rot-Weiss Blau-Weiß Blau-Weiss Schwarz-Weiß"
)
_CLUB = re.compile(
    rf"(?<![\w.-])(?:\d{{1,2}}\. )?(?:{'|'.join(_CLUB_PREFIXES)}) (?P<name>{_NAME_WORD})"
    rf"(?P<second> {_NAME_WORD})?(?P<year> (?:\d{{2}}|1[89]\d\d))?(?![\w:,.]\d)(?!\w)"
)

# One hyphenated word of names and a head: "Karl-Pfeiffer-Stadion", "Ilmstedt-Brücke"
# (places), "St.-Elisabeth-Hospital", "Max-Planck-Institut" (organisations).
_NAMED_BUILDING = re.compile(
    r"(?<![\w-])(?P<names>(?:[A-ZÄÖÜ][\w.]*-)+)(?P<head>[A-ZÄÖÜ]\w+)(?![\w-])"
)
_BUILDING_HEADS = {
    Kind.PLACE: frozenset(_words("Stadion Arena Halle Park Platz Straße Allee Brücke Turm Bad")),
    Kind.ORGANISATION: frozenset(
        _words(
            """Hospital Klinik Klinikum Krankenhaus Schule Grundschule Gesamtschule Realschule
            Gymnasium Oberschule Institut Stiftung Haus Museum Theater"""
        )
    ),
}

# Words for an administrative area: the name after one is a place ("Provinz Hatay").
_AREA_WORDS = frozenset(
    _words("Provinz Landkreis Kreis Bundesland Bundesstaat Region Bezirk Oblast Kanton Distrikt")
)
# Words for a company: the name after one is an organisation ("Start-up Voltaro").
_COMPANY_WORD = re.compile(
    r"(?:Start-up|Startup|\w*(?:[Kk]onzern|[Uu]nternehmen|[Ff]irma|[Hh]ersteller|[Kk]ette|"
    r"[Rr]eederei|[Ff]luggesellschaft|[Aa]irline|[Dd]ienstleister|[Aa]nbieter))"
)
_CUE_BEFORE_NAME = re.compile(
    rf"(?<![\w-])(?P<cue>{'|'.join(_AREA_WORDS)}|{_COMPANY_WORD.pattern}) (?P<name>{_NAME_WORD})"
)


def pattern_mentions(text: str, mentions: list[FoundMention]) -> list[FoundMention]:
    """The names the patterns of this module find in `text`, given the mentions found."""
    found = [
        *_agency_credits(text),
        *_place_institutions(text, mentions),
        *_public_bodies(text, mentions),
        *_adjective_places(text),
        *_companies(text),
        *_clubs(text),
        *_named_buildings(text),
    ]
    typed = _typed_by_cue(text, mentions)
    return found + typed + _same_name_retyped(mentions, typed)


def _candidate(text: str, start: int, end: int, kind: Kind, evidence: str) -> FoundMention:
    surface = text[start:end]
    return FoundMention(
        start=start,
        end=end,
        surface=surface,
        kind=kind,
        method=Method.DISCOVERY,
        confidence=0.7,
        candidate=surface,
        evidence=evidence,
    )


def _agency_credits(text: str) -> Iterator[FoundMention]:
    for match in _AGENCY_CREDIT.finditer(text):
        yield _candidate(text, *match.span(), Kind.ORGANISATION, "agency credit")


def _place_institutions(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """An institution word and the name right after it, as far as a mention found there
    reaches ("Landgericht Frankfurt am Main"), else one capitalised word."""
    ends = {m.start: m.end for m in mentions}
    for match in _INSTITUTION_BEFORE_NAME.finditer(text):
        head, name_start = match.group("head"), match.end()
        end = ends.get(name_start)
        if end is None:
            word = _NAME_WORD_PATTERN.match(text, name_start)
            if word is None or word.group() in FUNCTION_WORDS:
                continue
            # After an address ("Am Stadtpark") a common noun is part of the name too.
            if match.group("address") is None and not _name_word(word.group()):
                continue
            end = word.end()
        yield _candidate(
            text, match.start(), end, Kind.ORGANISATION, f"institution word “{head}” and a name"
        )


def _name_word(word: str) -> bool:
    """A capitalised word that may be a name: not a function word, a cue or a known noun."""
    return word not in FUNCTION_WORDS and word not in CUES and not _known_common_noun(word)


def _public_bodies(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    places = {m.start: m for m in mentions}
    for match in _PUBLIC_BODY.finditer(text):
        before = _word_before(text, match.start())
        if before is not None and _INDEFINITE.fullmatch(before.text.lower()):
            continue
        end = match.end()
        place = places.get(end + 1)
        if text[end : end + 1] == " " and place is not None and place.kind == Kind.PLACE:
            end = place.end  # the state or town it serves: "… für Umwelt Rheinland-Pfalz"
        yield _candidate(
            text, match.start(), end, Kind.ORGANISATION, "public body named by its task"
        )


def _adjective_places(text: str) -> Iterator[FoundMention]:
    for match in _ADJECTIVE_PLACE.finditer(text):
        if match.group("adjective") in FUNCTION_WORDS or _sentence_start(text, match.start()):
            continue
        evidence = f"place adjective and “{match.group('head')}”"
        yield _candidate(text, *match.span(), Kind.PLACE, evidence)


def _companies(text: str) -> Iterator[FoundMention]:
    """Capitalised words before a company's legal form or head word; the words before the
    last must be names themselves ("Nordlicht Ventures", not "Laut Siemens AG")."""
    for match in _COMPANY.finditer(text):
        words = match.group("names").split()
        while words and not _name_word(words[0]) and (len(words) > 1 or words[0] in FUNCTION_WORDS):
            words.pop(0)
        if not words:
            continue
        start = match.end("names") - len(" ".join(words))
        yield _candidate(
            text,
            start,
            match.end(),
            Kind.ORGANISATION,
            f"company head word “{match.group('head')}”",
        )


def _clubs(text: str) -> Iterator[FoundMention]:
    for match in _CLUB.finditer(text):
        if not _name_word(match.group("name")):
            continue
        end = match.end("name")
        second = match.group("second")
        if second is not None and _name_word(second.strip()):
            end = match.end("second")
            if match.group("year") is not None:
                end = match.end("year")
        elif second is None and match.group("year") is not None:
            end = match.end("year")
        yield _candidate(text, match.start(), end, Kind.ORGANISATION, "club prefix")


def _named_buildings(text: str) -> Iterator[FoundMention]:
    """Two names and a head ("Karl-Pfeiffer-Stadion"); a place's head also after one
    name that is not a common noun ("Ilmstedt-Brücke", not "Auto-Brücke")."""
    for match in _NAMED_BUILDING.finditer(text):
        names = match.group("names")[:-1].split("-")
        for kind, heads in _BUILDING_HEADS.items():
            if match.group("head") not in heads:
                continue
            if len(names) == 1 and (kind != Kind.PLACE or not _name_word(names[0])):
                continue
            evidence = f"hyphenated name with “{match.group('head')}”"
            yield _candidate(text, *match.span(), kind, evidence)


def _typed_by_cue(text: str, mentions: list[FoundMention]) -> list[FoundMention]:
    """The model's names right after an area word as places; right after a company word
    as organisations, and a name-like word there that nothing found as one."""
    starts = {m.start: m for m in mentions}
    covered = bytearray(len(text) + 1)
    for mention in mentions:
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    typed = []
    for match in _CUE_BEFORE_NAME.finditer(text):
        cue, start = match.group("cue"), match.start("name")
        kind = Kind.PLACE if cue in _AREA_WORDS else Kind.ORGANISATION
        found = starts.get(start)
        if found is None:
            if kind == Kind.ORGANISATION and not covered[start] and _name_word(match["name"]):
                typed.append(
                    _candidate(text, start, match.end("name"), kind, f"company word “{cue}”")
                )
            continue
        wrong = (Kind.PERSON,) if kind == Kind.PLACE else (Kind.PERSON, Kind.PLACE)
        if found.method == Method.DISCOVERY and found.entity is None and found.kind in wrong:
            evidence = found.evidence
            if f"after “{cue}”" not in evidence:  # the model's evidence names known cues
                evidence += f", after “{cue}”"
            typed.append(replace(found, kind=kind, evidence=evidence))
    return typed


def _same_name_retyped(
    mentions: list[FoundMention], typed: list[FoundMention]
) -> list[FoundMention]:
    """Elsewhere in the text, the same names with the type their cue gave them."""
    by_name = {m.surface: m for m in typed}
    retyped = []
    for mention in mentions:
        cued = by_name.get(mention.surface)
        if cued is None or mention.method != Method.DISCOVERY or mention.entity is not None:
            continue
        if mention.kind != cued.kind:
            evidence = f"typed elsewhere in the text ({cued.evidence})"
            retyped.append(replace(mention, kind=cued.kind, evidence=evidence))
    return retyped
