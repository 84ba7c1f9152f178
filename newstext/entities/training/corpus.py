"""The training data (`data/`, see its README): labelled sentences as tokens and BIO labels.

Labels are mapped to B-/I- of PER, LOC, ORG and OTH: GermEval's outer layer as it is,
its "-deriv" and "-part" labels ("deutschen", "EU-Kommission") to O, since the project
counts neither as a mention of a name; German LER's 19 classes by its README's mapping
(person, judge, lawyer → PER; country, city, street, landscape → LOC; organisation,
company, institution, court, brand → ORG; norms, decisions, literature → O).

The validation split: every second sentence of GermEval's dev file (odd positions,
1,100 sentences, news and Wikipedia alike). It is never trained on. LER is not used by
default: it made validation scores worse (see `data/README.md`).
"""

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
GERMEVAL_DEV = DATA / "NER-de-dev.tsv.gz"
GERMEVAL_EXTRA = DATA / "NER-de-extra.tsv.gz"
LER_FILES = (DATA / "ler_dev.conll.gz", DATA / "ler_test.conll.gz")
LER_CLASSES = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "ORG",
}
GERMEVAL_CLASSES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "OTH"}


@dataclass(frozen=True)
class Labelled:
    words: list[str]
    labels: list[str]
    source: str  # "germeval-dev", "germeval-extra", "ler"


def _mapped(tag: str, classes: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = classes.get(kind)
    return f"{prefix}-{mapped}" if mapped else "O"


def _repaired(labels: list[str]) -> list[str]:
    """An I- whose name was dropped (a mapped-away class) starts a name: I- → B-."""
    out: list[str] = []
    for label in labels:
        if label.startswith("I-") and (not out or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


def read_germeval(path: Path, source: str) -> Iterator[Labelled]:
    words: list[str] = []
    labels: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in [*lines, "\n"]:
            if line.startswith("#"):
                continue
            if not line.strip():
                if words:
                    yield Labelled(words, _repaired(labels), source)
                words, labels = [], []
                continue
            parts = line.rstrip("\n").split("\t")
            words.append(parts[1])
            labels.append(_mapped(parts[2], GERMEVAL_CLASSES))


def read_ler(path: Path) -> Iterator[Labelled]:
    words: list[str] = []
    labels: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in [*lines, "\n"]:
            parts = line.split()
            if not parts:
                if words:
                    yield Labelled(words, _repaired(labels), "ler")
                words, labels = [], []
                continue
            words.append(parts[0])
            labels.append(_mapped(parts[-1], LER_CLASSES) if len(parts) > 1 else "O")


def splits(*, ler: bool = False) -> tuple[list[Labelled], list[Labelled]]:
    """(training, validation): validation is every second GermEval dev sentence."""
    dev = list(read_germeval(GERMEVAL_DEV, "germeval-dev"))
    validation = dev[1::2]
    training = dev[0::2] + list(read_germeval(GERMEVAL_EXTRA, "germeval-extra"))
    if ler:
        for path in LER_FILES:
            training += list(read_ler(path))
    return training, validation


def validation_indices() -> range:
    """Positions of the validation sentences in GermEval's dev file."""
    return range(1, 2200, 2)
