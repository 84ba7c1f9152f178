"""Claim suggestions: sentences that attribute a statement to someone, or state figures.

Pure code (no Django). A rule set over one article's sentences:
- attribution cues: a reporting verb ("sagte", "bestritt", separable "teilte … mit",
  "räumte … ein", participles "mitgeteilt"), not negated ("nicht angegeben"); a quotation
  in «», „“ or »«; "laut X", "nach Angaben X", "X-Angaben", "X zufolge", "hieß es in
  … X"; a headline "Name: …"; and indirect speech (Konjunktiv: "sei", "hätten") or
  "Demnach" right after an attribution, which continues it;
- the speaker: the subject after an inverted verb (", sagte Putin", "hatte der Kreml
  mitgeteilt"), else the subject before it ("Der Kreml teilte … mit"), else the noun
  phrase of a "laut"/"nach Angaben"/"zufolge" cue; pronouns and role words ("er", "die
  Journalistin") stand for the last person named; a name is resolved through the
  entity mentions found in the text (`newstext.entities.find_mentions`);
- figures: a number of people or things ("38 Menschen", "67 Personen an Bord"), not
  dates, years or ordinals.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from newstext.entities import FoundMention, Kind, Method
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
    "sagen": "sagt sagte sagten sagen gesagt",
    "erklären": "erklärt erklärte erklärten erklären",
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
    "beschreiben": "beschreibt beschrieb beschrieben",
    "warnen": "warnt warnte warnten gewarnt",
    "danken": "dankt dankte dankten gedankt",
    "entschuldigen": "entschuldigt entschuldigte",
    "melden": "meldet meldete meldeten gemeldet",
    "angeben": "angegeben gab…an gibt…an angab",
    "verkünden": "verkündet verkündete verkündeten",
    "bestätigen": "bestätigt bestätigte bestätigten",
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
    ]
)
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
LAUT = re.compile(r"(?<!\w)[Ll]aut\s+")
NACH_ANGABEN = re.compile(r"(?<!\w)[Nn]ach\s+(?:\w+\s+)?Angaben\s+")
DASH_ANGABEN = re.compile(r"(?<!\w)([A-ZÄÖÜ][\w]*)-Angaben(?!\w)")
ZUFOLGE = re.compile(r"([\w ]{3,60}?)\s+zufolge(?!\w)")
HIESS_ES = re.compile(r"(?<!\w)hieß es\b(?:\s+(?:in|aus|von)\s+(?:\w+\s+){0,2}?(?=des |der ))?")
HEADLINE = re.compile(r"^([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+){0,2}):\s")
DEMNACH = re.compile(r"^(Demnach|Demzufolge|Dabei)\b")
FIGURE = re.compile(
    r"(?<![\w.,-])(?!(?:19|20)\d\d(?!\d))(\d{1,3}(?:\.\d{3})*|\d+)(?![\w.,-]|\.\d)\s+"
    r"(?:[a-zäöüß]+(?:e|en|er)\s+)?(?:[A-ZÄÖÜ]\w+|an Bord|ums Leben)"
)
NUMBER_WORDS = re.compile(
    r"(?<!\w)(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert|"
    r"tausend|Dutzende)\s+(?:\w+e[nr]?\s+)?(Menschen|Personen|Tote|Toten|Verletzte|"
    r"Soldaten|Piloten|Zivilisten|Opfer|Passagiere)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\w[\w'’]*(?:-\w+)*|[^\w\s]")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # into the sentence
    end: int


@dataclass(frozen=True)
class _VerbForm:
    infinitive: str
    particle: str  # "" unless separable


def _verb_forms() -> dict[str, list[_VerbForm]]:
    forms: dict[str, list[_VerbForm]] = {}
    for infinitive, spec in REPORTING_VERBS.items():
        for form in spec.split():
            word, _, particle = form.partition("…")
            forms.setdefault(word, []).append(_VerbForm(infinitive, particle))
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
    names = [m for m in mentions if m.method != Method.DERIVED and m.kind != Kind.PLACE]
    suggestions: list[Suggestion] = []
    previous: Suggestion | None = None  # the sentence before, when it was an attribution
    recent: Suggestion | None = None  # the last attribution
    for sentence in split_blocks(text, blocks):
        context = _Sentence(text, sentence.start, sentence.end, names)
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


class _Sentence:
    """One sentence, its tokens, and the names mentioned in and before it."""

    def __init__(self, text: str, start: int, end: int, names: Sequence[FoundMention]) -> None:
        self.start, self.end = start, end
        self.text = text[start:end]
        self.tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.text)]
        self.names = [m for m in names if start <= m.start and m.end <= end]
        self.persons_before = [m for m in names if m.kind == Kind.PERSON and m.end <= start]

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
        return Suggestion(self.start, self.end, self.text, SuggestionKind.ATTRIBUTION, cue, speaker)

    def _cue_and_speaker(self) -> tuple[str | None, Speaker | None]:
        if headline := HEADLINE.match(self.text):
            return "headline", self._speaker(0, headline.end(1))
        if hiess := HIESS_ES.search(self.text):
            return "hieß es", self._phrase_after(hiess.end(), genitive=True)
        verb = self._reporting_verb()
        if verb is not None:
            index, infinitive = verb
            return infinitive, self._verb_subject(index) or self._cue_speaker()
        speaker = self._cue_speaker()
        if speaker is not None:
            return self._cue_name(), speaker
        if QUOTATION.search(self.text):
            return "quotation", None
        return None, None

    def _cue_name(self) -> str:
        if LAUT.search(self.text):
            return "laut"
        if NACH_ANGABEN.search(self.text) or DASH_ANGABEN.search(self.text):
            return "nach Angaben"
        return "zufolge"

    def _cue_speaker(self) -> Speaker | None:
        if laut := LAUT.search(self.text):
            return self._phrase_after(laut.end(), genitive=True)
        if angaben := NACH_ANGABEN.search(self.text):
            return self._phrase_after(angaben.end(), genitive=True)
        if dash := DASH_ANGABEN.search(self.text):
            return self._speaker(dash.start(1), dash.end(1))
        if zufolge := ZUFOLGE.search(self.text):
            words = zufolge.group(1).split()
            phrase = " ".join(words[-3:])
            offset = zufolge.end(1) - len(phrase)
            return self._speaker(offset, zufolge.end(1))
        return None

    def _continues_speech(self) -> bool:
        words = {token.text for token in self.tokens}
        return bool(DEMNACH.match(self.text)) or bool(words & SUBJUNCTIVE)

    def _reporting_verb(self) -> tuple[int, str] | None:
        """The first reporting verb that is not negated: (token index, infinitive)."""
        for index, token in enumerate(self.tokens):
            for form in VERB_FORMS.get(token.text, ()):
                if form.particle and self._clause_end_word(index) != form.particle:
                    continue
                if not self._negated(index):
                    return index, form.infinitive
        return None

    def _clause_end_word(self, index: int) -> str:
        """The last word of the clause that token `index` is in."""
        last = self.tokens[index].text
        for token in self.tokens[index + 1 :]:
            if token.text in CLAUSE_ENDS:
                break
            last = token.text
        return last

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
        return bool(NEGATIONS & set(window))

    def _verb_subject(self, index: int) -> Speaker | None:
        """The subject of the reporting verb at `index`: after it when inverted, else before."""
        tokens = self.tokens
        inverted_tag = index > 0 and tokens[index - 1].text in {",", "»", "«", "“", "”"}
        # A participle's auxiliary ("hatte der Kreml mitgeteilt") is the finite verb.
        finite = index
        for position in range(index - 1, -1, -1):
            if tokens[position].text in CLAUSE_ENDS:
                break
            if tokens[position].text in AUXILIARIES:
                finite = position
                break
        if inverted_tag:
            return self._noun_phrase(finite + 1)
        initial_end = self._initial_phrase_end()
        if initial_end is not None and initial_end == finite:
            return self._speaker(0, tokens[finite - 1].end)
        after = self._noun_phrase(finite + 1)
        if after is not None:
            return after
        if index > 0 and tokens[index - 1].text == "und":
            return self._person_before(index)
        return None

    def _initial_phrase_end(self) -> int | None:
        """Token index just after a sentence-initial noun phrase (with one "in X"), or None."""
        end = self._phrase_end(0, NOMINATIVE_DETERMINERS | PRONOUNS)
        if end is None:
            return None
        if end < len(self.tokens) and self.tokens[end].text in {"in", "aus", "von"}:
            return self._phrase_end(end + 1, NOMINATIVE_DETERMINERS) or end
        return end

    def _phrase_end(self, index: int, determiners: frozenset[str]) -> int | None:
        """The end of a noun phrase starting at `index` (determiner, adjectives, nouns)."""
        tokens = self.tokens
        if index >= len(tokens):
            return None
        word = tokens[index].text
        if word.lower() in PRONOUNS:
            return index + 1
        if word.lower() in determiners:
            index += 1
        while index < len(tokens) and _adjective(tokens[index].text):
            index += 1
        start = index
        while index < len(tokens) and _capitalised(tokens[index].text):
            index += 1
        return index if index > start else None

    def _noun_phrase(self, index: int) -> Speaker | None:
        while index < len(self.tokens) and self.tokens[index].text in ADVERBS:
            index += 1
        if index >= len(self.tokens) or self.tokens[index].text == "es":
            return None
        end = self._phrase_end(index, NOMINATIVE_DETERMINERS | PRONOUNS)
        if end is None:
            return None
        return self._speaker(self.tokens[index].start, self.tokens[end - 1].end)

    def _phrase_after(self, offset: int, *, genitive: bool) -> Speaker | None:
        """The noun phrase starting at character `offset` ("einer Mitteilung des Kremls")."""
        index = next((i for i, t in enumerate(self.tokens) if t.start >= offset), None)
        if index is None:
            return None
        determiners = NOMINATIVE_DETERMINERS | (GENITIVE_DETERMINERS if genitive else frozenset())
        end = self._phrase_end(index, determiners)
        if end is None:
            return None
        # "einer Mitteilung des Kremls": the genitive names who speaks.
        if end < len(self.tokens) and self.tokens[end].text.lower() in GENITIVE_DETERMINERS:
            inner = self._phrase_end(end, determiners)
            if inner is not None:
                index, end = end, inner
        if end < len(self.tokens) and self.tokens[end].text == "in":
            end = self._phrase_end(end + 1, determiners) or end
        return self._speaker(self.tokens[index].start, self.tokens[end - 1].end)

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

    def _speaker(self, start: int, end: int) -> Speaker:
        """The speaker named by sentence[start:end], resolved through mentions or coreference."""
        surface = self.text[start:end]
        inside = [
            m for m in self.names if start <= m.start - self.start and m.end - self.start <= end
        ]
        for kind in (Kind.PERSON, Kind.ORGANISATION, Kind.OTHER):
            for mention in reversed(inside):
                if mention.kind == kind:
                    return _from_mention(surface, mention)
        words = surface.split()
        if words and (words[-1].lower() in PRONOUNS or PERSON_ROLES.match(words[-1])):
            person = self._last_person(start)
            if person is not None:
                return _from_mention(surface, person)
        return Speaker(surface=surface, name=_strip_determiner(surface))

    def _last_person(self, start: int) -> FoundMention | None:
        earlier = [m for m in self.names if m.kind == Kind.PERSON and m.end - self.start <= start]
        candidates = self.persons_before + earlier
        return candidates[-1] if candidates else None


def _from_mention(surface: str, mention: FoundMention) -> Speaker:
    if mention.entity is not None:
        return Speaker(surface, mention.entity.name, mention.kind.value, mention.entity.key)
    return Speaker(surface, mention.candidate or mention.surface, mention.kind.value)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in FUNCTION_WORDS | NOMINATIVE_DETERMINERS


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
    while words and words[0].lower() in NOMINATIVE_DETERMINERS | GENITIVE_DETERMINERS:
        words.pop(0)
    return " ".join(words)
