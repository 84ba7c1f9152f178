"""A deterministic synthetic corpus of German news files, made from `fixtures/seeds/`.

Every file takes the layout of one seed (its line breaks, blank-line runs, subheadings,
boilerplate lines and the subheading glued into a paragraph of seed 001), with the
sentences of each paragraph and the paragraphs between two subheadings shuffled and the
people renamed. On top of that every file draws the seeds' metadata quirks: a ` date
YYYY-MM-DD ` or ` date YYYY-MM ` prefix, a dateline `Ort (dpa) – `, a `Quellen: …`
trailer, an extra boilerplate line. File `i` depends only on (`seed`, `i`), so a corpus of
1,000 files is the first 1,000 files of one of 10,000.

No Django imports: the corpus is plain text for the loader to read.
"""

import datetime
import hashlib
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newstext.parsing import BOILERPLATE_FILE, is_heading

SEEDS_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

# How often a file gets each quirk (the seeds have each in one or two of five files).
DATE_PREFIX_SHARE = 0.5
MONTH_PRECISION_SHARE = 0.3
DATELINE_SHARE = 0.4
TRAILER_SHARE = 0.3
EXTRA_BOILERPLATE_SHARE = 0.3
# A paragraph sometimes loses a sentence or borrows one from another seed.
DROP_SENTENCE_SHARE = 0.2
BORROW_SENTENCE_SHARE = 0.2

DATELINE_PLACES = [
    "Berlin",
    "Moskau",
    "Baku",
    "Duschanbe",
    "Kiew",
    "Tiflis",
    "Eriwan",
    "Brüssel",
    "Astana",
    "Istanbul",
    "Wien",
    "Berlin/Moskau",
]
AGENCIES = ["dpa", "dpa", "AFP", "Reuters", "dpa/AFP", "epd", "KNA", "dpa/Reuters"]
CITED_OUTLETS = [
    "The Moscow Times",
    "Digi24",
    "Euronews",
    "Interfax",
    "Tass",
    "Kyiv Independent",
    "BBC",
    "Le Monde",
    "Der Spiegel",
    "Tagesschau",
    "Neue Zürcher Zeitung",
    "Radio Free Europe",
    "APA",
    "Meduza",
]

# The people of the seeds: (first name, surname spellings, is female).
SEED_PEOPLE: list[tuple[str, tuple[str, ...], bool]] = [
    ("Wladimir", ("Putin",), False),
    ("Ilham", ("Aliyev", "Alijew"), False),
    ("Wolodymyr", ("Selenskyj",), False),
    ("Ivan", ("Kovgan",), False),
    ("Nigar", ("Hasanova",), True),
    ("Ramiz", ("Mehdiyev",), False),
]
FIRST_NAMES_MALE = [
    "Andrej",
    "Boris",
    "Elchin",
    "Farid",
    "Georgi",
    "Jaroslaw",
    "Konstantin",
    "Mikhail",
    "Oleg",
    "Rustam",
    "Tamerlan",
    "Viktor",
    "Jonas",
    "Markus",
]
FIRST_NAMES_FEMALE = [
    "Aygun",
    "Darja",
    "Jelena",
    "Leyla",
    "Maria",
    "Natalja",
    "Olena",
    "Sabina",
    "Tamara",
    "Anna",
]
# No surname ends in s, x or z, so the genitive is always surname + "s".
SURNAMES = [
    "Sorokin",
    "Mammadov",
    "Petrenko",
    "Kowalenko",
    "Huseynov",
    "Morozov",
    "Brandt",
    "Lindqvist",
    "Gasimov",
    "Novak",
    "Tamm",
    "Berger",
    "Kuznezow",
    "Ivanenko",
    "Arslan",
    "Wolff",
    "Jansen",
    "Demir",
    "Schulte",
    "Orlow",
    "Rahimov",
    "Bondarenko",
]

