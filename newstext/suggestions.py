"""Claim suggestions: sentences that attribute a statement to someone, or state figures.

Pure code (no Django). A rule set over one article's sentences:
- attribution cues: a reporting verb ("sagte", "bestritt", separable "teilte … mit",
  "räumte … ein", participles "mitgeteilt"; in a frame: "erinnerte daran", "sprach
  von", "drohte mit"; only as a tag after what was said: "fragte", the present plural
  "…, erzählen die Senioren"), not negated ("nicht angegeben"), not in a background
  clause ("…, nachdem X … hervorgehoben hatte"), not with no one as subject ("sagt
  man", "Man sagt", "wie gesagt:"); a quotation of a few words in «», „“ or »« (not a
  quoted name: „Los Haitises“), or in any marks after a colon that closes a clause whose
  subject can speak ("Couric bohrte nach: «…»"); "laut X", "nach Angaben X", "nach
  Informationen der X", "X-Angaben", "X zufolge", "so X" (also after " - "), "hieß es
  in … X", "heißt es im X", "auf der X" (a bare "heißt es" only when a source was named
  before); a headline "Name: …" (whose statement has no reporting verb of its own; not
  a rubric: "Neu: …"); and indirect speech (Konjunktiv: "sei", "hätten") or "Demnach"
  right after an attribution, which continues it; a sentence may begin inside a
  quotation («… sein», sagte X);
- the speaker: the subject after an inverted verb (", sagte Putin", "hatte der Kreml
  mitgeteilt"), else the subject before it ("Der Kreml teilte … mit", "Busch selbst
  sagt", "X, der …, sagte"; "er" after the verb whatever stands before it; the phrase
  opening the verb's own clause: "…, einige sagen:"), the agent of a passive ("vom
  Außenbeauftragten X aufgefordert"), the subject of "wie X mitteilte" or "…, dass X
  gewarnt hat" (unless a cue names the source of the whole sentence: "Laut X …, dass
  Russland zugab"), else the noun phrase of a cue
  ("laut", "nach Angaben", "nach Polizeiangaben", "zufolge", "so X"; "nach eigenen
  Angaben"/"laut Mitteilung" without a genitive: the sentence's subject). A noun phrase
  is read with its genitive ("Sprecher der EU-Kommission") and an appositive name
  ("der Vizepräsident des IOC, Thomas Bach,") but not the addressee ("sagte er der
  Zeitung X"); role words before a name are not the name ("Landrat Heinz Seiffert",
  "der Präsident des Verbandes Frank Albrecht").
  An organisation's name is whole ("Bundesamt für Gesundheit (BAG)", "Verein zum Schutz
  der …", "Bundesverband deutscher Banken"), without a place after it ("in Kabul"); a
  name after a noun for a kind of body is the name ("der Gewerkschaft Verdi").
  Pronouns stand for the last person named outside quotations; "der 47-Jährige" for the
  person named with that age; a definite role ("der russische Präsident") for the person
  an earlier sentence gives that role, matching the nationality. A name is resolved
  through the entity mentions (`newstext.entities.find_mentions`), else kept as the
  sentence's own words ("Michael H.", "Dr. Meier");
- figures: a number of people or things ("38 Menschen", "67 Personen an Bord"), not
  dates, years or ordinals.
"""

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from newstext.entities import FoundMention, Kind, Method
from newstext.entities import discovery as rules
from newstext.sentences import split_blocks


class SuggestionKind(StrEnum):
    ATTRIBUTION = "attribution"
    FIGURE = "figure"


@dataclass(frozen=True)
class Speaker:
    """Who a sentence attributes its statement to."""

    surface: str  # the words in the text ("Putin", "er", "des Kremls")
    name: str  # the resolved name ("Wladimir Putin"), or the surface when none
    kind: str = ""  # entity kind (PER, ORG …) when resolved through a mention
    entity_key: int | str | None = None  # the mention's entity key (a database id)


@dataclass(frozen=True)
class Suggestion:
    start: int  # code points into the text, end exclusive
    end: int
    sentence: str
    kind: SuggestionKind
    cue: str  # what made it a candidate: a verb's infinitive, "laut", "quotation" …
    speaker: Speaker | None


# Reporting verbs: infinitive → forms. "a…b" is a separable verb: finite form a with its
# particle b at the end of the clause; the other forms stand alone (participles,
# subordinate-clause forms, simple verbs).
REPORTING_VERBS: dict[str, str] = {
    "sagen": "sagt sagte sagten gesagt",
    "erklären": "erklärt erklärte erklärten",
    "betonen": "betont betonte betonten",
    "behaupten": "behauptet behauptete behaupteten",
    "bestreiten": "bestreitet bestritt bestritten",
    "dementieren": "dementiert dementierte dementierten",
    "versichern": "versichert versicherte versicherten",
    "zusichern": "zugesichert sicherte…zu sichert…zu zusicherte",
    "eingestehen": "eingestanden gestand…ein gesteht…ein eingestand",
    "einräumen": "eingeräumt räumte…ein räumt…ein räumten…ein einräumte",
    "zugeben": "zugegeben gab…zu gibt…zu zugab zugibt",
    "mitteilen": "mitgeteilt teilte…mit teilt…mit teilten…mit mitteilte",
    "ankündigen": "angekündigt kündigte…an kündigt…an ankündigte",
    "hinweisen": "hingewiesen wies…hin weist…hin hinwies",
    "fordern": "fordert forderte forderten gefordert",
    "auffordern": "aufgefordert forderte…auf fordert…auf aufforderte",
    "ausdrücken": "ausgedrückt drückte…aus drückt…aus ausdrückte",
    "äußern": "äußert äußerte äußerten geäußert",
    "ausführen": "ausgeführt führt…aus führte…aus ausführte",
    "berichten": "berichtet berichtete berichteten berichten",
    "warnen": "warnt warnte warnten gewarnt",
    "danken": "dankt dankte dankten gedankt",
    "entschuldigen": "entschuldigt entschuldigte",
    "melden": "meldet meldete meldeten gemeldet",
    "angeben": "angegeben gab…an gibt…an angab",
    "verkünden": "verkündet verkündete verkündeten",
    "bestätigen": "bestätigt bestätigte bestätigten",
    "erzählen": "erzählt erzählte erzählten",
    "kritisieren": "kritisiert kritisierte kritisierten",
    "unterstreichen": "unterstreicht unterstrich",
    "hinzufügen": "hinzugefügt fügte…hinzu fügt…hinzu hinzufügte",
    "bekanntgeben": "gab…bekannt gibt…bekannt gaben…bekannt",
    "klarstellen": "klargestellt stellte…klar stellt…klar",
    "zu verstehen geben": "gab…verstehen gibt…verstehen",
    "zu Protokoll geben": "gab…Protokoll gibt…Protokoll",
    "verlauten": "verlautete verlautet",
    "beschreiben": "beschreibt beschrieb beschrieben beschreiben",
    "gestehen": "gesteht gestand",
    "argumentieren": "argumentiert argumentierte argumentierten",
    "beklagen": "beklagt beklagte beklagten",
    "abstreiten": "abgestritten stritt…ab streitet…ab abstritt",
    "feststellen": "festgestellt stellte…fest stellt…fest stellten…fest feststellte",
    "festhalten": "hielt…fest hält…fest",
    "einschätzen": "eingeschätzt schätzte…ein schätzt…ein einschätzte",
    "anweisen": "wies…an weist…an",
    "bezeichnen": "bezeichnet bezeichnete bezeichneten",
    "kommentieren": "kommentiert kommentierte kommentierten",
    "zitieren": "zitiert zitierte zitierten",
    "nennen": "nennt nannte nannten",
    "bekräftigen": "bekräftigt bekräftigte bekräftigten",
    "beteuern": "beteuert beteuerte beteuerten",
    "erläutern": "erläutert erläuterte erläuterten",
    "mahnen": "mahnt mahnte mahnten",
    "appellieren": "appelliert appellierte appellierten",
    "vorwerfen": "vorgeworfen warf…vor wirft…vor vorwarf",
    "zurückweisen": "zurückgewiesen wies…zurück weist…zurück zurückwies",
    "vorschlagen": "vorgeschlagen schlug…vor schlägt…vor vorschlug",
    "aufrufen": "aufgerufen rief…auf ruft…auf aufrief",
    "bemängeln": "bemängelt bemängelte",
    "monieren": "moniert monierte",
    "bedauern": "bedauert bedauerte",
    "bezweifeln": "bezweifelt bezweifelte",
    "prognostizieren": "prognostiziert prognostizierte",
    "antworten": "antwortet antwortete",
    "entgegnen": "entgegnet entgegnete",
    "widersprechen": "widerspricht widersprach",
    "erwidern": "erwidert erwiderte",
    "hervorheben": "hervorgehoben hob…hervor hebt…hervor hervorhob",
    "deutlich machen": "machte…deutlich macht…deutlich machten…deutlich",
    "klarmachen": "machte…klar macht…klar machten…klar",
    "aussprechen": "sprach…aus spricht…aus sprachen…aus",
    "loben": "lobt lobte lobten",
    "beschuldigen": "beschuldigt beschuldigte beschuldigten",
    "empfehlen": "empfiehlt empfahl empfahlen",
    "plädieren": "plädiert plädierte plädierten",
}
# Verbs that report speech only in a frame: with one of these words in their clause
# ("erinnerte daran, dass", "sprach von einem Erfolg", "verwies auf", "drohte mit
# Klage"); without it they mean something else ("erinnert sich", "spricht mit", "Vieles
# spricht dafür", "dem Flughafen droht die Pleite").
FRAME_VERBS: dict[str, tuple[str, frozenset[str]]] = {
    "erinnern": ("erinnert erinnerte erinnerten", frozenset(["daran"])),
    "sprechen": ("spricht sprach sprachen", frozenset(["von"])),
    "verweisen": ("verweist verwies verwiesen", frozenset(["auf", "darauf"])),
    "drohen": ("droht drohte drohten", frozenset(["mit", "damit"])),
}
# Conjunctions of a clause that gives the background, not the statement ("nachdem X …").
BACKGROUND_CONJUNCTIONS = frozenset(["nachdem", "bevor", "weil", "obwohl", "sobald", "falls"])
RELATIVE_PRONOUNS = frozenset(
    ["der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher"]
)
# Verbs that report speech only as a tag after what was said (", schreibt die Zeitung",
# "«…», bilanzierte X") or before a colon; elsewhere they mean something else.
TAG_VERBS: dict[str, str] = {
    "schreiben": "schreibt schrieb schrieben",
    "begründen": "begründet begründete",
    "bilanzieren": "bilanziert bilanzierte",
    "resümieren": "resümiert resümierte",
    "charakterisieren": "charakterisiert charakterisierte",
    "ergänzen": "ergänzt ergänzte",
    "glauben": "glaubt glaubte",
    "meinen": "meint meinte meinten",
    "fragen": "fragt fragte fragten",
}

