"""Token features for the sequence model (`model.py`): the same code at training and run time.

Pure code (no Django). A text is cut into tokens (`tokenize`, close to GermEval's
tokenisation: punctuation apart, hyphenated compounds whole); every token gets attribute
strings for crfsuite:
- its own: the lower-cased word, its shape, prefixes and suffixes, HanTa's part of speech
  out of context (capitalised words only: HanTa is faster on those than on lower-case
  words, whose identity and suffixes say enough), the rules' cues from `discovery.py`
  (title or role, organisation head word, place first/head word, club prefix, given
  name, place ending, public body, street, common-noun ending, acronym), CLDR/curated
  place and organisation names (`world.py`);
- its neighbours' (±2): the same, fewer (word, shape, part of speech, cues);
- where it stands in the gazetteer's matches (seed gazetteer and well-known places,
  one automaton over the sentence: begin/inside of a known PER/LOC/ORG name).

A word's attributes depend on the word alone and are cached per word, so a token costs a
few dictionary lookups once its words have been seen. Tagging uses `KnownFeatures`: the
same lists less the attributes the model does not hold (crfsuite ignores those), encoded.
"""

import gzip
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

from newstext.entities import discovery as rules
from newstext.entities.gazetteer import Kind
from newstext.sentences import ABBREVIATIONS

_TOKEN = re.compile(r"\w+(?:[-'’.&/]\w+)*-?|[^\w\s]")
_SQUEEZE = re.compile(r"(.)\1+")
OFFSETS = (-2, -1, 1, 2)
# Sentence openers: a capital after one of these says nothing about a name.
_OPENERS = frozenset('.!?:;«»„“"–—()')


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token ranges of text[start:end] (code points). As in GermEval, a full stop stays with
    an initial, a Roman or ordinal number or an abbreviation ("George W. Bush", "Otto II.",
    "18. Mai", "bzw."), except the sentence's last one."""
    end = len(text) if end is None else end
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    if len(spans) < 3 or text.find(".", start, spans[-1][0]) < 0:
        return spans  # no full stop before the last token
    kept = [spans[0]]
    for index in range(1, len(spans) - 1):
        first, last = spans[index]
        before = kept[-1]
        if (
            text[first] == "."
            and last == first + 1
            and before[1] == first
            and _keeps_full_stop(text[before[0] : before[1]])
        ):
            kept[-1] = (before[0], last)
            continue
        kept.append((first, last))
    kept.append(spans[-1])
    return kept


_ROMAN = re.compile(r"[IVXLC]+")


@lru_cache(maxsize=65536)
def _keeps_full_stop(word: str) -> bool:
    return (
        (len(word) == 1 and word.isalpha())
        or (word.isdigit() and len(word) <= 2)
        or _ROMAN.fullmatch(word) is not None
        or word.lower() in ABBREVIATIONS
    )


def shape(word: str) -> str:
    """ "Xxxxxx" for "Berlin", "XXX" for "CDU", "dddd" for "2014", other characters kept."""
    return "".join(
        "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word
    )


def short_shape(word: str) -> str:
    return _SQUEEZE.sub(r"\1", shape(word))


@cache
def _tagger_words() -> tuple[frozenset[str], frozenset[str], dict[str, str], dict[str, str]]:
    from newstext.entities.world import world_organisations, world_places

    return (
        rules.first_names(),
        rules.FUNCTION_WORDS,
        world_places(),
        world_organisations(),
    )


CLUSTER_FILE = Path(__file__).parent / "data" / "word_clusters.tsv.gz"


