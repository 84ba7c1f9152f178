"""The trained sequence model (a linear-chain CRF, crfsuite): names and their types in text.

Pure code (no Django). `find_names(text)` cuts the text into blocks (lines) and sentences,
tokenises them (`features.tokenize`), marks where the seed gazetteer and well-known places
match, and tags every sentence with the CRF (BIO labels over PER, LOC, ORG, OTH). A span's
confidence is the smallest marginal probability of its tokens' labels. A sentence's names
depend on its text alone, so each distinct sentence is tagged once per process
(`find_names` remembers the names of up to 20,000 sentences).

The model file (`data/ner.crfsuite`) is rebuilt by
`python -m newstext.entities.training.train` (`make entity-model`), never at run time;
it is opened once per process (memory-mapped by crfsuite). It is trained on every
labelled sentence, the validation split included; `EVALUATION_MODEL_FILE`, the same
model trained without the validation split, is what validation figures are taken with.
"""

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from newstext.entities.features import KnownFeatures, sentence_features, tokenize
from newstext.entities.gazetteer import Kind, Method
from newstext.entities.matching import Matcher
from newstext.sentences import split_sentences

MODEL_FILE = Path(__file__).parent / "data" / "ner.crfsuite"
# The same features and settings trained without the validation sentences: what the
# validation figures (tests, benchmarks, `make entity-model`) are measured with, since
# the shipped model has seen those sentences.
EVALUATION_MODEL_FILE = Path(__file__).parent / "training" / "data" / "ner-train-only.crfsuite"
# How `find_mentions` credits the model with a name it proposes: "sequence model (0.87)".
EVIDENCE = "sequence model"
KINDS = {"PER": Kind.PERSON, "LOC": Kind.PLACE, "ORG": Kind.ORGANISATION, "OTH": Kind.OTHER}
# A sentence longer than this (a list, a table flattened into text) is tagged in pieces.
MAX_SENTENCE_TOKENS = 200
_BLOCK = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class TaggedSpan:
    """Tokens first..last-1 of a sentence make one name of `kind`."""

    first: int
    last: int
    kind: Kind
    confidence: float


@dataclass(frozen=True)
class Name:
    """A name found in a text at text[start:end] (code points)."""

    start: int
    end: int
    kind: Kind
    confidence: float


# A name in a sentence: start and end within it, type, confidence.
SentenceName = tuple[int, int, Kind, float]
# The names found in each sentence seen so far, per tagger `tagger()` opened (by
# id(tagger)), at most `MAX_SEEN_SENTENCES` each (then the oldest quarter goes). A
# sentence's names depend on its text alone (its tokens and the seed gazetteer's matches
# in it are found within it), and news repeat sentences: agency copies, boilerplate.
_SENTENCE_NAMES: dict[int, dict[str, tuple[SentenceName, ...]]] = {}
MAX_SEEN_SENTENCES = 20_000

# The features of the taggers `tagger()` opened (which live as long as the process), by
# id(tagger): only what their model knows. Another tagger gets every feature.
_KNOWN_FEATURES: dict[int, KnownFeatures] = {}


@cache
def tagger(path: Path = MODEL_FILE) -> Any:
    """The crfsuite tagger over the model file, opened once per process and path."""
    import pycrfsuite  # type: ignore[import-untyped]

    opened = pycrfsuite.Tagger()
    opened.open(str(path))
    _KNOWN_FEATURES[id(opened)] = KnownFeatures(model_attributes(path))
    _SENTENCE_NAMES[id(opened)] = {}
    return opened


