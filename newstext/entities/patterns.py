"""Name patterns of news text that the sequence model cuts short or types wrongly. Pure code.

The model tags single sentences and was trained on GermEval 2014, half Wikipedia; news
name institutions by a head word and a place, clubs by a prefix and a year, and credit
agencies in datelines. `pattern_mentions` looks at the text and the mentions found so
far and returns the names these patterns make, as candidates (method discovery) that
take the place of the shorter or wrongly typed mentions they cover:

- an agency credit with its regional service or partner: "(dpa/lhe)", "(AFP/dpa)";
- an institution word and the place it serves, also in the genitive: "Landgericht
  Hohenbrück", "des Amtsgerichts Kassel", "Bistum Limburg" (ORG, the place
  inside); a trade and its owner's name ("Spedition Brinkmann"); "Polizei" or "Feuerwehr"
  and a place found ("Polizei Kassel");
- a public body named by what it is for: "Bundesamt für Sicherheit in der
  Informationstechnik", "Hessische Ministerium für Familie, Senioren und Pflege",
  "Landesamt für Umwelt Rheinland-Pfalz";
- a sports club by its prefix, with its founding year: "1. FC Lahnstedt",
  "SV Grünhagen 09", "Eintracht Wendelstein"; its first word alone after an article
  ("die Borussia");
- a building or institution named after a person or saint, in one hyphenated word:
  "Karl-Pfeiffer-Stadion" (LOC), "St.-Elisabeth-Hospital", "Schiller-Gymnasium" (ORG);
- a place adjective and a head: "Kölner Hauptbahnhof" (LOC), "Kölner Verkehrsbetriebe"
  (ORG); names before a legal form, German or foreign, or before "Museum" ("Novák
  Strojírny s.r.o.", "Folkwang Museum");
- places by their shape: motorway junctions ("Kreuz Kamen"), districts
  ("Wetteraukreis"), streets ("Bahnhofstraße"), an unknown word with a place name's
  ending after a place preposition or joined to a place ("nach Eschenweiler");
- a quoted name typed by the noun before it: "Bürgerinitiative „Grünes Tal“"
  (ORG), "Neubaugebiet „Am Mühlbach“" (LOC), "Sendung „Tatort“" (a title: OTHER, and
  the names inside it are not proposed);
- a name after an administrative area word is a place ("Provinz Lâm Đồng"), after a
  company word an organisation ("das Start-up Voltaro"), wherever else it stands in the
  text too;
- the model's names typed again: an event by its head word ("Olympischen Winterspiele",
  "Grüne Woche") and one word taken for a person before a person's full name (the
  trade: "Schäfer Jan Brandt") are OTHER, not proposed; a genitive right before a
  quoted title is its author ("Brechts „Baal“", PER).
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

import ahocorasick

from newstext.datelines import WIRE_AGENCY_PATTERN
from newstext.entities.discovery import (
    _PLACE_PREPOSITIONS,
    _UNKNOWN_WORD_SCORE,
    CUES,
    FUNCTION_WORDS,
    _known_common_noun,
    _sentence_start,
    _tagger,
    _unknown_place_shaped,
    _word_before,
    _words,
)
from newstext.entities.gazetteer import Kind, Method
from newstext.entities.matching import FoundMention
from newstext.entities.model import EVIDENCE as MODEL_EVIDENCE
from newstext.entities.world import world_places
from newstext.legal_forms import LEGAL_FORM

_NAME_WORD = r"[A-ZÄÖÜ][\w]*(?:[-'’.][\w]+)*"
_NAME_WORD_PATTERN = re.compile(_NAME_WORD)

# An agency credit, the agencies spelled as datelines and bylines name them
# (`newstext.datelines`): "dpa/lhe" (a regional service of the dpa), "AFP/dpa" (two
# agencies) are one credit.
_AGENCY_CREDIT = re.compile(
    rf"(?<![\w/]){WIRE_AGENCY_PATTERN}(?:/(?:[a-z]{{2,4}}|{WIRE_AGENCY_PATTERN}))+(?![\w/])"
)

# Institutions named by what they are and the town, district or state they serve:
# courts, prosecutors, police, regional and local government, utilities, consumer and
# trade bodies, savings banks, universities, clinics and schools, theatres and museums,
# dioceses, trade fairs. A school may be named by its address, with a capitalised
# preposition: "Gesamtschule Am Stadtpark". A masculine or neuter head may stand in the
# genitive: "des Amtsgerichts Kassel", "des Landestheaters Detmold".
_PLACE_INSTITUTIONS = _words(
    "Amtsgericht Landgericht Oberlandesgericht Verwaltungsgericht Oberverwaltungsgericht "
    "Sozialgericht Landessozialgericht Arbeitsgericht Landesarbeitsgericht Finanzgericht "
    "Staatsanwaltschaft Generalstaatsanwaltschaft Polizeipräsidium Polizeidirektion "
    "Polizeiinspektion Landespolizeidirektion Bezirksregierung Stadtwerke Verkehrsbetriebe "
    "Verbraucherzentrale Handwerkskammer Ärztekammer Sparkasse Stadtsparkasse Kreissparkasse "
    "Volksbank Universität Hochschule Universitätsklinikum Uniklinikum Uniklinik Klinikum "
    "Messe Jobcenter Hauptzollamt Finanzamt Landeskriminalamt Landratsamt Bezirksamt "
    "Bezirksvertretung Kreisverwaltung Stadtverwaltung Grundschule Gesamtschule Gymnasium "
    "Realschule Oberschule Hauptschule Berufsschule Theater Landestheater Staatstheater "
    "Stadttheater Museum Stiftung Bistum Erzbistum Landeskirche"
)
# A trade and its owner's or founder's name make a business's name: "Spedition Brinkmann".
_TRADES = _words("Spedition Galerie Bäckerei Metzgerei Brauerei Autohaus Gärtnerei Buchhandlung")
# Generic bodies that are named only by a place after them: "Polizei Kassel".
_PLACE_ONLY_INSTITUTIONS = frozenset(_words("Polizei Feuerwehr"))
_INSTITUTION_HEADS = [*_PLACE_INSTITUTIONS, *_TRADES, *_PLACE_ONLY_INSTITUTIONS]
_INSTITUTION_BEFORE_NAME = re.compile(
    rf"(?<![\w-])(?P<head>{'|'.join(_INSTITUTION_HEADS)})"
    r"(?:(?<![es])s)? "  # the genitive
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

# Squares, ports, gates, main stations named by a place adjective: "Kirchdorfer Platz",
# "Hamburger Hafen" (places); a town's utilities, transport, exchange, food bank and
# orchestra: "Kölner Verkehrsbetriebe", "Bremer Philharmoniker" (organisations).
_ADJECTIVE_HEADS = {
    Kind.PLACE: _words("Platz Hafen Markt Tor Dom Ring Allee Ufer Damm Hauptbahnhof Schloss"),
    Kind.ORGANISATION: _words(
        "Verkehrsbetriebe Stadtwerke Börse Sparkasse Volksbank Tafel Philharmoniker Symphoniker"
    ),
}
_ADJECTIVE_HEAD_WORDS = [head for heads in _ADJECTIVE_HEADS.values() for head in heads]
_ADJECTIVE_NAME = re.compile(
    r"(?<![\w-])(?P<adjective>[A-ZÄÖÜ]\w+er) "
    rf"(?P<head>{'|'.join(_ADJECTIVE_HEAD_WORDS)})(?!\w)"
)
# Legal forms (`newstext.legal_forms`) and head words of company names, German and
# foreign: "Nordlicht Ventures", "Voltaro GmbH", "Novák Strojírny s.r.o."; a museum named
# before its head word ("Folkwang Museum").
_COMPANY = re.compile(
    rf"(?<![\w-])(?P<names>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}) "
    rf"(?P<head>{LEGAL_FORM}|Holding|Group|Ventures|Capital|Partners|Museum)(?![\w.])"
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

# Motorway junctions, named with their head word: "am Kreuz Köln-Süd", "Dreieck Heumar".
_JUNCTION_WORDS = _words("Autobahnkreuz Autobahndreieck Kreuz Dreieck")
_JUNCTION = re.compile(rf"(?<![\w-])(?P<head>{'|'.join(_JUNCTION_WORDS)}) (?={_NAME_WORD})")
# Districts named after a landscape, river or town: "Wetteraukreis", "Rhein-Sieg-Kreis".
_DISTRICT = re.compile(r"(?<![\w-])(?P<stem>[A-ZÄÖÜ][\w-]+?)(?:(?P<hyphenated>-K)|k)reis(?![\w-])")
_DISTRICT_WORDS = ("kreis", "-Kreis")  # one of them stands in every match
# Streets by their head word, unless the compound names a kind of street: "Bahnhofstraße",
# "Lindenallee", not "Umgehungsstraße", "Einkaufsstraße".
_STREET_ENDINGS = _words("straße strasse allee gasse")
_STREET = re.compile(
    rf"(?<![\w-])(?P<stem>[A-ZÄÖÜ]\w{{2,}})(?:{'|'.join(_STREET_ENDINGS)})(?![\w-])"
)
_KINDS_OF_STREET = frozenset(
    _words(
        """Umgehungs Einkaufs Geschäfts Neben Seiten Quer Haupt Hauptverkehrs Durchgangs Zufahrts
        Ausfall Verbindungs Erschließungs Anlieger Wohn Spiel Fahrrad Einbahn Land Landes Bundes
        Kreis Staats Gemeinde Privat Schnell Wasser Auto Ring Sack"""
    )
)
# A club by its first word alone, after an article: "die Borussia", "der Eintracht".
_CLUBS_ALONE = _words(
    "Borussia Eintracht Fortuna Hertha Arminia Alemannia Werder Germania Viktoria"
)
_CLUB_ALONE = re.compile(
    r"(?<![\w-])(?:die|der|den|dem|Die|Der) "
    rf"(?P<club>{'|'.join(_CLUBS_ALONE)})"
    r"(?![\w-]| [A-ZÄÖÜ\d])"
)
# A name in quotation marks after the noun that says what it names: "die Bürgerinitiative
# „Grünes Tal“" (an organisation), "das Neubaugebiet „Am Mühlbach“" (a place),
# "die Sendung „Tatort“", "ein Bild mit dem Titel „Abend am Rhein“" (a title, OTHER: the
# names inside it are not proposed on their own).
# The noun's last part says it ("Bürgerinitiative", "Neubaugebiet", "Fernsehsendung"),
# or, where compounds end alike but mean other things ("Fraktion", "Kommission"), the
# whole noun.
_QUOTED_NAME_CUES = (
    (
        Kind.ORGANISATION,
        re.compile(
            r"\w*(?:initiative|verein|bündnis|gemeinschaft|netzwerk|verband|partei|zeitung|"
            r"zeitschrift|magazin|sender)|gruppe|band"
        ),
    ),
    (
        Kind.PLACE,
        re.compile(
            r"\w*(?:baugebiet|wohngebiet|gewerbegebiet|industriegebiet|schutzgebiet|viertel|"
            r"quartier|siedlung)"
        ),
    ),
    (
        Kind.OTHER,
        re.compile(
            r"\w*(?:titel|sendung|film|buch|roman|album|lied|song|serie|ausstellung|festival|"
            r"sonde|kampagne|projekt|motto|programm|inszenierung|musical|show|podcast|studie|"
            r"bericht|system|modell|produkt|gerät|software)|stück|theaterstück|aktion|mission|"
            r"operation|app"
        ),
    ),
)
_QUOTED_NAME = re.compile(r"(?<![\w-])(?P<cue>[A-ZÄÖÜ]\w+) [„»] ?(?P<name>[^„“»«\n]{1,80}?) ?[“«]")
# Events by their head word: "Olympischen Winterspiele", "Nordische Ski-Weltmeisterschaft",
# "Kieler Woche".
_EVENT_HEAD = re.compile(
    r"(?:[Ss]piele|[Ss]pielen|[Mm]eisterschaft|[Mm]eisterschaften|[Ff]estival|[Bb]iennale"
    r"|(?<![\w-])Woche)$"
)


def pattern_mentions(text: str, mentions: list[FoundMention]) -> list[FoundMention]:
    """The names the patterns of this module find in `text`, given the mentions found."""
    words = _trigger_words(text)
    found = [
        mention
        for find, triggers in _PASSES
        if triggers is None or not words.isdisjoint(triggers)
        for mention in find(text, mentions)
    ]
    typed = _typed_by_cue(text, mentions) + list(_retyped(text, mentions))
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


def _agency_credits(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    for match in _AGENCY_CREDIT.finditer(text):
        yield _candidate(text, *match.span(), Kind.ORGANISATION, "agency credit")


def _place_institutions(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """An institution word or a trade and the name right after it, as far as a mention
    found there reaches ("Landgericht Frankfurt am Main"), else one capitalised word; a
    generic body only with a place found there ("Polizei Kassel")."""
    found = {m.start: m for m in mentions}
    for match in _INSTITUTION_BEFORE_NAME.finditer(text):
        head, name_start = match.group("head"), match.end()
        name = found.get(name_start)
        if head in _PLACE_ONLY_INSTITUTIONS and (name is None or name.kind != Kind.PLACE):
            continue
        # After an address ("Am Stadtpark") a common noun is part of the name too.
        end = _name_end(text, name_start, name, any_word=match.group("address") is not None)
        if end is None:
            continue
        yield _candidate(
            text, match.start(), end, Kind.ORGANISATION, f"institution word “{head}” and a name"
        )


def _name_end(text: str, start: int, name: FoundMention | None, *, any_word: bool) -> int | None:
    """Where the name right after a head word ends: as far as the mention found there or
    its word reaches ("Dortmund" found in "Dortmund-West"), else the end of one capitalised word
    that may be a name (that is no function word, if `any_word`)."""
    word = _NAME_WORD_PATTERN.match(text, start)
    if name is not None:
        return max(name.end, word.end()) if word is not None else name.end
    if word is None or word.group() in FUNCTION_WORDS:
        return None
    return word.end() if any_word or _name_word(word.group()) else None


def _junctions(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """A junction word and the place right after it (found there, else one name word);
    not after a capitalised word ("Rotes Kreuz") and not before a person ("Kreuz Jesu")."""
    found = {m.start: m for m in mentions}
    for match in _JUNCTION.finditer(text):
        before = _word_before(text, match.start())
        if before is not None and before.text[:1].isupper():
            continue
        name = found.get(match.end())
        end = _name_end(text, match.end(), name, any_word=False)
        if end is None or (name is not None and name.kind != Kind.PLACE):
            continue
        evidence = f"junction word “{match.group('head')}” and a place"
        yield _candidate(text, match.start(), end, Kind.PLACE, evidence)


def _districts(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """A district is "…kreis" after a name: a landscape, river or town, known or not; not
    after a common noun ("Wahlkreis", "Freundeskreis", "Teufelskreis")."""
    for match in _DISTRICT.finditer(text):
        stem = match.group("stem")
        if match.group("hyphenated"):
            if not _name_word(stem.split("-")[0]):
                continue
        elif not _name_stem(stem):
            continue
        yield _candidate(text, *match.span(), Kind.PLACE, "district named “…kreis”")


def _name_stem(stem: str) -> bool:
    """The first part of a compound is a name: a known place, or a word the tagger takes
    for a proper noun or does not know, and not a common noun with a linking "s"."""
    if stem.lower() in world_places():
        return True
    if _known_common_noun(stem) or (stem.endswith("s") and _known_common_noun(stem[:-1])):
        return False
    tags = _tagger().tag_word(stem)
    return bool(tags) and (tags[0][0] == "NE" or float(tags[0][1]) < _UNKNOWN_WORD_SCORE)


def _streets(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    for match in _STREET.finditer(text):
        if match.group("stem") in _KINDS_OF_STREET or _known_common_noun(match.group()):
            continue
        yield _candidate(text, *match.span(), Kind.PLACE, "street name")


def _clubs_alone(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    for match in _CLUB_ALONE.finditer(text):
        yield _candidate(text, *match.span("club"), Kind.ORGANISATION, "club name after an article")


def _quoted_names(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """A quoted name typed by the noun right before it."""
    for match in _QUOTED_NAME.finditer(text):
        cue, name = match.group("cue").lower(), match.group("name")
        for kind, cues in _QUOTED_NAME_CUES:
            if not cues.fullmatch(cue):
                continue
            if kind == Kind.OTHER or name[:1].isupper():
                evidence = f"quoted name after “{match.group('cue')}”"
                yield _candidate(text, *match.span("name"), kind, evidence)
            break


def _retyped(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """The model's names typed again by their shape or place: an event by its head word
    ("Olympischen Winterspiele") is OTHER, and so is one word taken for a person right
    before a person's full name (the trade or role: "Schäfer Jan Brandt"); a genitive
    right before a quoted title is its author ("Brechts „Baal“", not "in Vilnius „…“")."""
    persons = {m.start for m in mentions if m.kind == Kind.PERSON and " " in m.surface}
    for mention in mentions:
        if not mention.evidence.startswith(MODEL_EVIDENCE):
            continue
        if mention.kind != Kind.OTHER and _EVENT_HEAD.search(mention.surface):
            yield replace(mention, kind=Kind.OTHER, evidence=f"{mention.evidence}, an event")
        elif (
            mention.kind == Kind.PERSON
            and " " not in mention.surface
            and (mention.end + 1 in persons and text[mention.end] == " ")
        ):
            evidence = f"{mention.evidence}, a role before a person's name"
            yield replace(mention, kind=Kind.OTHER, evidence=evidence)
        elif (
            mention.kind in (Kind.PLACE, Kind.ORGANISATION)
            and " " not in mention.surface
            and mention.surface.endswith("s")
            and text.startswith((" „", " »"), mention.end)
            and not _after_place_preposition(text, mention.start)
        ):
            evidence = f"{mention.evidence}, author of the title after it"
            yield replace(mention, kind=Kind.PERSON, evidence=evidence)


def _after_place_preposition(text: str, start: int) -> bool:
    before = _word_before(text, start)
    return before is not None and before.text in _PLACE_PREPOSITIONS


def _unknown_places(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """A word shaped like a German place name that the tagger does not know ("Eschenweiler"),
    after a place preposition ("nach", "aus") or joined to a place found ("Bielefeld und
    Grunzenmühlen"), where nothing was found."""
    covered = bytearray(len(text) + 1)
    places = set()
    for mention in mentions:
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        if mention.kind == Kind.PLACE:
            places.add(mention.end)
    for match in _NAME_WORD_PATTERN.finditer(text):
        if covered[match.start()] or not _unknown_place_shaped(match.group()):
            continue
        before = _word_before(text, match.start())
        if before is None:
            continue
        joined = before.text in ("und", "oder", "sowie") and before.start - 1 in places
        if before.text in _PLACE_PREPOSITIONS or joined:
            evidence = f"place name's ending, after “{before.text}”"
            yield _candidate(text, *match.span(), Kind.PLACE, evidence)


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


def _adjective_names(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    for match in _ADJECTIVE_NAME.finditer(text):
        if match.group("adjective") in FUNCTION_WORDS or _sentence_start(text, match.start()):
            continue
        head = match.group("head")
        kind = Kind.PLACE if head in _ADJECTIVE_HEADS[Kind.PLACE] else Kind.ORGANISATION
        yield _candidate(text, *match.span(), kind, f"place adjective and “{head}”")


def _companies(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
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
            f"name before the head word “{match.group('head')}”",
        )


def _clubs(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
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


def _named_buildings(text: str, mentions: list[FoundMention]) -> Iterator[FoundMention]:
    """Two names and a head ("Karl-Pfeiffer-Stadion"); also one name that is not a
    common noun ("Ilmstedt-Brücke", "Schiller-Gymnasium", not "Auto-Brücke")."""
    for match in _NAMED_BUILDING.finditer(text):
        names = match.group("names")[:-1].split("-")
        for kind, heads in _BUILDING_HEADS.items():
            if match.group("head") not in heads:
                continue
            if len(names) == 1 and not _name_word(names[0]):
                continue
            evidence = f"hyphenated name with “{match.group('head')}”"
            yield _candidate(text, *match.span(), kind, evidence)


def _typed_by_cue(text: str, mentions: list[FoundMention]) -> list[FoundMention]:
    """The model's names right after an area word as places, right after a company word
    as organisations; and a name-like word there that nothing found as one."""
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
            if not covered[start] and _name_word(match["name"]):
                what = "area" if kind == Kind.PLACE else "company"
                evidence = f"{what} word “{cue}”"
                typed.append(_candidate(text, start, match.end("name"), kind, evidence))
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


# A pass: the names it finds in a text, given the mentions found (not every pass needs them).
_Pass = Callable[[str, list[FoundMention]], Iterable[FoundMention]]
# The passes, in the order of their names in `pattern_mentions`, each with its words: one
# of them stands in every match of its pattern (None: no such word, the pass runs on every
# text). A pass runs only on a text holding one of its words: its own scan tries its
# pattern at every position of the text, and one scan finds the words of all passes.
_PASSES: list[tuple[_Pass, Sequence[str] | None]] = [
    (_agency_credits, ["/"]),
    (_place_institutions, _INSTITUTION_HEADS),
    (_public_bodies, [" für "]),
    (_adjective_names, _ADJECTIVE_HEAD_WORDS),
    (_companies, None),
    (_clubs, _CLUB_PREFIXES),
    (_named_buildings, [f"-{head}" for heads in _BUILDING_HEADS.values() for head in heads]),
    (_junctions, _JUNCTION_WORDS),
    (_districts, _DISTRICT_WORDS),
    (_streets, _STREET_ENDINGS),
    (_clubs_alone, _CLUBS_ALONE),
    (_quoted_names, ["„", "»"]),
    (_unknown_places, None),
]


def _trigger_automaton() -> Any:
    automaton = ahocorasick.Automaton()
    for _, triggers in _PASSES:
        for word in triggers or ():
            automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_TRIGGERS = _trigger_automaton()


def _trigger_words(text: str) -> set[str]:
    """The passes' words that stand in `text`, wherever they stand (inside words too)."""
    return {word for _, word in _TRIGGERS.iter(text)}