@cache
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Word → its cluster numbers, coarse to fine (`training/clusters.py` computes them)."""
    found: dict[str, tuple[str, ...]] = {}
    with gzip.open(CLUSTER_FILE, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, numbers = line.rstrip("\n").split("\t")
            found[word] = tuple(numbers.split())
    return found


@lru_cache(maxsize=262144)
def hanta_analysis(word: str) -> tuple[str, ...]:
    """HanTa on a capitalised word out of context, once per word, as attribute strings:
    its part of speech, how sure HanTa is (a score bucket), its second guess (within 3 of
    the best), and "guessed" when HanTa scored it afresh with more than one analysis
    leading to the best tag (it then gives a numpy score, else a float). One scoring of
    the word's tags (`tag_word`). No lemma: its analysis cost half as much again per new
    word, for a validation F1 within noise (docs/architecture/entity-model.md, *What was
    tried (issue 16)*)."""
    if not word[:1].isupper() or len(word) > 40:
        return ()
    scored = rules._tagger().tag_word(word, cutoff=3)
    if not scored:  # no analysis scored above HanTa's lower bound
        return ()
    (tag, score), *others = scored
    attrs = [f"pos={tag}", f"score={min(int(-float(score) // 5), 7)}"]
    if others:
        attrs.append(f"pos2={others[0][0]}")
    if type(score) is not float:
        attrs.append("guessed")
    return tuple(attrs)


def word_attributes(word: str) -> list[str]:
    """What a word says about itself, as attribute strings without an offset."""
    given_names, function_words, places, organisations = _tagger_words()
    lower = word.lower()
    attrs = [f"w={lower}", f"sh={short_shape(word)}"]
    clusters = word_clusters().get(word)
    if clusters is not None:
        attrs += [f"cl{k}={n}" for k, n in enumerate(clusters)]
    if not word[:1].isalnum():
        return attrs  # punctuation: the word is enough
    capital = word[:1].isupper()
    if capital:
        attrs.append("cap")
        attrs += hanta_analysis(word)
    if word.isupper() and len(word) > 1:
        attrs.append("upper")
    if "-" in word.strip("-"):
        head = word.rstrip("-").rsplit("-", 1)[-1]
        attrs.append(f"hyph_last={head.lower()}")
        attrs.append(f"hyph_first={word.split('-', 1)[0].lower()}")
    kind = rules.cue_kind(word)
    if kind is not None:
        attrs.append(f"cue={kind}")
    for name, words in (
        ("org_head", rules.ORGANISATION_HEADS),
        ("place_first", rules.PLACE_FIRST_WORDS),
        ("place_head", rules.PLACE_HEADS),
        ("club", rules.CLUB_PREFIXES),
        ("foreign_fn", rules.FOREIGN_FUNCTION_WORDS),
    ):
        if word in words:
            attrs.append(name)
    if word in given_names:
        attrs.append("given")
    if word in function_words:
        attrs.append("fn")
    if capital:
        if rules._PLACE_SHAPE.fullmatch(word):
            attrs.append("place_end")
        if rules.INSTITUTION.fullmatch(word):
            attrs.append("institution")
        if rules._STREET.fullmatch(word):
            attrs.append("street")
        if lower.endswith(rules._COMMON_ENDINGS):
            attrs.append("common_end")
        if rules._acronym(word):
            attrs.append("acronym")
        base = lower[:-1] if lower.endswith("s") else lower
        if lower in places or base in places:
            attrs.append("world_place")
        if lower in organisations:
            attrs.append("world_org")
    return attrs


def _own(word: str, attrs: list[str]) -> tuple[str, ...]:
    """The token's own attributes from the word's (`word_attributes`): affixes, length."""
    own = list(attrs)
    lower = word.lower()
    if len(word) > 3 and word[:1].isalnum():
        own += [f"p3={lower[:3]}", f"s2={lower[-2:]}", f"s3={lower[-3:]}", f"s4={lower[-4:]}"]
        own.append(f"len={min(len(word), 12)}")
    return tuple(own)


@lru_cache(maxsize=262144)
def own_features(word: str) -> tuple[str, ...]:
    """The token's own attributes: everything about the word, affixes, length."""
    return _own(word, word_attributes(word))


_CONTEXT_KEEP = ("w=", "sh=", "pos=", "cue=", "given", "fn", "org_head", "place_", "club")


def _context(word: str, attrs: list[str], offset: int) -> tuple[str, ...]:
    kept = [a for a in attrs if a.startswith(_CONTEXT_KEEP)]
    if abs(offset) == 1 and len(word) > 3 and word[:1].isalnum():
        kept.append(f"s3={word[-3:].lower()}")
    return tuple(f"{offset}:{a}" for a in kept)


Row = tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str, str, bool]


