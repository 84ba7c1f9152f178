"""Proposing names the gazetteer does not know yet, and spelling variants of known ones.

Pure code (no Django). German capitalises every noun, so a capital letter alone says
little; a run of capitalised words is proposed only with evidence:
- a cue before it: a title or role ("Präsident", "Journalistin", "Kremlchef") makes a
  person, a place word ("Stadt", "Dorfes") a place, an organisation word
  ("Fluggesellschaft", "Zeitung") an organisation;
- a head word at its end ("Airlines", "Times", "Bank", "GmbH"): an organisation;
- two or more name-like capitalised words in a row ("Ramiz Mehdiyev"): a person.
Then a fuzzy check, restricted to where it is safe: a person's surname of 6+ letters
with the same first letter and the same Kölner Phonetik code as a known surname, and a
Jaro-Winkler similarity of at least 0.8, is proposed as a variant of that person
("Alijew" ≈ "Aliyev"), with the evidence; "Puten" (turkeys) never reaches a person.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import cologne_phonetics
from rapidfuzz.distance import JaroWinkler

from articles.entities.gazetteer import Gazetteer, Kind, Method
from articles.entities.matching import FoundMention

FIRST_NAMES_FILE = Path(__file__).parent / "data" / "first_names.txt"
FUZZY_MIN_LENGTH = 6
FUZZY_MIN_SIMILARITY = 0.8
MAX_RUN_WORDS = 4

_WORD = re.compile(r"[^\W\d_][\w]*(?:[-'’.][\w]+)*|\d[\w]*")
# A word starting with a capital (Latin, Greek, Cyrillic; the class also holds some
# lower-case letters, which `capitalised_tokens` drops), not inside another word.
_CAPITALISED = re.compile(r"(?<![\w\-'’.])[A-ZÀ-ÖØ-ÞĀ-ɏͰ-ϿЀ-ԯ]\w*(?:[-'’.]\w+)*")
_SENTENCE_OPENERS = frozenset('.!?:;«»„“"–—(\n')


def _words(text: str) -> list[str]:
    return text.split()


PERSON_CUES = frozenset(
    _words(
        """
    Präsident Präsidenten Präsidentin Kremlchef Kremlchefs Staatschef Staatschefs
    Regierungschef Regierungschefin Ministerpräsident Ministerpräsidentin Kanzler Kanzlerin
    Bundeskanzler Bundeskanzlerin Minister Ministerin Außenminister Außenministerin
    Verteidigungsminister Innenminister Finanzminister Premierminister Premier Chef Chefin
    Sprecher Sprecherin Journalist Journalistin Journalisten Reporter Reporterin Berater
    Beraters Beraterin Botschafter Botschafterin Kommandeur General Generals Oberst Admiral
    Machthaber Diktator Politiker Politikerin Abgeordnete Abgeordneten Senator Senatorin
    Bürgermeister Bürgermeisterin Gouverneur Gouverneurin Vorsitzende Vorsitzenden Autor
    Autorin Professor Professorin Dr Prof Herr Herrn Frau Papst Bischof König Königin
    Prinz Prinzessin Trainer Trainerin Sänger Sängerin Schauspieler Schauspielerin
    Regisseur Regisseurin Kollege Kollegin Sohn Tochter Vater Mutter Bruder Schwester
    Ehemann Ehefrau Witwe Anwalt Anwältin Richter Richterin Staatsanwalt Staatsanwältin
    Analyst Analystin Experte Expertin Kommentator Kommentatorin Sir Lord Lady Graf Gräfin
    Fürst Fürstin Popstar Star Sängerin Rapper Rapperin Moderator Moderatorin
    """
    )
)
PLACE_CUES = frozenset(
    _words(
        """
    Stadt Städtchen Dorf Dorfes Ort Ortes Gemeinde Hauptstadt Region Provinz Bezirk
    Landkreis Kreis Bundesland Bundesstaat Insel Fluss Flusses Hafenstadt Metropole
    Großstadt Kleinstadt Kurort Republik Oblast Stadtteil Viertel Flughafen Flughafens
    """
    )
)
ORGANISATION_CUES = frozenset(
    _words(
        """
    Fluggesellschaft Airline Zeitung Zeitschrift Magazin Nachrichtenagentur Agentur Sender
    Fernsehsender Konzern Konzerns Unternehmen Firma Bank Partei Verein Klub Club Verband
    Gewerkschaft Organisation Stiftung Institut Universität Ölkonzern Gaskonzern
    Energiekonzern Rüstungskonzern Hersteller Portal Nachrichtenportal Onlineportal
    """
    )
)
ORGANISATION_HEADS = frozenset(
    _words(
        """
    Airlines Airways Air Times Post News Journal Zeitung Bank AG GmbH SE Inc. Ltd. Corp.
    Group Holding Partei Party Union Verband Verein Institut Institute University
    Universität Stiftung Foundation Agency Agentur Council Rat Bund Kommission Commission
    Ministerium Gazette Tribune Herald Telegraph Guardian Express Monitor Review Press
    Network TV Radio FC Club Klub Werke Motors Energy Oil Gas Petroleum Airport
    """
    )
)
# Capitalised words that open sentences or name times, never names by themselves.
FUNCTION_WORDS = frozenset(
    _words(
        """
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Es Er Sie Wir Ich Ihr Ihre
    Sein Seine Seinen Seiner Im Am Zum Zur Vom Beim Ins In An Auf Aus Bei Mit Nach Von
    Vor Zu Über Unter Für Gegen Durch Um Und Oder Aber Doch Wenn Als Wie Was Wer Wo Dass
    Daß So Auch Noch Nur Schon Dies Diese Dieser Dieses Diesem Diesen Man Bereits Laut
    Seit Bis Während Trotz Wegen Zwischen Neben Zuvor Demnach Insgesamt Beide Beiden
    Alle Viele Mehrere Einige Kein Keine Nicht Hier Dort Da Dann Nun Jetzt Heute Gestern
    Morgen Doch Denn Weil Ob Obwohl Damit Dabei Dazu Darüber Danach Davor Deshalb Zudem
    Außerdem Allerdings Jedoch Mehr Weitere Weiteren Neue Neuen Ende Anfang Mitte Jahr
    Jahre Jahren Monate Monaten Tage Tagen Prozent Millionen Milliarden Uhr Mal
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende
    Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    Frühjahr Sommer Herbst Winter Gerade Lesen Quellen Quelle Foto Video
    Zwei Drei Vier Fünf Sechs Sieben Acht Neun Zehn Hundert Tausend
    """
    )
)
CUES = PERSON_CUES | PLACE_CUES | ORGANISATION_CUES
# Compounds ending in a cue are cues too: "Bildungsminister", "FDP-Chef", "Chemiekonzern".
_CUE_ENDINGS = {
    Kind.PERSON: tuple(c.lower() for c in PERSON_CUES if len(c) >= 4),
    Kind.PLACE: tuple(c.lower() for c in PLACE_CUES if len(c) >= 4),
    Kind.ORGANISATION: tuple(c.lower() for c in ORGANISATION_CUES if len(c) >= 4),
}
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")


@cache
def first_names() -> frozenset[str]:
    """Given names that mark the next capitalised word as a surname."""
    lines = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def cue_kind(word: str) -> Kind | None:
    """The type a title, role or place word announces ("Präsident", "FDP-Chef"), if any."""
    if word in PERSON_CUES:
        return Kind.PERSON
    if word in PLACE_CUES:
        return Kind.PLACE
    if word in ORGANISATION_CUES:
        return Kind.ORGANISATION
    if not word[:1].isupper():
        return None
    lowered = word.lower()
    for kind, endings in _CUE_ENDINGS.items():
        if lowered.endswith(endings):
            return kind
    return None


# Lower-case words after which a capitalised pair is a noun phrase, not a name.
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|\w+(?:e|en|em|er|es))",
)
# Endings of German common nouns and adjectives: such a word is not proposed as a name.
_COMMON_ENDINGS = (
    "ung",
    "ungen",
    "heit",
    "heiten",
    "keit",
    "keiten",
    "schaft",
    "schaften",
    "tion",
    "tionen",
    "ismus",
    "tät",
    "täten",
    "nis",
    "nisse",
    "chen",
    "lich",
    "liche",
    "lichen",
    "isch",
    "ische",
    "ischen",
    "ischer",
    "ment",
    "ments",
    "gebiet",
    "ierte",
    "ierten",
    "ende",
    "enden",
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def capitalised_tokens(text: str) -> list[Token]:
    """The words of `text` that start with a capital: one regex pass, no other words."""
    return [
        Token(m.start(), m.end(), m.group())
        for m in _CAPITALISED.finditer(text)
        if m.group()[0].isupper()
    ]


def _word_before(text: str, start: int) -> Token | None:
    """The word right before `start`, separated from it by one space, if any."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalnum():
        return None
    begin = max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
    match = _WORD.fullmatch(text, begin, start - 1)
    return Token(begin, start - 1, match.group()) if match else None