_DATE_PREFIX = re.compile(r"\A\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
_DATELINE = re.compile(r"\A[A-ZÄÖÜ][\w.'/ -]{0,40}?\s*\([^()\n]{1,40}\)\s*[–—-]\s+")
_TRAILER = re.compile(r"\n\s*Quellen?\s*:[^\n]*\s*\Z", re.IGNORECASE)
# A sentence ends at . ! ? after a lower-case letter or bracket (not "20." or "U."),
# or at a closing quote after one of them, before an upper-case or quoted start.
_SENTENCE_BREAK = re.compile(r"(?:(?<=[a-zäöüß)][.!?])|(?<=[.!?][«»“\"]))\s+(?=[„»«\"A-ZÄÖÜ])")
# A sentence that opens with a subheading whose line break was lost ("Putin: Flugzeug
# … getroffen Die Ermittlungen …"): it must not open its paragraph, or the loader
# could not see the heading any more.
_GLUED_HEADING_START = re.compile(r"\A[A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?: ")
_LINE_BREAKS = re.compile(r"(\n+)")


@dataclass(frozen=True)
class Paragraph:
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class FixedLine:
    """A subheading or a boilerplate line: stays where the seed has it."""

    text: str


@dataclass(frozen=True)
class SeedLayout:
    """A seed taken apart: its lines and the line breaks after each one."""

    name: str
    lines: tuple[Paragraph | FixedLine, ...]
    breaks: tuple[str, ...]


@cache
def seed_layouts() -> tuple[SeedLayout, ...]:
    """The seeds in `fixtures/seeds/`, without their metadata, split into lines."""
    return tuple(_layout(path) for path in sorted(SEEDS_DIR.glob("*.txt")))


@cache
def boilerplate_texts() -> tuple[str, ...]:
    """The boilerplate lines the loader drops, as they appear on web pages."""
    lines = BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _layout(path: Path) -> SeedLayout:
    text = path.read_text(encoding="utf-8")
    text = _DATE_PREFIX.sub("", text, count=1)
    text = _DATELINE.sub("", text, count=1)
    text = _TRAILER.sub("", text)
    parts = _LINE_BREAKS.split(text.strip())
    boilerplate = {line.casefold() for line in boilerplate_texts()}
    lines: list[Paragraph | FixedLine] = []
    for line in parts[::2]:
        if line.strip().casefold() in boilerplate or is_heading(line):
            lines.append(FixedLine(line.strip()))
        else:
            lines.append(Paragraph(tuple(_SENTENCE_BREAK.split(line.strip()))))
    return SeedLayout(path.name, tuple(lines), (*parts[1::2], ""))


def corpus_article(index: int, *, seed: int = 0) -> str:
    """The text of file `index` of the corpus made with `seed`."""
    rng = random.Random(f"newsdesk-corpus:{seed}:{index}")  # noqa: S311 - test data, not secrets
    layouts = seed_layouts()
    layout = rng.choice(layouts)
    lines = _shuffled(layout, rng, borrowed=_sentence_pool(layouts))
    breaks = list(layout.breaks)
    if rng.random() < EXTRA_BOILERPLATE_SHARE and len(lines) > 2:
        at = rng.randrange(1, len(lines) - 1)
        lines.insert(at, rng.choice(boilerplate_texts()))
        breaks.insert(at, breaks[at - 1])
    body = "".join(line + brk for line, brk in zip(lines, breaks, strict=True))
    body = _renamed(body, rng)

    if rng.random() < DATELINE_SHARE:
        body = f"{rng.choice(DATELINE_PLACES)} ({rng.choice(AGENCIES)}) – {body}"
    if rng.random() < DATE_PREFIX_SHARE:
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(3 * 365))
        if rng.random() < MONTH_PRECISION_SHARE:
            body = f" date {day:%Y-%m} {body}"
        else:
            body = f" date {day:%Y-%m-%d} {body}"
    if rng.random() < TRAILER_SHARE:
        names = rng.sample(CITED_OUTLETS, rng.randint(1, 3))
        cited = ", ".join(names)
        if len(names) > 1 and rng.random() < 0.5:
            cited = f"{', '.join(names[:-1])} und {names[-1]}"
        body = f"{body}\nQuellen: {cited}"
    return body


def corpus_write(folder: Path, *, count: int, seed: int = 0) -> list[Path]:
    """Write `count` files of the corpus into `folder`; the same seed writes the same files.

    File names are `NNNNNN_<hash>.txt`, like the seeds', so every file is a new article.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        text = corpus_article(index, seed=seed)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        path = folder / f"{index:06d}_{digest}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@cache
def _sentence_pool(layouts: tuple[SeedLayout, ...]) -> tuple[str, ...]:
    return tuple(
        sentence
        for layout in layouts
        for line in layout.lines
        if isinstance(line, Paragraph)
        for sentence in line.sentences
        if not _GLUED_HEADING_START.match(sentence)
    )


def _shuffled(layout: SeedLayout, rng: random.Random, *, borrowed: tuple[str, ...]) -> list[str]:
    """The seed's lines with sentences shuffled and paragraphs shuffled between fixed lines."""
    lines: list[str] = []
    run: list[str] = []
    for line in (*layout.lines, None):
        if isinstance(line, Paragraph):
            run.append(_shuffled_paragraph(line, rng, borrowed=borrowed))
            continue
        rng.shuffle(run)
        lines.extend(run)
        run = []
        if line is not None:
            lines.append(line.text)
    return lines


def _shuffled_paragraph(
    paragraph: Paragraph, rng: random.Random, *, borrowed: tuple[str, ...]
) -> str:
    sentences = list(paragraph.sentences)
    glued = [s for s in sentences if _GLUED_HEADING_START.match(s)]
    plain = [s for s in sentences if not _GLUED_HEADING_START.match(s)]
    rng.shuffle(plain)
    if len(plain) > 2 and rng.random() < DROP_SENTENCE_SHARE:
        plain.pop()
    if rng.random() < BORROW_SENTENCE_SHARE:
        plain.insert(rng.randrange(len(plain) + 1), rng.choice(borrowed))
    for sentence in glued:
        # After at least one sentence, so that the heading stays recognisably glued.
        plain.insert(rng.randrange(1, len(plain) + 1) if plain else 0, sentence)
    return " ".join(plain)


def _renamed(text: str, rng: random.Random) -> str:
    """`text` with every person of the seeds replaced by an invented one (consistently)."""
    surnames = rng.sample(SURNAMES, len(SEED_PEOPLE))
    for (first, spellings, female), surname in zip(SEED_PEOPLE, surnames, strict=True):
        new_first = rng.choice(FIRST_NAMES_FEMALE if female else FIRST_NAMES_MALE)
        old = "|".join(spellings)
        text = re.sub(rf"\b{first}\s+(?:{old})\b", f"{new_first} {surname}", text)
        text = re.sub(rf"\b(?:{old})(s?)\b", rf"{surname}\1", text)
    return text