def _word_row(word: str) -> Row:
    """Everything about one word a sentence needs: its own attributes, what it says as a
    neighbour at each offset, lower case, cue type, capital."""
    attrs = word_attributes(word)
    return (
        ("bias", *_own(word, attrs)),
        tuple(_context(word, attrs, offset) for offset in OFFSETS),
        word.lower(),
        _cue(word),
        word[:1].isupper(),
    )


_row = lru_cache(maxsize=262144)(_word_row)
_EDGES = tuple((f"{offset}:edge",) for offset in OFFSETS)


def sentence_features(words: Sequence[str], gazetteer_tags: Sequence[str]) -> list[list[str]]:
    """The attribute lists of one sentence's tokens; `gazetteer_tags` per token ("" or
    "B-LOC"/"I-PER" where a known name covers it)."""
    n = len(words)
    rows = [_row(word) for word in words]
    items: list[list[str]] = []
    run_start = 0
    for i, (own, _, lower, _, capital) in enumerate(rows):
        attrs = list(own)
        for k, offset in enumerate(OFFSETS):
            j = i + offset
            attrs += rows[j][1][k] if 0 <= j < n else _EDGES[k]
        if i == 0 or words[i - 1] in _OPENERS:
            attrs.append("opener")
        if i > 0:
            attrs.append(f"bi-={rows[i - 1][2]}|{lower}")
        if i + 1 < n:
            attrs.append(f"bi+={lower}|{rows[i + 1][2]}")
        for j in range(max(0, i - 4), max(0, i - 2)):
            if rows[j][3]:
                attrs.append(f"cue_before={rows[j][3]}")
        if capital:
            if i == 0 or not rows[i - 1][4]:
                run_start = i
            attrs.append(f"run_pos={min(i - run_start, 3)}")
        tag = gazetteer_tags[i]
        if tag:
            attrs.append(f"gaz={tag}")
            attrs.append(f"gaz_kind={tag[2:]}")
        if i > 0 and gazetteer_tags[i - 1]:
            attrs.append(f"-1:gaz={gazetteer_tags[i - 1][2:]}")
        if i + 1 < n and gazetteer_tags[i + 1]:
            attrs.append(f"1:gaz={gazetteer_tags[i + 1][2:]}")
        items.append(attrs)
    return items


# A word's row restricted to one model's attributes: own, as a neighbour at each offset,
# lower case, its "cue_before" attribute (None: no cue or not known), capital, and the
# known bigrams it opens by the next word's lower case ("bi-" for the next token, "bi+"
# for its own).
KnownRow = tuple[
    tuple[bytes, ...],
    tuple[tuple[bytes, ...], ...],
    str,
    bytes | None,
    bool,
    dict[str, bytes],
    dict[str, bytes],
]
_NO_BIGRAMS: dict[str, bytes] = {}