def discover(text: str, known: list[FoundMention], gazetteer: Gazetteer) -> Iterator[FoundMention]:
    """Candidates (and fuzzy variants of known persons) outside the known mentions."""
    words = capitalised_tokens(text)
    covered = bytearray(len(text) + 1)
    for found in known:
        covered[found.start : found.end] = b"\x01" * (found.end - found.start)

    def is_known(token: Token) -> bool:
        return bool(covered[token.start])

    i = 0
    while i < len(words):
        word = words[i]
        if is_known(word) or word.text in FUNCTION_WORDS or cue_kind(word.text) is not None:
            i += 1
            continue
        run = [word]
        while (
            len(run) < MAX_RUN_WORDS
            and i + len(run) < len(words)
            and _adjacent(text, run[-1], words[i + len(run)])
            and not is_known(words[i + len(run)])
            and words[i + len(run)].text not in FUNCTION_WORDS
            and cue_kind(words[i + len(run)].text) is None
        ):
            run.append(words[i + len(run)])
        mention = _candidate(text, run, _word_before(text, word.start), gazetteer)
        if mention is not None and mention.candidate.lower() not in gazetteer.rejected_names:
            yield mention
        i += len(run)


def _adjacent(text: str, left: Token, right: Token) -> bool:
    return text[left.end : right.start] == " "


