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

from newstext.entities.gazetteer import Gazetteer, Kind, Method
from newstext.entities.matching import FoundMention

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
# First or last words of multi-word place names: "Bad Schussenried", "Hudson River".
PLACE_FIRST_WORDS = frozenset(
    _words("Bad Sankt San Santa Santo São Sao Cerro Monte Mount Lake Port Porto Puerto Isla Isola")
)
PLACE_HEADS = frozenset(
    _words(
        """
    River Lake Hall House Street Avenue Road Square Park Bridge Island Islands Bay Valley
    Mountains Centre Center Tower Castle Palace Abbey Cathedral Airport Station Stadium
    """
    )
)
# Prefixes of sports clubs: "SV Werder Bremen", "AS Rom", "SSV Reutlingen".
CLUB_PREFIXES = frozenset(_words("FC SC SV SG TSV TuS VfB VfL VfR SSV SpVgg AS AC US SK BSC"))
# English, French, Spanish, Italian function words: such a run is a title or phrase.
FOREIGN_FUNCTION_WORDS = frozenset(
    _words("The A An Of And In On For To With My Your Our Le La Les Des Du El Los Las Il Lo")
)
# Acronyms that are units, currencies, identifiers or things, not organisations.
NOT_ORGANISATION_ACRONYMS = frozenset(
    _words(
        """
    ISBN ISSN PMID DOI URL PDF HTML TV PC CD DVD GPS SMS DNA RNA DDR EUR USD GBP CHF KB MB
    GB TB KW MW KWH PS UKW FCKW CO LKW PKW EDV IT KI AI OK NS TTIP BIP GDP PR VIP CEO CFO
    FAQ WC WM EM HIV AIDS SARS COVID MRT CT EKG UV USB LED LCD RA KV ID IQ DJ MC
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
        pair = words[i : i + 2]
        if len(pair) == 2 and _adjacent(text, *pair) and not is_known(pair[1]):
            named = _adjective_and_head(text, pair)
            if named is not None:
                yield named
                i += 2
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
    if len(run) > 1 and run[0].text in CLUB_PREFIXES:
        return _found(text, run, Kind.ORGANISATION, 0.6, f"club prefix “{run[0].text}”")
    cue_text = cue.text if cue is not None else ""
    given = [k for k, t in enumerate(run) if t.text in first_names()]
    if given and given[0] > 0 and len(run) - given[0] > 1:
        # "Freund Matthew Williams", "Popstar Lady Gaga": the name starts at the given name.
        run = _without_trailing_nouns(run[given[0] :])
        return _person(text, run, gazetteer, f"given name “{run[0].text}”")
    named = _adjective_and_head(text, run)
    if named is not None:
        return named
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
        run = _without_trailing_nouns(run)
        return _person(text, run, gazetteer, f"given name “{run[0].text}”")
    if len(run) == 1 and _acronym(run[0].text):
        return _found(text, run, Kind.ORGANISATION, 0.5, "acronym")
    if len(run) == 1:
        variant = _fuzzy_person(text, run, gazetteer, evidence="")
        if variant is not None:
            return variant
    return _unknown_name(text, run)


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


def _unknown_name(text: str, run: list[Token]) -> FoundMention | None:
    """The proper nouns of a run with no other evidence ("Sieg Roddicks" → "Roddicks"):
    several make a person; one alone is typed by its neighbours or its shape, else OTHER."""
    start = next((k for k, t in enumerate(run) if _proper(t.text)), None)
    if start is None:
        place = next((t for t in run if _unknown_place_shaped(t.text)), None)
        if place is None or _sentence_start(text, place.start):
            return None
        return _found(text, [place], Kind.PLACE, 0.4, "unknown word with a place name's ending")
    end = next((k for k in range(start, len(run)) if not _proper(run[k].text)), len(run))
    run = run[start:end]
    evidence = "proper noun (part-of-speech)"
    if len(run) > 1:
        return _proper_run(text, run, evidence)
    before = _word_before(text, run[0].start)
    before_text = before.text if before is not None else ""
    after = _word_after(text, run[0].end)
    verb_after = after is not None and _word_tag(after) in _FINITE_VERBS
    if _sentence_start(text, run[0].start):
        # Every sentence starts with a capital: only "Kolb war …" counts as a name.
        if not verb_after or not proper_noun(run[0].text):
            return None
        return _found(text, run, Kind.PERSON, 0.4, f"{evidence} before the verb “{after}”")
    if before_text.lower() in _PLACE_PREPOSITIONS:
        return _found(text, run, Kind.PLACE, 0.5, f"{evidence} after “{before_text}”")
    if _PLACE_SHAPE.fullmatch(run[0].text):
        return _found(text, run, Kind.PLACE, 0.5, f"{evidence}, ending of a place name")
    if verb_after or (before_text[:1].islower() and _word_tag(before_text) in _CLAUSE_WORDS):
        return _found(text, run, Kind.PERSON, 0.4, f"{evidence}, subject or object of a verb")
    # One proper noun alone may name anything: the editor decides its type.
    return _found(text, run, Kind.OTHER, 0.4, evidence)


_FINITE_VERBS = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
# Before a name that is the subject or object of a clause: "sagte Kolb", "dass Kolb".
_CLAUSE_WORDS = _FINITE_VERBS | {"KOUS", "PRF"}
# Endings of German place names: "Riedlingen", "Burghausen", "Pfaffenhofen", "Wetzlar".
_PLACE_SHAPE = re.compile(
    r"\w{3,}(?:ingen|hausen|hofen|heim|dorf|burg|berg|stadt|stedt|feld|furt|bach|rode|leben|"
    r"büttel|hagen|kirchen|weiler|münster|brück|brücken|born|beck|stetten|mühlen|walde|hain|"
    r"ried|rath|ow|itz|witz)s?"
)


def _proper_run(text: str, run: list[Token], evidence: str) -> FoundMention:
    """Several proper nouns in a row: a place or organisation by their first or last word,
    a title or a foreign phrase when they hold English function words, else a person."""
    first, last = run[0].text, run[-1].text
    if first in PLACE_FIRST_WORDS or last in PLACE_HEADS:
        return _found(text, run, Kind.PLACE, 0.5, f"{evidence}, place word “{first}”/“{last}”")
    if any(t.text in FOREIGN_FUNCTION_WORDS for t in run):
        return _found(text, run, Kind.OTHER, 0.4, f"{evidence}, a title or foreign phrase")
    return _found(text, run, Kind.PERSON, 0.5, evidence)


@lru_cache(maxsize=131072)
def _word_tag(word: str) -> str:
    """The tagger's part of speech for one word out of context; cached."""
    tags = _tagger().tag_word(word)
    return str(tags[0][0]) if tags else ""


def _proper(word: str) -> bool:
    """A word of 3+ letters that the tagger takes for a proper noun; in a hyphenated
    compound, its last part too ("Astana-Gegner" is a rival, not a name)."""
    last = word.rsplit("-", 1)[-1]
    return len(word) >= 3 and proper_noun(word) and (last == word or proper_noun(last))


# A tagger's best score below this: the word is not in its lexicon, only guessed.
_UNKNOWN_WORD_SCORE = -20.0


@lru_cache(maxsize=131072)
def _unknown_place_shaped(word: str) -> bool:
    """A word the tagger does not know, ending like a German place name ("Riedlingen")."""
    if not _PLACE_SHAPE.fullmatch(word):
        return False
    tags = _tagger().tag_word(word)
    return bool(tags) and float(tags[0][1]) < _UNKNOWN_WORD_SCORE


@lru_cache(maxsize=131072)
def _known_common_noun(word: str) -> bool:
    """A word in the tagger's lexicon as a common noun ("Rede"); surnames may be too."""
    tags = _tagger().tag_word(word)
    return bool(tags) and tags[0][0] == "NN" and float(tags[0][1]) >= _UNKNOWN_WORD_SCORE


def _without_trailing_nouns(run: list[Token]) -> list[Token]:
    """A name from a given name on, without common nouns after its second word
    ("Ilham Alijews Rede" → "Ilham Alijews"; "Birgit Fischer" stays)."""
    while len(run) > 2 and _known_common_noun(run[-1].text):
        run = run[:-1]
    return run


def _word_after(text: str, end: int) -> str | None:
    """The word right after `end`, separated from it by one space, if any."""
    if text[end : end + 1] != " ":
        return None
    match = _WORD.match(text, end + 1)
    return match.group() if match else None


# Federal and state bodies are named by compounds: "Bundesärztekammer", "Landeskriminalamt".
INSTITUTION = re.compile(
    r"(?:Bundes|Landes|Staats|Reichs)\w*(?:amt|ministerium|ministeriums|gericht|gerichtshof|"
    r"kammer|verband|agentur|bank|anwaltschaft|kriminalamt|tag|rat|regierung|wehr|polizei)"
)
# Streets: "Friedrichstraße", "Lindenallee" ("-platz" is too often a common noun).
_STREET = re.compile(r"\w{3,}(?:straße|strasse|allee|gasse)")


# "Hamburger Mieterverein", "Berliner Zeitung", "Frankfurter Hauptbahnhof": a capitalised
# adjective (mid-sentence) and a noun whose ending names an organisation or a place.
_CAPITALISED_ADJECTIVE = re.compile(r"[A-ZÄÖÜ]\w+(?:er|e|en|es|em)")
HEAD_ENDINGS = (
    (
        Kind.ORGANISATION,
        re.compile(
            r"\w*(?:verein|vereins|verband|verbandes|zeitung|rundfunk|rundfunks|tageblatt|"
            r"anzeiger|kurier|rundschau|bank|partei|institut|kammer|gericht|gerichtshof|"
            r"ministerium|verlag|verlags|stiftung|werke|theater|museum|hochschule|akademie)"
        ),
    ),
    (Kind.PLACE, re.compile(r"\w*(?:bahnhof|straße|strasse|see|gebirge|brücke|tor|wald)")),
)


def _adjective_and_head(text: str, run: list[Token]) -> FoundMention | None:
    """An adjective before an organisation's or place's head noun, as one name."""
    if len(run) < 2 or _sentence_start(text, run[0].start):
        return None
    first, second = run[0].text, run[1].text
    if not _CAPITALISED_ADJECTIVE.fullmatch(first) or first in FUNCTION_WORDS:
        return None
    for kind, ending in HEAD_ENDINGS:
        if ending.fullmatch(second):
            return _found(text, run[:2], kind, 0.5, f"adjective and head noun “{second}”")
    return None


def _shape_kind(word: str) -> tuple[Kind, str] | None:
    """A type that the word's own shape gives away, with the evidence."""
    if INSTITUTION.fullmatch(word):
        return Kind.ORGANISATION, "name of a public body (Bundes…amt, Landes…ministerium)"
    if _STREET.fullmatch(word):
        return Kind.PLACE, "street or square name"
    return None


def _acronym(word: str) -> bool:
    return (
        2 <= len(word) <= 6
        and word not in NOT_ORGANISATION_ACRONYMS
        and word.isupper()
        and word.isalpha()
        and not _ROMAN_NUMERAL.fullmatch(word)
    )


def _person(text: str, run: list[Token], gazetteer: Gazetteer, evidence: str) -> FoundMention:
    variant = _fuzzy_person(text, run, gazetteer, evidence)
    if variant is not None:
        return variant
    particle = _NAME_PARTICLE.match(text, run[-1].end)
    if particle is not None and not particle.group(1).isupper():
        # "Gerhard von Scharnhorst", "Manolo de Huelva": the particle and the name after it.
        last = particle.end()
        run = [*run, Token(last - len(particle.group(1)), last, particle.group(1))]
    return _found(text, run, Kind.PERSON, 0.7, evidence)


# Particles inside a person's name, before the family name.
_NAME_PARTICLE = re.compile(
    r" (?:von der|von dem|van der|van den|de la|del|de|da|di|du|von|van|zu|ter|ten) "
    r"([A-ZÀ-ÖØ-Þ][\w]+(?:-[A-ZÀ-ÖØ-Þ][\w]+)*)"
)


def _fuzzy_person(
    text: str, run: list[Token], gazetteer: Gazetteer, evidence: str
) -> FoundMention | None:
    """The run as a spelling variant of a known person, when its surname is close enough."""
    surname = _strip_genitive(run[-1].text)
    match = closest_surname(surname, gazetteer)
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


# Words a gazetteer's `fuzzy_matches` remembers, at most.
MAX_FUZZY_WORDS = 65536


def closest_surname(word: str, gazetteer: Gazetteer) -> tuple[str, float] | None:
    """`fuzzy_surname` over the gazetteer's persons, once per word (the persons checked
    are those with the word's initial: the only ones `fuzzy_surname` compares, and the
    only ones the word itself can be)."""
    matches = gazetteer.fuzzy_matches
    if word in matches:
        return matches[word]
    if len(matches) >= MAX_FUZZY_WORDS:
        matches.clear()
    initial = word.lower()[:1]
    match = matches[word] = fuzzy_surname(word, gazetteer.surnames_by_initial.get(initial, ()))
    return match


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