class KnownFeatures:
    """`sentence_features` for tagging with one model: only the attributes the model holds,
    as UTF-8 bytes, in the same order.

    crfsuite skips an attribute its model does not hold, so leaving those out (a fifth of
    them: most word bigrams, rare words and affixes) tags exactly the same, and bytes
    spare python-crfsuite encoding every string. Rows are cached per word, at most
    `MAX_WORDS` (then the oldest quarter goes).
    """

    MAX_WORDS = 100_000

    def __init__(self, known: Iterable[bytes]) -> None:
        # The model's attributes (UTF-8), each to itself: one object per attribute.
        self.known: dict[bytes, bytes] = {a: a for a in known}
        self.rows: dict[str, KnownRow] = {}
        self.edges = tuple(self._known([f"{offset}:edge"]) for offset in OFFSETS)
        self.opener = self._get("opener")
        self.run_pos = tuple(self._get(f"run_pos={k}") for k in range(4))
        # Per gazetteer tag: its own attributes, and the one it gives the token after it
        # ("-1:gaz") and before it ("1:gaz").
        self.gazetteer: dict[str, tuple[tuple[bytes, ...], bytes | None, bytes | None]] = {}
        # Known bigrams by first and second word: "bi-=a|b" is bigrams["bi-"]["a"]["b"].
        # Split at every "|" (a word may be "|"), so every pair that makes a known
        # attribute is there.
        self.bigrams: dict[str, dict[str, dict[str, bytes]]] = {"bi-": {}, "bi+": {}}
        for value in self.known:
            if not value.startswith((b"bi-=", b"bi+=")):
                continue
            by_first = self.bigrams[value[:3].decode()]
            pair = value[4:].decode("utf-8")
            for index, char in enumerate(pair):
                if char == "|":
                    by_first.setdefault(pair[:index], {})[pair[index + 1 :]] = value

    def _get(self, attribute: str) -> bytes | None:
        return self.known.get(attribute.encode())

    def _known(self, attrs: Iterable[str]) -> tuple[bytes, ...]:
        known = self.known
        return tuple(known[a] for a in (a.encode() for a in attrs) if a in known)

    def row(self, word: str) -> KnownRow:
        """The word's row, computed once (`_word_row` restricted and encoded)."""
        row = self.rows.get(word)
        if row is None:
            own, context, lower, cue, capital = _word_row(word)
            row = (
                self._known(own),
                tuple(self._known(attrs) for attrs in context),
                lower,
                self._get(f"cue_before={cue}") if cue else None,
                capital,
                self.bigrams["bi-"].get(lower, _NO_BIGRAMS),
                self.bigrams["bi+"].get(lower, _NO_BIGRAMS),
            )
            if len(self.rows) >= self.MAX_WORDS:
                for old in list(islice(self.rows, self.MAX_WORDS // 4)):
                    del self.rows[old]
            self.rows[word] = row
        return row

    def _gazetteer(self, tag: str) -> tuple[tuple[bytes, ...], bytes | None, bytes | None]:
        found = self.gazetteer.get(tag)
        if found is None:
            found = (
                self._known([f"gaz={tag}", f"gaz_kind={tag[2:]}"]),
                self._get(f"-1:gaz={tag[2:]}"),
                self._get(f"1:gaz={tag[2:]}"),
            )
            self.gazetteer[tag] = found
        return found

    def sentence(self, words: Sequence[str], gazetteer_tags: Sequence[str]) -> list[list[bytes]]:
        """What `sentence_features(words, gazetteer_tags)` gives, less what the model
        does not know, encoded."""
        n = len(words)
        cached = self.rows
        rows = [cached[word] if word in cached else self.row(word) for word in words]
        before2, before1, after1, after2 = self.edges
        opener, run_pos = self.opener, self.run_pos
        items: list[list[bytes]] = []
        run_start = 0
        for i, (own, _, lower, _, capital, _, bigrams_after) in enumerate(rows):
            attrs = [
                *own,
                *(rows[i - 2][1][0] if i >= 2 else before2),
                *(rows[i - 1][1][1] if i >= 1 else before1),
                *(rows[i + 1][1][2] if i + 1 < n else after1),
                *(rows[i + 2][1][3] if i + 2 < n else after2),
            ]
            if i == 0:
                if opener:
                    attrs.append(opener)
            else:
                if opener and words[i - 1] in _OPENERS:
                    attrs.append(opener)
                bigrams = rows[i - 1][5]
                if lower in bigrams:
                    attrs.append(bigrams[lower])
            if i + 1 < n:
                following = rows[i + 1][2]
                if following in bigrams_after:
                    attrs.append(bigrams_after[following])
            for j in (i - 4, i - 3):  # a cue 3-4 words before
                cue = rows[j][3] if j >= 0 else None
                if cue:
                    attrs.append(cue)
            if capital:
                if i == 0 or not rows[i - 1][4]:
                    run_start = i
                position = run_pos[min(i - run_start, 3)]
                if position:
                    attrs.append(position)
            tag = gazetteer_tags[i]
            if tag:
                attrs += self._gazetteer(tag)[0]
            if i > 0 and gazetteer_tags[i - 1]:
                after = self._gazetteer(gazetteer_tags[i - 1])[1]
                if after:
                    attrs.append(after)
            if i + 1 < n and gazetteer_tags[i + 1]:
                before = self._gazetteer(gazetteer_tags[i + 1])[2]
                if before:
                    attrs.append(before)
            items.append(attrs)
        return items


@lru_cache(maxsize=65536)
def _cue(word: str) -> str:
    kind = rules.cue_kind(word) if word[:1].isupper() else None
    return str(kind) if kind is not None else ""


GAZETTEER_KINDS = {Kind.PERSON: "PER", Kind.PLACE: "LOC", Kind.ORGANISATION: "ORG"}