def _candidate(
    text: str, run: list[Token], cue: Token | None, gazetteer: Gazetteer
) -> FoundMention | None:
    # The head rule: "Azerbaijan Airlines", "The Moscow Times".
    heads = [k for k, t in enumerate(run) if t.text in ORGANISATION_HEADS and k > 0]
    if heads:
        run = run[: heads[-1] + 1]
        return _found(text, run, Kind.ORGANISATION, 0.7, f"head word “{run[-1].text}”")
    cue_text = cue.text if cue is not None else ""
    given = [k for k, t in enumerate(run) if t.text in first_names()]
    if given and given[0] > 0 and len(run) - given[0] > 1:
        # "Freund Matthew Williams", "Popstar Lady Gaga": the name starts at the given name.
        run = run[given[0] :]
        return _person(text, run, gazetteer, f"given name “{run[0].text}”")
    shaped = _shape_kind(run[0].text)
    if shaped is not None:
        return _found(text, run[:1], shaped[0], 0.6, shaped[1])
    name_like = [t for t in run if _name_like(t.text)]
    if len(name_like) < len(run):
        run = run[: next(k for k, t in enumerate(run) if not _name_like(t.text))]
        if not run:
            return None
    kind = cue_kind(cue_text) if cue_text else None
    if kind == Kind.PERSON:
        return _person(text, run, gazetteer, f"title or role “{cue_text}” before it")
    if kind == Kind.PLACE:
        return _found(text, run, Kind.PLACE, 0.7, f"place word “{cue_text}” before it")
    if kind == Kind.ORGANISATION:
        return _found(text, run, Kind.ORGANISATION, 0.7, f"“{cue_text}” before it")
    if run[0].text in first_names() and (len(run) > 1 or not _sentence_start(text, run[0].start)):
        return _person(text, run, gazetteer, f"given name “{run[0].text}”")
    if len(run) == 1 and _acronym(run[0].text):
        return _found(text, run, Kind.ORGANISATION, 0.5, "acronym")
    if len(run) == 1:
        variant = _fuzzy_person(text, run, gazetteer, evidence="")
        if variant is not None:
            return variant
    if _sentence_start(text, run[0].start) and len(run) == 1:
        return None
    return _unknown_name(text, run, cue_text)


_PLACE_PREPOSITIONS = frozenset(
    ["in", "nach", "aus", "bei", "im", "ins", "nahe", "nördlich", "südlich", "östlich", "westlich"]
)


@cache
def _tagger() -> Any:
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@lru_cache(maxsize=131072)
def proper_noun(word: str) -> bool:
    """Whether the HanTa tagger takes `word` for a proper noun (NE); one word, cached."""
    tags = _tagger().tag_word(word)
    return bool(tags) and tags[0][0] == "NE"


def _unknown_name(text: str, run: list[Token], before: str) -> FoundMention | None:
    """A run of proper nouns with no other evidence: a person, or a place after "in"."""
    if any(len(t.text) < 3 for t in run) or not all(proper_noun(t.text) for t in run):
        return None
    evidence = "proper noun (part-of-speech)"
    if len(run) > 1:
        return _found(text, run, Kind.PERSON, 0.5, evidence)
    if before.lower() in _PLACE_PREPOSITIONS:
        return _found(text, run, Kind.PLACE, 0.5, f"{evidence} after “{before}”")
    # One proper noun alone may name anything: the editor decides its type.
    return _found(text, run, Kind.OTHER, 0.4, evidence)