AUXILIARIES = frozenset(
    ["hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "wurde", "wurden"]
)
# Konjunktiv forms that mark indirect speech when no verb of saying is in the sentence.
SUBJUNCTIVE = frozenset(
    [
        "sei",
        "seien",
        "habe",
        "hätte",
        "hätten",
        "werde",
        "wäre",
        "wären",
        "könne",
        "müsse",
        "solle",
        "wolle",
        "dürfe",
        "gebe",
    ]
)
NEGATIONS = frozenset(["nicht", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals"])
# Words between a verb and its subject that are not part of the subject.
ADVERBS = frozenset(
    [
        "sich",
        "daraufhin",
        "jedoch",
        "auch",
        "weiter",
        "nun",
        "bereits",
        "dann",
        "zudem",
        "sogar",
        "dabei",
        "ebenfalls",
        "zuvor",
        "damals",
        "heute",
        "erneut",
        "außerdem",
        "noch",
        "zunächst",
        "später",
        "inzwischen",
    ]
)
NOMINATIVE_DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "mehrere",
        "einige",
        "viele",
        "zahlreiche",
        "beide",
        "andere",
        "alle",
    ]
)
NUMERALS = frozenset(
    ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"]
)
# Determiners that stand alone as a subject: "einige sagen", "andere warnten".
INDEFINITE_PRONOUNS = frozenset(["einige", "viele", "manche", "mehrere", "andere", "beide", "alle"])
GENITIVE_DETERMINERS = frozenset(["des", "der", "eines", "einer", "dieses", "dieser"])
PRONOUNS = frozenset(["er", "sie"])
# Nouns naming a person by their role: "der russische Präsident", "die Journalistin".
PERSON_ROLES = re.compile(
    r"^(Präsident|Kremlchef|Staatschef|Regierungschef|Machthaber|Minister|Sprecher|"
    r"Journalist|Kanzler|Premier|Chef|Botschafter|Berater|Politiker|Autor|Experte)"
    r"(in|en|s)?$"
)
FUNCTION_WORDS = frozenset(
    [
        "in",
        "im",
        "mit",
        "von",
        "vom",
        "nach",
        "bei",
        "beim",
        "aus",
        "auf",
        "für",
        "über",
        "unter",
        "gegen",
        "zu",
        "zum",
        "zur",
        "an",
        "am",
        "um",
        "und",
        "oder",
        "dass",
        "daß",
        "wie",
        "als",
        "ob",
        "wenn",
        "weil",
        "während",
        "es",
        "laut",
        "gemäß",
        "neben",
        "unter",
        "so",
        "schon",
        "demnach",
        "insgesamt",
        "zusätzlich",
        "bereits",
        "zuvor",
    ]
)
CLAUSE_ENDS = frozenset([",", ".", ";", ":", "–", "—", "!", "?", "und", "«", "»", "„", "“", '"'])
QUOTATION = re.compile(r"«[^»]{12,}»|„[^“]{12,}“|»[^«]{12,}«")
# A quotation of a few words opened right after a colon, in any quotation marks:
# «X bohrte nach: "Wie bitte?"», «… blieb bei seinen Behauptungen: „Er war dabei."».
COLON_QUOTATION = re.compile(r':\s*["„«»](?:[^"“«»\s]+\s+){2,}[^"“«»\s]')
LAUT = re.compile(r"(?<!\w)[Ll]aut\s+")
# "nach Angaben", and nouns of a source's statement before whose source they name.
NACH_ANGABEN = re.compile(
    r"(?<!\w)[Nn]ach\s+(?:\w+\s+)?(?:Angaben\s+|(?:Informationen|Berichten|Darstellung|"
    r"Aussagen?|Erkenntnissen)\s+(?=(?:des|der|eines|einer|von)\s))"
)
DASH_ANGABEN = re.compile(r"(?<!\w)([A-ZÄÖÜ][\w]*)-Angaben(?!\w)")
ZUFOLGE = re.compile(r"([\w ]{3,60}?)\s+zufolge(?!\w)")
HIESS_ES = re.compile(
    r"(?<!\w)(?:hieß|heißt) es\b(?:\s+(?:in|aus|von)\s+(?:\w+\s+){0,2}?(?=des |der ))?"
)
# Labels of a news page's rubrics and notes ("Neu: Bilder vom Ball"): no one's statement.
RUBRICS = frozenset(
    {
        "Neu", "Update", "Aktualisierung", "Nachtrag", "Korrektur", "Eilmeldung", "Achtung",
        "Hinweis", "Tipp", "Info", "Infos", "Wichtig", "Foto", "Fotos", "Bild", "Bilder",
        "Video", "Videos", "Audio", "Quelle", "Kontakt", "Termin", "Termine", "Ort",
        "Eintritt", "Anmeldung", "Service", "Mehr", "Hintergrund", "Kommentar", "Analyse",
    }
)  # fmt: skip
HEADLINE = re.compile(r"^([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+){0,2}):\s")
DEMNACH = re.compile(r"^(Demnach|Demzufolge|Dabei)\b")
FIGURE = re.compile(
    r"(?<![\w.,-])(?!(?:19|20)\d\d(?!\d))(\d{1,3}(?:\.\d{3})*|\d+)(?![\w.,-]|\.\d)\s+"
    r"(?:[a-zäöüß]+(?:e|en|er)\s+)?(?:[A-ZÄÖÜ]\w+|an Bord|ums Leben)"
)
# A number of people in words: "drei Tote", "Dutzende verletzte Menschen".
_NUMBERS_IN_WORDS = "|".join([*sorted(NUMERALS), "zwanzig", "hundert", "tausend", "Dutzende"])
NUMBER_WORDS = re.compile(
    rf"(?<!\w)({_NUMBERS_IN_WORDS})\s+(?:\w+e[nr]?\s+)?(Menschen|Personen|Tote|Toten|Verletzte|"
    r"Soldaten|Piloten|Zivilisten|Opfer|Passagiere)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)+"  # 99,74 and 400.000: one token, the comma ends no clause
    r"|(?:Dr|Prof|Dipl|St|Hr|Fr)\.(?=\s)"  # titles: "Dr. Meier"
    r"|[A-ZÄÖÜ]\.(?=\s+[\w(]|,)"  # initials: "Patrick J. Fitzgerald", "Michael H. (47)"
    r"|\w+-(?=\s+(?:und|oder)\s)"  # "Wirtschafts- und Verkehrsminister"
    r"|[\w&][\w'’&]*(?:[-.]\w[\w&]*)*"  # words, "E.ON", "Klicksafe.de", "Weiler-Kiderlen"
    r"|[^\w\s]"
)
# Words that name a role, not a person: "Landrat Heinz Seiffert", "der 47-Jährige"; alone
# or as a compound's last part ("CDU-Chef", "Bürgermeister"), capitalised or not.
_ROLE_STEMS = (
    "präsident", "minister", "chef", "sprecher", "kandidat", "vorsitzend", "trainer",
    "manager", "leiter", "direktor", "rat", "rätin", "anwalt", "anwältin", "meister",
    "kanzler", "sekretär", "botschafter", "expert", "analyst", "coach", "stürmer",
    "vorstand", "führer", "politiker", "abgeordnet", "vize", "beauftragt", "überwacher",
    "arzt", "ärztin", "wissenschaftler", "banker", "händler", "vorsteher", "bischof",
    "berater", "konkurrent", "gründer", "inhaber", "journalist", "autor", "reporter",
    "kommissar", "richter", "polizist", "mitglied", "herrscher", "machthaber", "premier",
    "funktionär", "sprech", "vertreter", "stadtrat", "geschäftsführer", "ermittler",
    "spieler", "kritiker", "bürger", "angeklagt", "zeuge", "zeugin", "sohn", "tochter",
    "frau", "mann", "jährig", "kapitän", "dekan", "künstler", "fotograf",
)  # fmt: skip
# "[Pp]räsident": a stem's first letter in either case
_ROLE_ALTERNATIVES = "|".join(f"[{stem[0].upper()}{stem[0]}]{stem[1:]}" for stem in _ROLE_STEMS)
ROLE = re.compile(rf"(?:^|-|[a-zäöüß])(?:{_ROLE_ALTERNATIVES})(?:in|innen|en|e|er|es|s|n)?$")
AGE = re.compile(r"^(\d+)-[Jj]ährige[rn]?$")
# Sources that a genitive after them names: "nach Angaben der Polizei", "laut Mitteilung".
SOURCE_NOUNS = frozenset(
    {
        "Angaben", "Mitteilung", "Pressemitteilung", "Erklärung", "Bericht", "Berichten",
        "Darstellung", "Informationen", "Auskunft", "Aussage", "Aussagen", "Schätzung",
        "Schätzungen", "Sicht", "Einschätzung",
    }
)  # fmt: skip
# Who is told something is not who speaks: "sagte er der Zeitung X", "der Nachrichtenagentur".
MEDIA = re.compile(
    r"(Zeitung|[Zz]eitschrift|[Aa]gentur|[Mm]agazin|[Ss]ender|[Bb]latt|[Ii]llustrierte|"
    r"[Pp]resse|[Ff]ernsehen|[Rr]undfunk|[Rr]adio|[Pp]ortal|Post|Kurier|Spiegel|Focus)$"
)
MEDIA_ACRONYMS = frozenset(["dpa", "AFP", "Reuters", "AP", "ARD", "ZDF", "PNP", "SDA", "APA"])
# Heads of organisation names besides the recogniser's cue and head words
# (`discovery.ORGANISATION_CUES`, `ORGANISATION_HEADS`, "Bundes…amt", "…verein"): nouns of
# bodies, offices and groups, alone or as a compound's last part ("Gesundheitsamt",
# "Landtagsfraktion", "Hauptquartier"), singular or plural.
ORGANISATION_NOUNS = re.compile(
    r"\w*(?:amt|ämter|behörde|ministerium|kommission|gericht|polizei|regierung|verwaltung|"
    r"direktion|fraktion|kirche|gemeinde|quartier|kommando|armee|militär|gewerkschaft|"
    r"gesellschaft|genossenschaft|staatsanwaltschaft|botschaft|konsulat|verband|verein|"
    r"vereinigung|bund|bündnis|allianz|liga|union|senat|parlament|stiftung|kammer|akademie|"
    r"hochschule|universität|schule|institut|zentrum|zentrale|büro|agentur|dienst|konzern|"
    r"unternehmen|partei|bank|werk|klinik|klinikum|anstalt|stelle|komitee|ausschuss|forum|"
    r"netzwerk|initiative|organisation|konferenz|gremium|vorstand|leitung|sender|verlag|"
    r"versicherung|kasse|versorger|reederei|brauerei|kanzlei|molkerei|druckerei)"
    r"(?:e|en|es|s|n)?",
    re.IGNORECASE,
)
# Prepositions of place and of what a name is about: a name may go on after the latter
# ("Bundesamt für Gesundheit", "Verein zum Schutz der …"), not after the former ("in Kabul").
PLACE_PREPOSITIONS = frozenset(["in", "im", "aus", "bei", "beim"])
# Genitives and prepositional phrases read inside one another ("der Sprecher des Vorstands
# der Stiftung der …") at the most; news sentences nest a handful.
MAX_NESTED_PHRASES = 12
NAME_PARTICLES = frozenset(["van", "von", "de", "der", "den", "ter", "di", "da", "la", "le", "al"])
# Sentence-initial words that are not the subject ("Zudem verkündete er", "Das sagte X").
NOT_SUBJECTS = frozenset(
    [
        "dies",
        "dieses",
        "dem",
        "den",
        "zudem",
        "auch",
        "doch",
        "dann",
        "damit",
        "deshalb",
        "darüber",
        "dazu",
        "dabei",
        "danach",
        "daraufhin",
        "außerdem",
        "jetzt",
        "heute",
        "gestern",
        "vorab",
        "später",
        "zuvor",
        "nun",
        "aber",
        "allerdings",
        "so",
        "zugleich",
        "gleichzeitig",
        "anschließend",
        "schließlich",
        "trotzdem",
        "dennoch",
        "derweil",
        "hingegen",
        "inzwischen",
        "mittlerweile",
        "zunächst",
        "erst",
        "bislang",
        "bisher",
        "immer",
        "wieder",
        "vielmehr",
    ]
)
# "daran", "darauf", "hierzu": a preposition's object, never a subject (not "Daum": "dar-"
# and "wor-" before a vowel).
PRONOMINAL_ADVERB = re.compile(
    r"^(?:(?:[Dd]a|[Ww]o|[Hh]ier)(?:bei|durch|für|gegen|mit|nach|von|vor|zu)"
    r"|(?:[Dd]ar|[Ww]or|[Hh]ier)(?:an|auf|aus|in|über|um|unter))$"
)
SUBJECT_PARTICLES = frozenset(["selbst", "allein", "auch", "jedoch", "aber", "indes", "nun"])
PASSIVE = frozenset(["werden", "worden", "wird", "wurde", "wurden"])
# ", so X", "– so X", " - so X" (a hyphen standing for a dash), "(so X)"
_SO_TAG = re.compile(r"(?:^|[,(–—]\s*|\s-\s+)so\s+(?=(?:der|die|das|ein|eine)\s|[A-ZÄÖÜ])")
_AS = frozenset(["wie"])
# Conjunctions and pronouns that open a verb-final clause whose subject follows them.
SUBORDINATORS = frozenset(["wie", "dass", "daß", "ob", "was", "als", "warum", "weshalb", "wieso"])
# What may follow a verb-final participle in its clause: "gewarnt hat", "gesagt haben soll".
FINITE_AFTER_PARTICIPLE = AUXILIARIES | {"habe", "hätte", "hätten", "sei", "seien", "soll"}
_ANGABEN_COMPOUND = re.compile(r"(?<!\w)[Nn]ach\s+([A-ZÄÖÜ]\w+?)(?:angaben|berichten)(?!\w)")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # into the sentence
    end: int


@dataclass(frozen=True)
class _VerbForm:
    infinitive: str
    particle: str  # "" unless separable
    tag_only: bool = False  # valid only as a tag after the statement
    frame: frozenset[str] = frozenset()  # one of these words must be in its clause


def _verb_forms() -> dict[str, list[_VerbForm]]:
    forms: dict[str, list[_VerbForm]] = {}
    for verbs, tag_only in ((REPORTING_VERBS, False), (TAG_VERBS, True)):
        for infinitive, spec in verbs.items():
            for form in spec.split():
                word, _, particle = form.partition("…")
                forms.setdefault(word, []).append(_VerbForm(infinitive, particle, tag_only))
    # The present plural, which is the infinitive, as a tag: "…, erzählen die Senioren".
    for infinitive, spec in REPORTING_VERBS.items():
        if " " not in infinitive and infinitive not in spec.split():
            forms.setdefault(infinitive, []).append(_VerbForm(infinitive, "", tag_only=True))
    for infinitive, (spec, frame) in FRAME_VERBS.items():
        for word in spec.split():
            forms.setdefault(word, []).append(_VerbForm(infinitive, "", frame=frame))
    # Separable readings first: "forderte … auf" is auffordern, not fordern.
    return {word: sorted(found, key=lambda f: not f.particle) for word, found in forms.items()}


VERB_FORMS = _verb_forms()


def suggest_claims(
    text: str,
    blocks: Iterable[tuple[int, int]] | None = None,
    mentions: Sequence[FoundMention] = (),
) -> list[Suggestion]:
    """Claim candidates in `text`, in text order.

    `blocks` are the (start, end) paragraphs and headings (default: lines of the text);
    `mentions` the entity mentions of the text (the speakers to choose from).
    """
    if blocks is None:
        blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    names = sorted(
        (m for m in mentions if m.method != Method.DERIVED and m.kind != Kind.PLACE),
        key=lambda m: (m.start, m.end),
    )
    starts = [m.start for m in names]
    persons = [m for m in names if m.kind == Kind.PERSON]
    # Each sentence is handed only its own names and the persons named before it, taken
    # in one pass: filtering all names for every sentence was quadratic in the article.
    persons_before: list[FoundMention] = []
    suggestions: list[Suggestion] = []
    previous: Suggestion | None = None  # the sentence before, when it was an attribution
    recent: Suggestion | None = None  # the last attribution
    for sentence in split_blocks(text, blocks):
        while len(persons_before) < len(persons):
            if persons[len(persons_before)].end > sentence.start:
                break
            persons_before.append(persons[len(persons_before)])
        first, after = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        inside = [m for m in names[first:after] if m.end <= sentence.end]
        context = _Sentence(text, sentence.start, sentence.end, inside, persons_before)
        found = context.attribution(previous, recent)
        if found is None and (FIGURE.search(context.text) or NUMBER_WORDS.search(context.text)):
            found = Suggestion(
                sentence.start, sentence.end, context.text, SuggestionKind.FIGURE, "figure", None
            )
        if found is not None:
            suggestions.append(found)
        previous = found if found is not None and found.kind == SuggestionKind.ATTRIBUTION else None
        recent = previous or recent
    return suggestions


@dataclass(frozen=True)
class _Phrase:
    """A noun phrase: tokens [start, end), its name part [name_start, name_end) if any."""

    start: int
    end: int
    name_start: int = -1
    name_end: int = -1
    determiner: str = ""

    @property
    def named(self) -> bool:
        return self.name_start >= 0


class _Sentence:
    """One sentence, its tokens, and the names mentioned in and before it."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        names: list[FoundMention],
        persons_before: list[FoundMention],
    ) -> None:
        """`names`: the names within text[start:end]; `persons_before`: the persons named
        before it, in text order (read, never changed)."""
        self.full = text
        self.start, self.end = start, end
        self.text = text[start:end]
        self.tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.text)]
        self.names = names
        self.persons_before = persons_before

    def attribution(
        self, previous: Suggestion | None, recent: Suggestion | None
    ) -> Suggestion | None:
        cue, speaker = self._cue_and_speaker()
        if cue is None and previous is not None and self._continues_speech():
            cue, speaker = "continuation", previous.speaker
        if cue is None:
            return None
        if speaker is None and recent is not None:
            speaker = recent.speaker  # "Es wurde mitgeteilt": the source named last
        if speaker is None and cue == "hieß es":
            return None  # "«…», heißt es.": hearsay, no source named in or before it
        return Suggestion(self.start, self.end, self.text, SuggestionKind.ATTRIBUTION, cue, speaker)

    def _cue_and_speaker(self) -> tuple[str | None, Speaker | None]:
        headline = HEADLINE.match(self.text)
        verb = self._reporting_verb()
        if headline and not self._rubric(headline.group(1)):
            # "Name: …", not "Ein Beispiel: …"; "Nachrichten: Juncker sagt …" is Juncker's
            if verb is not None and (subject := self._verb_subject(verb[0])) is not None:
                return verb[1], subject
            return "headline", self._speaker(0, headline.end(1))
        if hiess := HIESS_ES.search(self.text):
            offset = hiess.end()
            rest = self.text[offset:]
            # Where it says so: "im Programm", "auf der Webseite" (not "auf Anfrage").
            where = r"in|aus|von|vom|im|bei|beim|auf(?=\s+(?:der|dem|den|einer|einem)\s)"
            if preposition := re.match(rf"\s*(?:{where})\s+", rest):
                offset += preposition.end()
            return "hieß es", self._phrase_after(offset, genitive=True)
        if verb is not None:
            index, infinitive = verb
            # "Laut X führte der Streit dazu, dass Russland zugab, …": X says it all
            embedded = self._subordinate_start(index, SUBORDINATORS - _AS) is not None
            if embedded and (cue := self._cue_speaker()) is not None:
                return infinitive, cue
            return infinitive, self._verb_subject(index) or self._cue_speaker()
        speaker = self._cue_speaker()
        if speaker is not None:
            return self._cue_name(), speaker
        introduced = COLON_QUOTATION.search(self.text)
        if introduced and (speaker := self._introducer(introduced.start())) is not None:
            return "quotation", speaker
        if any(len(quoted.group().split()) >= 3 for quoted in QUOTATION.finditer(self.text)):
            return "quotation", None  # not a quoted name or term: „Los Haitises“
        return None, None

    def _introducer(self, colon: int) -> Speaker | None:
        """ "Couric bohrte nach: «…»": the subject of the clause before the colon, when it
        can speak (a person, a body, a role, a pronoun; not "Das Motto lautet: …")."""
        phrase = self._main_subject()
        if phrase is None or self.tokens[phrase.start].start >= colon:
            return None
        speaker = self._phrase_speaker(phrase)
        head = speaker.name.split()[-1]
        if (
            speaker.kind in {Kind.PERSON, Kind.ORGANISATION}
            or head.lower() in PRONOUNS
            or ROLE.search(head)
            or _organisation_noun(head)
        ):
            return speaker
        return None

    @staticmethod
    def _rubric(label: str) -> bool:
        """ "Ein Beispiel", "Neu", "Update": a label before a colon that names no one."""
        first = label.split()[0]
        return first.lower() in NOMINATIVE_DETERMINERS or first in RUBRICS

    def _cue_name(self) -> str:
        if _SO_TAG.search(self.text):
            return "so"
        if LAUT.search(self.text):
            return "laut"
        if (
            NACH_ANGABEN.search(self.text)
            or DASH_ANGABEN.search(self.text)
            or _ANGABEN_COMPOUND.search(self.text)
        ):
            return "nach Angaben"
        return "zufolge"

    def _cue_speaker(self) -> Speaker | None:
        if so := _SO_TAG.search(self.text):
            index = self._index_at(so.end())
            if index is not None and (phrase := self._phrase(index)) is not None:
                return self._phrase_speaker(phrase)
        if laut := LAUT.search(self.text):
            return self._phrase_after(laut.end(), genitive=True)
        if angaben := NACH_ANGABEN.search(self.text):
            return self._phrase_after(angaben.start(), genitive=True, source_noun=True)
        if dash := DASH_ANGABEN.search(self.text):
            return self._speaker(dash.start(1), dash.end(1))
        if compound := _ANGABEN_COMPOUND.search(self.text):
            return Speaker(compound.group(1), compound.group(1))
        if zufolge := ZUFOLGE.search(self.text):
            return self._phrase_before(zufolge.end(1))
        return None

    def _index_at(self, offset: int) -> int | None:
        return next((i for i, t in enumerate(self.tokens) if t.start >= offset), None)

    def _continues_speech(self) -> bool:
        words = {token.text for token in self.tokens}
        return bool(DEMNACH.match(self.text)) or bool(words & SUBJUNCTIVE)

    # Finding the verb

    def _reporting_verb(self) -> tuple[int, str] | None:
        """The first reporting verb that is not negated: (token index, infinitive)."""
        if self.text.rstrip().endswith("?"):
            return None  # a question asks, it does not report
        for index, token in enumerate(self.tokens):
            for form in VERB_FORMS.get(token.text, ()):
                if form.particle and self._clause_end_word(index) != form.particle:
                    continue
                if form.tag_only and not self._tag_position(index):
                    continue
                if form.frame and not form.frame & {
                    t.text.lower() for t in self._clause_tokens(index)
                }:
                    continue
                if self._negated(index) or self._not_speech(index):
                    continue
                if self._quoted(index) or self._background_clause(index):
                    continue
                return index, form.infinitive
        return None

    def _quoted(self, index: int) -> bool:
        """Token `index` stands inside a quotation (a sentence may begin inside one)."""
        opening = {"„": "“", "«": "»", "»": "«", "‚": "‘"}
        inside: str | None = None
        closing = self._closing_mark
        if closing is not None and closing > index:
            return True  # before the quotation mark that closes one begun earlier
        for position, token in enumerate(self.tokens[:index]):
            word = token.text
            if position == closing:
                continue
            if inside is not None:
                if word == inside:
                    inside = None
            elif word in opening:
                inside = opening[word]
            elif word == '"':
                inside = '"'
        return inside is not None

    @cached_property
    def _closing_mark(self) -> int | None:
        """The token of the first quotation mark when it closes a quotation begun before
        the sentence: a lone straight mark not placed as an opening one (`sagte: "Das`),
        a "»" or "«" without its partner after it, a "“" without "„" before it."""
        tokens = self.tokens
        for position, token in enumerate(tokens):
            word = token.text
            if word == '"':
                odd = sum(t.text == '"' for t in tokens) % 2 == 1
                return position if odd and not self._opening_placed(position) else None
            if word in {"»", "«"}:
                partner = "«" if word == "»" else "»"
                return None if any(t.text == partner for t in tokens[position:]) else position
            if word in {"“", "”"}:
                return position
            if word in {"„", "‚"}:
                return None
        return None

    def _opening_placed(self, index: int) -> bool:
        """The mark at token `index` opens: a space or colon before it, a word after it."""
        at = self.tokens[index].start
        before = self.text[at - 1] if at > 0 else " "
        after = self.text[at + 1] if at + 1 < len(self.text) else " "
        return (before.isspace() or before in "(:") and after.isalnum()

    def _quoted_at(self, offset: int) -> bool:
        """The text offset `offset` (into the whole text) stands inside a quotation."""
        index = self._index_at(offset - self.start)
        return index is not None and self._quoted(index)

    def _background_clause(self, index: int) -> bool:
        """A relative or adverbial clause ("…, der kritisiert worden war", "Wer … verkündet")."""
        clause = self._clause_tokens(index)
        first = clause[0].text.lower()
        before = self.tokens.index(clause[0])
        after_comma = before > 0 and self.tokens[before - 1].text == ","
        if first in BACKGROUND_CONJUNCTIONS | {"wer"}:
            return True
        verb = self.tokens[index]
        verb_last = clause[-1] is verb or clause[-1].text in AUXILIARIES | PASSIVE
        if verb_last and any(
            t.text.lower() in BACKGROUND_CONJUNCTIONS for t in clause[1 : clause.index(verb)]
        ):
            return True  # "erfolgte kurz, nachdem X … hervorgehoben hatte"
        if after_comma and (
            first in RELATIVE_PRONOUNS
            or (
                first in {"von", "mit", "bei"}
                and len(clause) > 1
                and clause[1].text in RELATIVE_PRONOUNS
            )
        ):
            return verb_last
        return False

    def _tag_position(self, index: int) -> bool:
        """The verb follows what was said (", schreibt X", "so meint X") or opens a colon."""
        if self._clause_initial(index):
            return True
        if self._subordinate_start(index) is not None:
            return True
        after = [t.text for t in self.tokens[index + 1 : index + 8]]
        return ":" in after or "über" in after[:1]

    def _clause_initial(self, index: int) -> bool:
        before = self.tokens[index - 1].text if index > 0 else ""
        if before == "so" and index > 1:
            before = self.tokens[index - 2].text
        return before in {",", "»", "«", "“", "”", '"', "'", "(", "–", "—"}

    def _not_speech(self, index: int) -> bool:
        """'Das sagt viel über', 'im Amt bestätigt worden', 'es wird betont'."""
        word = self.tokens[index].text
        following = self.tokens[index + 1].text if index + 1 < len(self.tokens) else ""
        previous = self.tokens[index - 1].text.lower() if index > 0 else ""
        if following in {"viel", "wenig", "etwas", "alles", "man", "jeder", "jemand", "niemand"}:
            return True  # "sagt man", "berichtet jeder": no one in particular
        if previous == "man":
            return True  # "Man sagt, …"
        if word in {"bestreitet", "bestritt", "bestritten"} and following[:1].isdigit():
            return True  # "bestritt 93 Rennen": contested, not denied
        if following == "sich" and VERB_FORMS[word][0].infinitive == "nennen":
            return True  # "nennt sich": is called
        if previous == "wie" and following in CLAUSE_ENDS and "ge" in word[:6]:
            return True  # "wie gesagt:", "wie angekündigt,": nobody is named
        if self._passive(index):
            unnamed_source_ok = word in {"gemeldet", "mitgeteilt", "angekündigt", "gesagt"}
            return self._agent(index) is None and not unnamed_source_ok
        return False

    def _passive(self, index: int) -> bool:
        """A participle with a form of "werden" in its clause ("wurde … aufgefordert")."""
        word = self.tokens[index].text
        participle = "ge" in word[:6] or word.endswith(("iert", "tet", "ätigt", "etont"))
        if not participle:
            return False
        clause = [t.text for t in self._clause_tokens(index)]
        return bool(PASSIVE & set(clause)) or (
            bool({"sind", "ist"} & set(clause)) and self._clause_end_word(index) == word
        )

    def _clause_tokens(self, index: int) -> list[_Token]:
        start = index
        while start > 0 and self.tokens[start - 1].text not in CLAUSE_ENDS - {"und"}:
            start -= 1
        end = index
        while end + 1 < len(self.tokens) and self.tokens[end + 1].text not in CLAUSE_ENDS:
            end += 1
        return self.tokens[start : end + 1]

    def _agent(self, index: int) -> _Phrase | None:
        """The agent of a passive ('wurde vom Außenbeauftragten Javier Solana aufgefordert')."""
        clause = self._clause_tokens(index)
        first = self.tokens.index(clause[0])
        for position in range(first, index):
            if self.tokens[position].text in {"von", "vom"}:
                phrase = self._phrase(position + 1)
                if phrase is not None and phrase.end <= index:
                    return phrase
        return None

    def _clause_end_word(self, index: int) -> str:
        """The last word of the clause that token `index` is in."""
        last = self.tokens[index].text
        tokens = self.tokens
        for position in range(index + 1, len(tokens)):
            word = tokens[position].text
            if word in {'"', "„", "“", "«", "»"}:
                continue
            if (
                word == ","
                and 0 < position < len(tokens) - 1
                and _capitalised(tokens[position - 1].text)
                and self._name_list_goes_on(position)
            ):
                continue  # "Gerkan, Marg und Partner"
            if word in CLAUSE_ENDS and not (word == "und" and last[:1].isupper()):
                break
            last = word
        return last

    def _name_list_goes_on(self, comma: int) -> bool:
        """Capitalised words and commas after `comma` end in "und"/"oder" and a name
        ("Gerkan, Marg und Partner"), not a clause ("zu Protokoll, Merkels …")."""
        tokens = self.tokens
        for position in range(comma + 1, min(comma + 8, len(tokens) - 1)):
            word = tokens[position].text
            if word in {"und", "oder"}:
                return position > comma + 1 and _capitalised(tokens[position + 1].text)
            if word != "," and not _capitalised(word):
                return False
        return False

    def _negated(self, index: int) -> bool:
        window = []
        for step in (-1, 1):
            position = index + step
            while 0 <= position < len(self.tokens) and abs(position - index) <= 3:
                word = self.tokens[position].text
                if word in CLAUSE_ENDS:
                    break
                window.append(word.lower())
                position += step
        return bool((NEGATIONS | {"nichts"}) & set(window))

    # Finding the subject

    def _verb_subject(self, index: int) -> Speaker | None:
        """The subject of the reporting verb at `index`."""
        tokens = self.tokens
        # A participle's auxiliary ("hatte der Kreml mitgeteilt") is the finite verb.
        finite = index
        position = index - 1
        while position >= 0:
            if tokens[position].text == ",":
                # "hat der Präsident des Vereins, Konrad Wellner, gesagt": over the name
                opening = self._apposition_before(position)
                if opening is None:
                    break
                position = opening - 1
                continue
            coordinated = (
                tokens[position].text in {"und", "oder"}
                and 0 < position < index - 1
                and self._noun(position - 1)
                and self._noun(position + 1)
            )  # "haben die Konzerne Alfa und Beta angekündigt": names, not clauses
            if tokens[position].text in CLAUSE_ENDS and not coordinated:
                break
            if tokens[position].text in AUXILIARIES | {"soll", "sollen", "will", "habe"}:
                finite = position
                break
            position -= 1
        if self._passive(index):
            agent = self._agent(index)
            return self._phrase_speaker(agent) if agent is not None else None
        if (
            tokens[index].text.startswith("verlaut")
            and index + 2 < len(tokens)
            and tokens[index + 1].text == "aus"
            and (phrase := self._phrase(index + 2))
        ):
            return self._phrase_speaker(phrase)  # "verlautete aus Regierungskreisen"
        # "wie die Polizei mitteilte", "wie viele Genossen sagen", "dass der Minister
        # gewarnt hat": verb last in its clause.
        conjunction = self._subordinate_start(index, SUBORDINATORS)
        if conjunction is not None:
            phrase = self._phrase(conjunction + 1)
            if phrase is not None:
                return self._phrase_speaker(phrase)
        after = self._subject_after(finite)
        if after is not None and after.surface.lower() == "er":
            return after  # always nominative: what stands before the verb is no subject
        if self._clause_initial(finite) or finite == 0:
            if after is not None and not self._inserted_clause_before(finite):
                return after
            fronted = self._fronted_subject(finite)
            if fronted is not None:
                return self._phrase_speaker(fronted)
            return after or self._main_subject_speaker(index)
        fronted = self._fronted_subject(finite) or self._clause_subject(finite)
        pronoun_after = after is not None and after.surface.lower() in PRONOUNS
        if fronted is not None and not (pronoun_after and self._weak_fronted(fronted)):
            return self._phrase_speaker(fronted)
        if after is not None:
            return after
        if index > 0 and tokens[index - 1].text == "und":
            return self._person_before(index)
        return self._main_subject_speaker(index)

    def _weak_fronted(self, phrase: _Phrase) -> bool:
        """One capitalised word, no determiner, no mention: maybe an adverb ("Charmant")."""
        if phrase.determiner or phrase.end - phrase.start != 1:
            return False
        token = self.tokens[phrase.start]
        return not any(
            m.start - self.start <= token.start and token.end <= m.end - self.start
            for m in self.names
        )

    def _inserted_clause_before(self, finite: int) -> bool:
        """ "X, der …, sagte" or "X, Sprecher der Y, sagte": the subject stands first."""
        fronted = self._fronted_subject(finite)
        if fronted is None or fronted.end >= finite or self.tokens[fronted.end].text != ",":
            return False
        if fronted.end + 1 == finite and fronted.named and fronted.name_end == fronted.end:
            # "Der Sprecher der X, Konrad Wellner, forderte": the name's closing comma
            return self.tokens[fronted.name_start - 1].text == ","
        first = self.tokens[fronted.end + 1].text if fronted.end + 1 < finite else ""
        relative = {"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher"}
        if first in relative:
            return True
        inserted = self._phrase(fronted.end + 1)
        return inserted is not None and inserted.end == finite - 1

    def _main_subject_speaker(self, index: int) -> Speaker | None:
        """ "Er glaubt an sein Team, warnt allerdings …": the first clause's subject."""
        phrase = self._main_subject()
        if phrase is None or self.tokens[phrase.start].start >= self.tokens[index].start:
            return None
        if self._quoted(phrase.end - 1):
            return None  # «Wir kommen», sagte …: the quotation's subject says nothing
        return self._phrase_speaker(phrase)

    def _subordinate_start(self, index: int, conjunctions: frozenset[str] = _AS) -> int | None:
        """The conjunction ("wie" unless told) opening the verb-final clause the verb at
        `index` ends, maybe before an auxiliary ("…, dass der Minister gewarnt hat")."""
        tokens = self.tokens
        position = index - 1
        while position >= 0 and tokens[position].text not in CLAUSE_ENDS - {"und"}:
            if tokens[position].text.lower() in conjunctions:
                at_start = position == 0 or tokens[position - 1].text in CLAUSE_ENDS
                end = index + 1
                while end < len(tokens) and tokens[end].text in FINITE_AFTER_PARTICIPLE:
                    end += 1
                if at_start and (end == len(tokens) or tokens[end].text in CLAUSE_ENDS):
                    return position
                return None
            position -= 1
        return None

    def _fronted_subject(self, finite: int) -> _Phrase | None:
        """The noun phrase before the finite verb at `finite`, when it is the subject."""
        start = 0
        while start < finite and self.tokens[start].text.lower() in {
            "auch",
            "und",
            "sogar",
            "selbst",
            "nur",
            "allein",
        }:
            start += 1
        # Leading "Berlin (Reuters) -", "Berlin, 13.01.2009:" datelines.
        for position in range(start, finite):
            word = self.tokens[position].text
            if word == ":" or (word in {"–", "—", "-"} and position < 12):
                start = position + 1
        closing = self._closing_mark
        if closing is not None and closing < finite:
            start = max(start, closing + 1)  # «… sein», sagte X: the quotation is no subject
        if start >= finite:
            return None
        first = self.tokens[start].text
        if first.lower() in NOT_SUBJECTS and first.lower() not in NOMINATIVE_DETERMINERS - {"das"}:
            return None
        if PRONOMINAL_ADVERB.match(first):
            return None  # "Daran erinnerte X"
        if first.lower() == "das" and start + 1 == finite:
            return None
        phrase = self._phrase(start, fronted=True)
        if phrase is None:
            return None
        end = phrase.end
        while end < finite and self.tokens[end].text in SUBJECT_PARTICLES:
            end += 1
        if end == finite:
            return phrase
        # An inserted clause: "Alexandre Prémat, der … erzielte, berichtet"
        if self.tokens[end].text == "," and self.tokens[finite - 1].text == ",":
            return phrase
        return None

    def _clause_subject(self, finite: int) -> _Phrase | None:
        """The noun phrase opening the finite verb's own clause after a comma ("…, einige
        sagen:", "…, der Minister betonte") or after a sentence end the splitter missed
        ("… geleistet .Die Fraktion forderte")."""
        tokens = self.tokens
        start = finite
        while start > 0 and tokens[start - 1].text not in CLAUSE_ENDS - {"und"}:
            start -= 1
        if start < 2 or start == finite:
            return None
        boundary, before = tokens[start - 1].text, tokens[start - 2].text
        if boundary != "," and not (boundary in {".", "!", "?"} and before.isalpha()):
            return None
        if tokens[start].text.lower() in INDEFINITE_PRONOUNS and start + 1 == finite:
            return _Phrase(start, finite, determiner=tokens[start].text.lower())
        phrase = self._phrase(start)
        return phrase if phrase is not None and phrase.end == finite else None

    def _subject_after(self, finite: int) -> Speaker | None:
        index = finite + 1
        tokens = self.tokens
        while index < len(tokens):
            word = tokens[index].text
            if (
                word in ADVERBS
                or word.lower() in SUBJECT_PARTICLES
                or word
                in {
                    "deshalb",
                    "zumindest",
                    "derweil",
                    "hingegen",
                    "allerdings",
                    "etwa",
                    "also",
                    "gestern",
                    "jetzt",
                    "rasch",
                    "deutlich",
                    "vorher",
                    "zuletzt",
                    "schon",
                }
            ):
                index += 1
            elif (
                word in {"am", "im"}
                and index + 1 < len(tokens)
                and _capitalised(tokens[index + 1].text)
            ):
                index += 2  # "sagte am Freitag der …"
            else:
                break
        if index >= len(tokens) or tokens[index].text == "es":
            return None
        phrase = self._phrase(index)
        if phrase is None:
            return None
        return self._phrase_speaker(phrase)

    # Noun phrases

    def _noun(self, index: int) -> bool:
        word = self.tokens[index].text
        if _capitalised(word) or AGE.match(word):
            return True
        # "telegate-Vorstandschef", "tagesschau.de", "van der Vaart" (names' particles)
        return bool("-" in word and word.rsplit("-", 1)[1][:1].isupper())

    def _name_run(self, index: int) -> int:
        """The end of a run of capitalised words at `index` (with "van der", "J.", "Dr.")."""
        tokens = self.tokens
        end = index
        while end < len(tokens):
            word = tokens[end].text
            if self._noun(end):
                end += 1
            elif word in {"und", "oder"} and end > index and tokens[end - 1].text.endswith("-"):
                end += 1  # "Wirtschafts- und Verkehrsminister"
            elif (
                word in NAME_PARTICLES
                and end > index
                and (word not in {"der", "den"} or tokens[end - 1].text in NAME_PARTICLES)
                and end + 1 < len(tokens)
                and _capitalised(tokens[end + 1].text)
                and tokens[end - 1].text not in {"des", "der"}
                and not ROLE.search(tokens[end - 1].text)
                and not MEDIA.search(tokens[end + 1].text)
                and not _organisation_noun(tokens[end - 1].text)  # "Akademie von Oberfranken"
            ):
                end += 1
            else:
                break
        return end

    def _phrase(
        self,
        index: int,
        *,
        fronted: bool = False,
        apposition: bool = True,
        definite: bool = False,
        depth: int = 0,
    ) -> _Phrase | None:
        """The noun phrase at token `index`: determiner, adjectives, nouns or a name, then a
        genitive ("der Sprecher der EU-Kommission"), a preposition ("von Kandahar"), and an
        appositive name (", Sajed Agha Sakeb,"), not the addressee ("der Nachrichtenagentur").
        An organisation's name takes its genitive and "für/von/zur/zum" phrases ("Bundesamt
        für Gesundheit"); a name after an organisation noun is the name ("Gewerkschaft
        Verdi"). `definite`: a determiner merged into a preposition before it ("zum").
        `depth`: how many phrases this one is nested in; past `MAX_NESTED_PHRASES` none is
        read, so a chain of thousands of genitives costs no more than a long sentence."""
        tokens = self.tokens
        if index >= len(tokens) or depth > MAX_NESTED_PHRASES:
            return None
        word = tokens[index].text
        if word.lower() in PRONOUNS:
            return _Phrase(index, index + 1, determiner=word)
        determiner = ""
        start = index
        # Particles of names at the start: "van der Vaart", "De Gucht"
        if word in NAME_PARTICLES and word.lower() not in NOMINATIVE_DETERMINERS:
            after = index + 1
            while after < len(tokens) and tokens[after].text in NAME_PARTICLES:
                after += 1
            run_end = self._name_run(after)
            if run_end > after:
                return _Phrase(index, run_end, index, run_end)
        if word.lower() in NOMINATIVE_DETERMINERS | GENITIVE_DETERMINERS | {
            "dem",
            "den",
            "einem",
            "einen",
        }:
            determiner = word.lower()
            index += 1
        while index < len(tokens) and (
            _adjective(tokens[index].text)
            or tokens[index].text in {"ehemals", "ehemalige", "beiden"}
            or (determiner and (tokens[index].text in NUMERALS or tokens[index].text.isdigit()))
            or (determiner and self._adverb_of_adjective(index))
        ):  # "alle drei Regierungen", not "von 219 Todesopfern"; "der weit gereiste Senior"
            index += 1
        if index < len(tokens) and tokens[index].text in {'"', "„", "«", "»", "'"}:
            index += 1  # a quoted name: «Hessisch Niedersächsische Allgemeine»
        head = index
        end = self._name_run(index)
        if end == head:
            return None
        if end == head + 1 and _organisation_noun(tokens[head].text):
            end = self._mention_end(end, persons=False)  # "der Gewerkschaft verdi"
        if end < len(tokens) and tokens[end].text in {'"', "“", "»", "«", "'"}:
            end += 1
        # The name: the capitalised words after the role words ("Landrat Heinz Seiffert").
        name_start = head
        for position in range(head, end):
            word = tokens[position].text.rstrip(".")
            if ROLE.search(word) or word.lower() in FUNCTION_WORDS or AGE.match(word):
                name_start = position + 1  # after the last role: "UEFA Präsident Michel Platini"
        if (
            name_start == head
            and end > head + 1
            and _organisation_noun(tokens[head].text)
            and self._mention_end(head + 1, persons=False) > head + 1
            and self._mention_end(head) == head
        ):
            name_start = head + 1  # "der Sender NTV": the name, not the kind of body
        named = name_start < end
        if name_start == head:
            # "des russischen Verteidigungsministeriums", not "das ehemals größte Institut"
            name_start = start + bool(determiner)
            while name_start < head and (
                _superlative(tokens[name_start].text) or not _adjective(tokens[name_start].text)
            ):
                name_start += 1
        phrase = _Phrase(start, end, name_start if named else -1, end if named else -1, determiner)
        # "(CDU)", "(BdB)", "(29)" after a name
        if end < len(tokens) and tokens[end].text == "(":
            close = next(
                (i for i in range(end, min(end + 6, len(tokens))) if tokens[i].text == ")"), None
            )
            if close is not None:
                end = close + 1
                phrase = _Phrase(start, end, phrase.name_start, phrase.name_end, determiner)
        if named:
            organisation = _organisation_noun(tokens[phrase.name_end - 1].text)
            definite = definite or determiner in {"der", "die", "das"}
            # What follows belongs to the name of an organisation ("Bundesamt für
            # Gesundheit") or of a body described by a common noun ("Hauptquartier der
            # US-Armee"), up to a place ("in Kabul") or an acronym in brackets.
            name_end = phrase.name_end if end == phrase.name_end else -1
            if self._person_at(phrase.name_end - 1) or any(
                _superlative(t.text) for t in tokens[start : phrase.name_end]
            ):
                name_end = -1  # "das größte Institut der Welt": the genitive compares
            while (fronted or definite or organisation) and end < len(tokens):
                following = tokens[end].text.lower()
                genitive = False
                if following in {"von", "vom", "aus", "bei", "beim", "für", "in", "im"} or (
                    organisation and following in {"zur", "zum"}
                ):
                    inner = self._phrase(
                        end + 1,
                        definite=following in {"vom", "beim", "im", "zur", "zum"},
                        depth=depth + 1,
                    )
                elif following in {"des", "der"} or (
                    _adjective(tokens[end].text)
                    and tokens[end].text.endswith("er")  # "Bundesverband deutscher Banken"
                    and tokens[end].text not in VERB_FORMS
                    and end + 1 < len(tokens)
                    and _capitalised(tokens[end + 1].text)
                ):
                    # "Institut der Welt", "Bundesverband deutscher Banken"
                    inner, genitive = self._phrase(end, depth=depth + 1), True
                else:
                    break
                if inner is None or (not fronted and self._addressee(inner)):
                    break
                nouns = sum(_capitalised(t.text) for t in tokens[end + 1 : inner.end])
                if following in {"zur", "zum"} and nouns < 2:
                    break  # "Verein zum Schutz der Hamster", not "sagte der Verein zum Streik"
                if (
                    name_end == end
                    and following not in PLACE_PREPOSITIONS | {"vom"}
                    and (organisation or (genitive and definite))
                    and not (genitive and _place_noun(self._head_word(inner)))
                    # "Kirche von Westfalen", not "fordert der Verband von der Regierung"
                    and not (following in {"von", "für"} and inner.determiner)
                ):
                    name_end = self._name_part_end(end, inner.end)
                end = inner.end
                phrase = _Phrase(start, end, phrase.name_start, phrase.name_end, determiner)
            if name_end > phrase.name_end:
                phrase = _Phrase(start, end, phrase.name_start, name_end, determiner)
            return phrase
        # A role: its genitive or place belongs to it, then maybe an appositive name.
        while end < len(tokens) and tokens[end].text.lower() in {"des", "der", "von", "vom", "für"}:
            skip = tokens[end].text.lower() in {"von", "vom", "für"}
            inner = self._phrase(end + skip, apposition=False, depth=depth + 1)
            if inner is None or self._addressee(inner):
                break
            end = inner.end
        phrase = _Phrase(start, end, -1, -1, determiner)
        if apposition and end + 1 < len(tokens) and tokens[end].text == ",":
            run_end = self._name_run(end + 1)
            if (
                run_end > end + 1
                and (
                    run_end == len(tokens)
                    or tokens[run_end].text in {",", ".", "(", "der", "am", "im", "in"}
                )
                and (
                    self._person_run(end + 1, run_end)
                    or not any(ROLE.search(t.text) for t in tokens[end + 1 : run_end])
                )
            ):
                return _Phrase(start, run_end, end + 1, run_end, determiner)
        return phrase

    def _adverb_of_adjective(self, index: int) -> bool:
        """ "weit" of "der weit gereiste Senior", "sichtlich" of "die sichtlich bewegte
        Trainerin": a lowercase word that qualifies the adjective after it."""
        word = self.tokens[index].text
        return (
            word.isalpha()
            and word.islower()
            and word not in FUNCTION_WORDS | NEGATIONS
            and index + 1 < len(self.tokens)
            and _adjective(self.tokens[index + 1].text)
        )

    def _mention_end(self, index: int, *, persons: bool = True) -> int:
        """The token after the name mention starting at token `index`, else `index`;
        `persons`: a person's name counts (not after "Stiftung": named after someone)."""
        if index >= len(self.tokens):
            return index
        offset = self.start + self.tokens[index].start
        ends = [
            m.end - self.start
            for m in self.names
            if m.start == offset and (persons or m.kind != Kind.PERSON)
        ]
        if not ends:
            return index
        end = index
        while end < len(self.tokens) and self.tokens[end].end <= max(ends):
            end += 1
        return end

    def _head_word(self, phrase: _Phrase) -> str:
        """The first noun of a phrase ("Landes" of "des südamerikanischen Landes")."""
        return next(
            (t.text for t in self.tokens[phrase.start : phrase.end] if _capitalised(t.text)), ""
        )

    def _person_run(self, start: int, end: int) -> bool:
        """Tokens [start, end) are a person's name mention ("Henrik Valtmann", whose
        "-mann" is no role)."""
        first, last = self.tokens[start].start, self.tokens[end - 1].end
        return any(
            m.kind == Kind.PERSON and m.start - self.start == first and m.end - self.start == last
            for m in self.names
        )

    def _apposition_before(self, comma: int) -> int | None:
        """The comma opening the appositive name that the comma at `comma` closes, when the
        name follows a noun phrase ("der Präsident des Vereins, Konrad Wellner,")."""
        opening = next(
            (i for i in range(comma - 1, -1, -1) if self.tokens[i].text in CLAUSE_ENDS), None
        )
        if opening is None or self.tokens[opening].text != "," or opening + 1 >= comma:
            return None
        if self._name_run(opening + 1) != comma or not self._noun(opening - 1):
            return None
        return opening

    def _person_at(self, index: int) -> bool:
        """Token `index` lies in a person's name mention."""
        token = self.tokens[index]
        return any(
            m.kind == Kind.PERSON
            and m.start - self.start <= token.start
            and token.end <= m.end - self.start
            for m in self.names
        )

    def _name_part_end(self, start: int, end: int) -> int:
        """The end of the tokens [start, end) that still belong to a name: up to a place
        ("in Kabul"), an acronym in brackets ("(BAG)"), a comma or a quotation mark."""
        for position in range(start, end):
            word = self.tokens[position].text
            if position > start and word.lower() in PLACE_PREPOSITIONS:
                return position
            if word in {"(", ",", '"', "„", "“", "«", "»"}:
                return position
        return end

    def _addressee(self, phrase: _Phrase) -> bool:
        if phrase.determiner in {"des", "eines"}:
            return False  # a genitive, never who is told: "ein Sprecher des Senders X"
        words = [t.text for t in self.tokens[phrase.start : phrase.end]]
        if any(w in {'"', "„", "«", "»"} for w in words):
            return True
        return any(MEDIA.search(w) or w in MEDIA_ACRONYMS for w in words)

    def _phrase_speaker(self, phrase: _Phrase) -> Speaker:
        tokens = self.tokens
        surface_start, surface_end = tokens[phrase.start].start, tokens[phrase.end - 1].end
        if phrase.named:
            start, end = tokens[phrase.name_start].start, tokens[phrase.name_end - 1].end
            surface = self.text[surface_start:surface_end]
            speaker = self._speaker(start, end, surface=surface)
            if speaker.entity_key is None:
                # "Das Bundesamt für Gesundheit (BAG)": the acronym may name a known body.
                acronym = self._bracketed_entity(phrase.name_end, phrase.end)
                if acronym is not None:
                    return _from_mention(surface, acronym)
            return speaker
        return self._speaker(surface_start, surface_end)

    def _bracketed_entity(self, start: int, end: int) -> FoundMention | None:
        """The known organisation named alone in brackets at token `start` ("(BAG)")."""
        tokens = self.tokens
        if not (start + 2 < end and tokens[start].text == "(" and tokens[start + 2].text == ")"):
            return None
        word = tokens[start + 1]
        return next(
            (
                m
                for m in self.names
                if m.entity is not None
                and m.kind == Kind.ORGANISATION
                and (m.start - self.start, m.end - self.start) == (word.start, word.end)
            ),
            None,
        )

    def _phrase_after(
        self, offset: int, *, genitive: bool, source_noun: bool = False
    ) -> Speaker | None:
        """The noun phrase starting at character `offset` ("einer Mitteilung des Kremls")."""
        index = self._index_at(offset)
        if index is None:
            return None
        if self.tokens[index].text.lower() == "nach":
            index += 1
        while index < len(self.tokens) and self.tokens[index].text in {'"', "„", "«", "»"}:
            index += 1
        if index < len(self.tokens) and self.tokens[index].text in {"eigenen", "eigener"}:
            fronted = self._main_subject()
            return self._phrase_speaker(fronted) if fronted is not None else None
        phrase = self._phrase(index)
        if phrase is None:
            return None
        words = [t.text for t in self.tokens[phrase.start : phrase.end]]
        head = next((w for w in reversed(words) if _capitalised(w)), "")
        if head in SOURCE_NOUNS:
            # "nach Angaben der Polizei", "laut einer Mitteilung des Kremls"
            end = phrase.end
            if end < len(self.tokens) and self.tokens[end].text.lower() in GENITIVE_DETERMINERS | {
                "von"
            }:
                inner = self._phrase(end + (self.tokens[end].text == "von"))
                if inner is not None:
                    return self._phrase_speaker(inner)
            fronted = self._main_subject()
            if fronted is not None:
                return self._phrase_speaker(fronted)
            return None
        return self._phrase_speaker(phrase)

    def _main_subject(self) -> _Phrase | None:
        """The subject of the sentence's first finite clause ("T-Mobile prüft nach eigenen …")."""
        for index, token in enumerate(self.tokens):
            if index == 0 or token.text in CLAUSE_ENDS:
                continue
            if (
                token.text[:1].islower()
                and token.text not in FUNCTION_WORDS
                and self._noun_before(index)
            ):
                if index + 1 < len(self.tokens) and self.tokens[index + 1].text == "er":
                    return _Phrase(index + 1, index + 2, determiner="er")  # "X schloss er aus"
                fronted = self._fronted_subject(index)
                if fronted is not None:
                    return fronted
                after = index + 1
                if after < len(self.tokens) and self.tokens[after].text not in {"es"}:
                    phrase = self._phrase(after)
                    if phrase is not None and phrase.determiner not in {
                        "den",
                        "dem",
                        "einen",
                        "einem",
                    }:
                        return phrase
                return None
        return None

    def _noun_before(self, index: int) -> bool:
        return index > 0 and (self._noun(index - 1) or self.tokens[index - 1].text == ")")

    def _phrase_before(self, end_offset: int) -> Speaker | None:
        """The noun phrase ending at character `end_offset` ("dem Bericht der Zeitung zufolge")."""
        end = next((i for i, t in enumerate(self.tokens) if t.end >= end_offset), None)
        if end is None:
            return None
        start = end
        while start > 0:
            word = self.tokens[start - 1].text
            if (
                self._noun(start - 1)
                or _adjective(word)
                or word.lower()
                in GENITIVE_DETERMINERS
                | {
                    "dem",
                    "den",
                    "einem",
                }
                or word in {'"', "„", "“"}
                # "der Kirche von Nordhalden zufolge": a preposition after an organisation
                or (
                    word.lower() in {"für", "von", "zur", "zum"} | PLACE_PREPOSITIONS
                    and start >= 2
                    and _organisation_noun(self.tokens[start - 2].text)
                )
            ):
                start -= 1
                if word.lower() in {"dem", "den", "einem"}:
                    break  # "zufolge" governs the dative: its determiner opens the phrase
            else:
                break
        determiners = GENITIVE_DETERMINERS | {"dem", "den", "einem"} | {'"', "„"}
        while start <= end and self.tokens[start].text.lower() in determiners:
            start += 1
        # "einer Mitteilung des Bundesamts für … zufolge": the body, not its statement
        if (
            start + 2 <= end
            and self.tokens[start].text in SOURCE_NOUNS
            and self.tokens[start + 1].text.lower() in GENITIVE_DETERMINERS
        ):
            start += 2
        if start > end:
            return None
        phrase = self._phrase(start)
        if phrase is not None and phrase.end == end + 1:
            return self._phrase_speaker(phrase)
        return self._speaker(self.tokens[start].start, self.tokens[end].end)

    def _person_before(self, index: int) -> Speaker | None:
        """The last person named before token `index`, not governed by a preposition."""
        limit = self.tokens[index].start
        for mention in reversed(self.names):
            if mention.kind != Kind.PERSON or mention.end - self.start > limit:
                continue
            before = self.text[: mention.start - self.start].split()
            if before and before[-1].lower() in FUNCTION_WORDS | {"neben", "dem", "den"}:
                continue
            return self._speaker(mention.start - self.start, mention.end - self.start)
        return None

    # Resolving a name or a description to someone

    def _speaker(self, start: int, end: int, surface: str | None = None) -> Speaker:
        """The speaker named by sentence[start:end], resolved through mentions or coreference."""
        name = self.text[start:end].strip(" \"„“«»'")
        surface = surface if surface is not None else self.text[start:end]
        inside = [
            m for m in self.names if start <= m.start - self.start and m.end - self.start <= end
        ]
        words = name.split()
        name_words = set(_name_words(name))
        for kind in (Kind.PERSON, Kind.ORGANISATION, Kind.OTHER):
            for mention in reversed(inside):
                if mention.kind != kind:
                    continue
                resolved = _from_mention(surface, mention)
                # A mention of part of the name ("Max" of "Max Herbst") does not name it.
                if name_words <= set(_name_words(resolved.name)) or (
                    mention.entity is not None and len(words) <= 1
                ):
                    if mention.entity is None:  # a candidate: the text's own words ("H.")
                        return Speaker(surface, _strip_determiner(name), mention.kind.value)
                    return resolved
        # "der Präsident des Verbandes Frank Albrecht", "die Berliner Lehrerin Marianne
        # Strohmeyer": the words before a person's name at the end describe the person
        # (not in "Stiftung Max Herbst", "Akademie von Nordhalden").
        name_end = start + len(self.text[start:end].rstrip(" \"„“«»'"))
        role = any(ROLE.search(w) or PERSON_ROLES.match(w) for w in words)
        for mention in inside:
            if mention.kind != Kind.PERSON or mention.end - self.start != name_end:
                continue
            before = self.text[start : mention.start - self.start].split()
            if before and (
                role or (_capitalised(before[-1]) and not _organisation_noun(before[-1]))
            ):
                return _from_mention(surface, mention)
        if words and (words[-1].lower() in PRONOUNS):
            person = self._last_person(start)
            if person is not None:
                return _from_mention(surface, person)
        if words and (
            AGE.match(words[-1]) or ROLE.search(words[-1]) or PERSON_ROLES.match(words[-1])
        ):
            definite = surface.split()[0].lower() in {"der", "die", "dem", "den", "des"}
            if definite:
                person = self._person_with_role(start, words)
                if person is not None:
                    return _from_mention(surface, person)
        return Speaker(surface=surface, name=_strip_determiner(name))

    def _person_with_role(self, start: int, words: list[str]) -> FoundMention | None:
        """The person an earlier sentence names with this role ("Präsident Putin" for "der
        russische Präsident", "Michael H. (47)" for "der 47-Jährige"), else for a pronoun-like
        role the last person named."""
        earlier = self.persons_before + [
            m for m in self.names if m.kind == Kind.PERSON and m.end - self.start <= start
        ]
        if not earlier:
            return None
        head = words[-1]
        if age := AGE.match(head):
            years = age.group(1)
            for mention in reversed(earlier):
                after = self.full[mention.end : mention.end + 12]
                before = self.full[max(0, mention.start - 20) : mention.start]
                if re.match(rf"\s*(?:\(\s*{years}\s*\)|,\s*{years}\b)", after) or re.search(
                    rf"{years}-[Jj]ährige[rn]?\s+$", before
                ):
                    return mention
            return earlier[-1]
        stem = re.sub(r"(in|innen|en|e|n|s)$", "", head)
        # Nationality adjectives of the role ("russische"): "russ", matching "Russlands".
        modifiers = {
            re.sub(r"isch(e|en|er|es|em)?$", "", w.lower())
            for w in words[:-1]
            if re.search(r"isch(e|en|er|es|em)?$", w)
        }

        def key(mention: FoundMention) -> str:
            return mention.entity.name if mention.entity is not None else mention.surface

        def nationalities(context: str) -> set[str]:
            found = re.findall(r"(\w+?)isch(?:e|en|er|es|em)?\b", context.lower())
            return set(found)

        matched: list[FoundMention] = []
        excluded: set[str] = set()
        for mention in earlier:
            before = self.full[max(0, mention.start - 60) : mention.start]
            after = self.full[mention.end : mention.end + 60]
            role_before = re.search(rf"{re.escape(stem)}\w*\s+(?:[A-ZÄÖÜ][\w-]*\s+)?$", before)
            role_after = re.match(rf",\s+(?:\w+\s+){{0,3}}?{re.escape(stem)}\w*", after)
            if not role_before and not role_after:
                continue
            if modifiers and nationalities(before) and not (modifiers & nationalities(before)):
                excluded.add(key(mention))  # "aserbaidschanischen … Präsident Ilham Aliyev"
                continue
            matched.append(mention)
        matched = [m for m in matched if key(m) not in excluded]
        if modifiers:

            def has_modifier(mention: FoundMention) -> bool:
                window = self.full[max(0, mention.start - 150) : mention.end + 60].lower()
                return any(m in window for m in modifiers)

            with_modifier = [m for m in matched if has_modifier(m)]
            if with_modifier:
                return with_modifier[-1]
            if not matched:
                others = [m for m in earlier if key(m) not in excluded and has_modifier(m)]
                if others:
                    return others[-1]
        if matched:
            return matched[-1]
        if PERSON_ROLES.match(head):
            remaining = [m for m in earlier if key(m) not in excluded]
            return (remaining or earlier)[-1]
        return None

    def _last_person(self, start: int) -> FoundMention | None:
        earlier = [
            m
            for m in self.names
            if m.kind == Kind.PERSON
            and m.end - self.start <= start
            and not self._quoted_at(m.start)
        ]
        candidates = self.persons_before + earlier
        return candidates[-1] if candidates else None


def _name_words(name: str) -> list[str]:
    return [w.lower().rstrip(".") for w in re.findall(r"[\w.&'-]+", name)]


def _from_mention(surface: str, mention: FoundMention) -> Speaker:
    if mention.entity is not None:
        return Speaker(surface, mention.entity.name, mention.kind.value, mention.entity.key)
    return Speaker(surface, mention.candidate or mention.surface, mention.kind.value)


@lru_cache(maxsize=65536)  # bounded: a worker meets new words all day
def _organisation_noun(word: str) -> bool:
    """A noun that names an organisation by itself or as a compound's head ("Gewerkschaft",
    "Bundesamt", "Mieterverein", "SPD-Landtagsfraktion"), not a person's role."""
    last = word.rsplit("-", 1)[-1]
    if not last[:1].isupper() or ROLE.search(last):
        return False
    if word in rules.ORGANISATION_HEADS or rules.cue_kind(last) == Kind.ORGANISATION:
        return True
    if rules.INSTITUTION.fullmatch(last) or ORGANISATION_NOUNS.fullmatch(last):
        return True
    return any(
        kind == Kind.ORGANISATION and ending.fullmatch(last.lower())
        for kind, ending in rules.HEAD_ENDINGS
    )


def _place_noun(word: str) -> bool:
    """A noun for a place ("Stadt", "des Landes", "Landkreises"): a genitive of it says
    where a body is ("das Ministerium des Landes"), it is no part of its name."""
    for stem in (word, word.removesuffix("es"), word.removesuffix("s")):
        if stem in {"Land", "Länder", "Staat", "Kanton"} or rules.cue_kind(stem) == Kind.PLACE:
            return True
    return False


def _superlative(word: str) -> bool:
    """ "größte", "wichtigsten", "älteste": an adjective in the superlative."""
    return re.fullmatch(r"[a-zäöüß]+(?:st|ßt)(?:e|en|er|es|em)", word) is not None


def _capitalised(word: str) -> bool:
    return (
        word[:1].isupper()
        and word.lower() not in FUNCTION_WORDS | NOMINATIVE_DETERMINERS
        and word not in {"Auch", "Und", "Aber", "Doch"}
    )


def _adjective(word: str) -> bool:
    return (
        word[:1].islower()
        and word not in FUNCTION_WORDS
        and word not in ADVERBS
        and word not in NEGATIONS
        and re.fullmatch(r"\w+(e|en|er|es|em)", word) is not None
    )


def _strip_determiner(surface: str) -> str:
    words = surface.split()
    while len(words) > 1 and words[0].lower() in NOMINATIVE_DETERMINERS | GENITIVE_DETERMINERS | {
        "dem",
        "den",
        "einem",
        "einen",
        "beiden",
    }:
        words.pop(0)
    return " ".join(words)
