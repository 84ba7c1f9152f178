"""Token features for the sequence model (`model.py`): the same code at training and run time.

Pure code (no Django). A text is cut into tokens (`tokenize`, close to GermEval's
tokenisation: punctuation apart, hyphenated compounds whole); every token gets attribute
strings for crfsuite:
- its own: the lower-cased word, its shape, prefixes and suffixes, HanTa's part of speech
  and lemma (capitalised words only: HanTa is fast on those and slow on lower-case words,
  whose identity and suffixes say enough), the rules' cues from `discovery.py` (title or
  role, organisation head word, place first/head word, club prefix, given name, place
  ending, public body, street, common-noun ending, acronym), CLDR/curated place and
  organisation names (`world.py`);
- its neighbours' (±2): the same, fewer (word, shape, part of speech, cues);
- where it stands in the gazetteer's matches (seed gazetteer and well-known places,
  one automaton over the sentence: begin/inside of a known PER/LOC/ORG name).

A word's attributes depend on the word alone and are cached per word and offset, so a
token costs a few dictionary lookups once its words have been seen.
"""

import gzip
import re
from collections.abc import Sequence
from functools import cache, lru_cache
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
def pos_and_lemma(word: str) -> tuple[str, str]:
    """HanTa's part of speech and lemma of a capitalised word out of context; cached."""
    if not word[:1].isupper() or len(word) > 40:
        return "", ""
    lemma, tag = rules._tagger().analyze(word)
    return str(tag), str(lemma)


@lru_cache(maxsize=262144)
def lexicon_attributes(word: str) -> tuple[str, ...]:
    """How HanTa knows a capitalised word: its second guess, how sure it is, and whether
    the word is in its lexicon at all (a guessed analysis comes with a numpy score)."""
    if not word[:1].isupper() or len(word) > 40:
        return ()
    tags = rules._tagger().tag_word(word, cutoff=3)
    if not tags:
        return ()
    attrs = [f"score={min(int(-float(tags[0][1]) // 5), 7)}"]
    if len(tags) > 1:
        attrs.append(f"pos2={tags[1][0]}")
    if type(tags[0][1]) is not float:
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
        tag, lemma = pos_and_lemma(word)
        if tag:
            attrs.append(f"pos={tag}")
            if lemma.lower() != lower:
                attrs.append(f"lem={lemma.lower()}")
        attrs += lexicon_attributes(word)
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
        if rules._INSTITUTION.fullmatch(word):
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


@lru_cache(maxsize=262144)
def own_features(word: str) -> tuple[str, ...]:
    """The token's own attributes: everything about the word, affixes, length."""
    attrs = word_attributes(word)
    lower = word.lower()
    if len(word) > 3 and word[:1].isalnum():
        attrs += [f"p3={lower[:3]}", f"s2={lower[-2:]}", f"s3={lower[-3:]}", f"s4={lower[-4:]}"]
        attrs.append(f"len={min(len(word), 12)}")
    return tuple(attrs)


_CONTEXT_KEEP = ("w=", "sh=", "pos=", "cue=", "given", "fn", "org_head", "place_", "club")


@lru_cache(maxsize=262144)
def context_features(word: str, offset: int) -> tuple[str, ...]:
    """A neighbour's attributes, prefixed with its offset ("-1:w=präsident")."""
    kept = [a for a in word_attributes(word) if a.startswith(_CONTEXT_KEEP)]
    if abs(offset) == 1 and len(word) > 3 and word[:1].isalnum():
        kept.append(f"s3={word[-3:].lower()}")
    return tuple(f"{offset}:{a}" for a in kept)


@lru_cache(maxsize=262144)
def _row(word: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str, str, bool]:
    """Everything about one word a sentence needs: its own attributes, what it says as a
    neighbour at each offset, lower case, cue type, capital."""
    return (
        ("bias", *own_features(word)),
        tuple(context_features(word, offset) for offset in OFFSETS),
        word.lower(),
        _cue(word),
        word[:1].isupper(),
    )


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


@lru_cache(maxsize=65536)
def _cue(word: str) -> str:
    kind = rules.cue_kind(word) if word[:1].isupper() else None
    return str(kind) if kind is not None else ""


GAZETTEER_KINDS = {Kind.PERSON: "PER", Kind.PLACE: "LOC", Kind.ORGANISATION: "ORG"}