# Federal and state bodies are named by compounds: "Bundesärztekammer", "Landeskriminalamt".
_INSTITUTION = re.compile(
    r"(?:Bundes|Landes|Staats|Reichs)\w*(?:amt|ministerium|ministeriums|gericht|gerichtshof|"
    r"kammer|verband|agentur|bank|anwaltschaft|kriminalamt|tag|rat|regierung|wehr|polizei)"
)
# Streets: "Friedrichstraße", "Lindenallee" ("-platz" is too often a common noun).
_STREET = re.compile(r"\w{3,}(?:straße|strasse|allee|gasse)")


def _shape_kind(word: str) -> tuple[Kind, str] | None:
    """A type that the word's own shape gives away, with the evidence."""
    if _INSTITUTION.fullmatch(word):
        return Kind.ORGANISATION, "name of a public body (Bundes…amt, Landes…ministerium)"
    if _STREET.fullmatch(word):
        return Kind.PLACE, "street or square name"
    return None


def _acronym(word: str) -> bool:
    return (
        2 <= len(word) <= 6
        and word.isupper()
        and word.isalpha()
        and not _ROMAN_NUMERAL.fullmatch(word)
    )


def _person(text: str, run: list[Token], gazetteer: Gazetteer, evidence: str) -> FoundMention:
    variant = _fuzzy_person(text, run, gazetteer, evidence)
    if variant is not None:
        return variant
    return _found(text, run, Kind.PERSON, 0.7, evidence)


def _fuzzy_person(
    text: str, run: list[Token], gazetteer: Gazetteer, evidence: str
) -> FoundMention | None:
    """The run as a spelling variant of a known person, when its surname is close enough."""
    surname = _strip_genitive(run[-1].text)
    match = fuzzy_surname(surname, gazetteer.surname_keys)
    if match is None:
        return None
    known, similarity = match
    record = gazetteer.surnames[known]
    why = (
        f"“{surname}” ≈ “{record.name.split()[-1]}”: Jaro-Winkler {similarity:.2f}, "
        f"same Kölner Phonetik code {phonetic(surname)}, same first letter"
    )
    confidence = 0.6
    if len(run) > 1 and run[0].text.lower() == record.name.split()[0].lower():
        confidence = 0.8
        why += f", same first name “{run[0].text}”"
    if evidence:
        why += f"; {evidence}"
    return FoundMention(
        start=run[0].start,
        end=run[-1].end,
        surface=text[run[0].start : run[-1].end],
        kind=Kind.PERSON,
        method=Method.FUZZY,
        confidence=confidence,
        entity=record,
        candidate=surname,
        evidence=why,
    )


@lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    return "".join(code for _, code in cologne_phonetics.encode(word))


@lru_cache(maxsize=65536)
def fuzzy_surname(word: str, surnames: tuple[str, ...]) -> tuple[str, float] | None:
    """The known surname (lower-cased) that `word` is a safe fuzzy variant of, if any."""
    lowered = word.lower()
    if len(word) < FUZZY_MIN_LENGTH or lowered in surnames or not word[:1].isupper():
        return None
    best: tuple[str, float] | None = None
    for surname in surnames:
        if len(surname) < FUZZY_MIN_LENGTH or surname[0] != lowered[0]:
            continue
        similarity = JaroWinkler.similarity(lowered, surname)
        if similarity < FUZZY_MIN_SIMILARITY or phonetic(lowered) != phonetic(surname):
            continue
        if best is None or similarity > best[1]:
            best = (surname, similarity)
    return best


def _strip_genitive(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > FUZZY_MIN_LENGTH else word


def _name_like(word: str) -> bool:
    if word in FUNCTION_WORDS or not word[:1].isupper():
        return False
    if word.isupper() and len(word) > 1:  # an acronym
        return True
    return not word.lower().endswith(_COMMON_ENDINGS)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" ")
    return not before or before[-1] in _SENTENCE_OPENERS


def _found(
    text: str, run: list[Token], kind: Kind, confidence: float, evidence: str
) -> FoundMention:
    surface = text[run[0].start : run[-1].end]
    return FoundMention(
        start=run[0].start,
        end=run[-1].end,
        surface=surface,
        kind=kind,
        method=Method.DISCOVERY,
        confidence=confidence,
        candidate=surface.rstrip("."),
        evidence=evidence,
    )