def model_attributes(path: Path) -> list[bytes]:
    """Every attribute a crfsuite model file holds (UTF-8), read from its attribute dictionary
    (crfsuite's CRF1d format: a header of offsets, the attributes in a CQDB whose
    backward array gives each string by id)."""
    data = path.read_bytes()
    magic, _, kind, _, _, _, count, _, _, offset = struct.unpack_from("<4sI4s7I", data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a crfsuite CRF1d model")
    chunk, _, _, _, size, backward = struct.unpack_from("<4s5I", data, offset)
    if chunk != b"CQDB" or size != count or not backward:
        raise ValueError(f"{path}: no attribute dictionary with {count} strings")
    attributes = []
    for record in struct.unpack_from(f"<{size}I", data, offset + backward):
        start = offset + record + 8
        (length,) = struct.unpack_from("<I", data, start - 4)
        attributes.append(data[start : start + length - 1])  # without the NUL
    return attributes


def evaluation_tagger() -> Any:
    """The model trained without the validation split, for scoring on it."""
    return tagger(EVALUATION_MODEL_FILE)


@cache
def feature_matcher() -> Matcher:
    """The gazetteer the model's features were trained with: the seed gazetteer and
    well-known places and organisations (not the app's, which changes)."""
    from newstext.entities import seed_matcher

    return seed_matcher()


def gazetteer_tags(text: str, spans: Sequence[tuple[int, int]], matcher: Matcher) -> list[str]:
    """Per token: "B-LOC"/"I-LOC" etc. where a known name covers it, "B-DER" for a derived
    form ("russische"), else ""."""
    tags = [""] * len(spans)
    if not spans:
        return tags
    found = matcher.find(text[spans[0][0] : spans[-1][1]])
    offset = spans[0][0]
    index = 0
    for mention in found:
        start, end = mention.start + offset, mention.end + offset
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        kind = "DER" if mention.method == Method.DERIVED else str(mention.kind)
        j = index
        while j < len(spans) and spans[j][0] < end:
            tags[j] = ("B-" if j == index else "I-") + kind
            j += 1
    return tags


def tag_sentence(words: Sequence[str], gaz: Sequence[str], model: Any = None) -> list[TaggedSpan]:
    """The names in one tokenised sentence, with their types and confidences."""
    if not words:
        return []
    model = model if model is not None else tagger()
    known = _KNOWN_FEATURES.get(id(model))
    model.set(known.sentence(words, gaz) if known else sentence_features(words, gaz))
    labels = model.tag()
    spans: list[TaggedSpan] = []
    first, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        if first < 0 and label == "O":
            continue
        if first >= 0 and not (label.startswith("I-") and label[2:] == kind):
            if kind in KINDS:  # not a derived form or a part of a word ("LOCderiv")
                confidence = min(model.marginal(labels[k], k) for k in range(first, index))
                spans.append(TaggedSpan(first, index, KINDS[kind], confidence))
            first = -1
        if label.startswith("B-") or (label.startswith("I-") and first < 0):
            first, kind = index, label[2:]
    return spans


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """Sentences of `text`: its lines cut at sentence ends."""
    ranges: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        ranges += [(s.start, s.end) for s in split_sentences(text, block.start(), block.end())]
    return ranges


def find_names(text: str, *, model: Any = None) -> list[Name]:
    """Every name the model finds in `text`, in text order, with its type and confidence."""
    matcher = feature_matcher()
    model = model if model is not None else tagger()
    seen = _SENTENCE_NAMES.get(id(model))
    names: list[Name] = []
    for start, end in sentence_ranges(text):
        sentence = text[start:end]
        found = seen.get(sentence) if seen is not None else None
        if found is None:
            found = sentence_names(sentence, matcher, model)
            if seen is not None:
                if len(seen) >= MAX_SEEN_SENTENCES:
                    for old in list(islice(seen, MAX_SEEN_SENTENCES // 4)):
                        seen.pop(old, None)  # another thread may have dropped it
                seen[sentence] = found
        names += [Name(start + first, start + last, kind, p) for first, last, kind, p in found]
    return names


def forget_sentences() -> None:
    """Forget the names of the sentences seen so far (benchmarks time tagging with it)."""
    for seen in _SENTENCE_NAMES.values():
        seen.clear()


def sentence_names(sentence: str, matcher: Matcher, model: Any) -> tuple[SentenceName, ...]:
    """The names in one sentence (as `sentence_ranges` cuts them), offsets within it."""
    spans = tokenize(sentence)
    names: list[SentenceName] = []
    for piece in range(0, len(spans), MAX_SENTENCE_TOKENS):
        chunk = spans[piece : piece + MAX_SENTENCE_TOKENS]
        words = [sentence[s:e] for s, e in chunk]
        for tagged in tag_sentence(words, gazetteer_tags(sentence, chunk, matcher), model):
            names.append(
                (chunk[tagged.first][0], chunk[tagged.last - 1][1], tagged.kind, tagged.confidence)
            )
    return tuple(names)
