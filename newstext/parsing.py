"""Reading the structure of a German news text file (no Django imports).

What the seeds taught us (see docs/architecture/loader.md):
- a leading ` date YYYY-MM-DD ` or ` date YYYY-MM ` prefix is the published date;
- a dateline `Ort (agency) – ` opens dpa-style stories;
- a trailer line `Quellen: A, B, C` names the cited sources;
- web boilerplate lines ("Lesen Sie auch") sit between paragraphs;
- short lines without final punctuation are subheadings, and one may be glued into
  a paragraph when its line break was lost.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import NamedTuple

BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.txt"

TITLE_MAX_CHARS = 120
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12

_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s)\s*")
# "Duschanbe (dpa) – ", "Berlin/Moskau (dpa/AFP) - "
_DATELINE = re.compile(
    r"\A(?P<place>[A-ZÄÖÜ][\w.'/ -]{0,40}?)\s*\((?P<agency>[^()\n]{1,40})\)\s*[–—-]\s+"
)
_TRAILER = re.compile(r"\A\s*Quellen?\s*:\s*(?P<names>.+?)\s*\Z", re.IGNORECASE)
_FINAL_PUNCTUATION = tuple(".!?:;,…\"'«»“”„‘’)–-")
# A word: word characters, joined by single hyphens and apostrophes ("CDU-Chef", "geht's").
_JOINERS = "-'’"
_WORD = re.compile(rf"\w+(?:[{_JOINERS}]\w+)*")
# A sentence ends at . ! ? (optionally followed by a closing quote) before an upper-case
# start; not after a number ("Am 20. September") or a one-letter abbreviation.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])(?<!\d[.])(?<!\b\w[.])|(?<=[.!?][«»“”\"]))\s+(?=[„«»\"A-ZÄÖÜ])"
)
# A subheading that lost its line break: after a sentence end, "Name: words …" ending
# in a lower-case word, followed by a capitalised article that can only open a sentence.
_GLUED_HEADING = re.compile(
    r"(?<=[.!?«»“\"])\s+"
    r"(?P<heading>[A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?: [^.!?:;«»„“\"\n]{3,80}?[a-zäöüß])"
    r"\s+(?=(?:Die|Der|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer|Es|Er|Sie|Im|Am|Nach)\s)"
)


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    UNKNOWN = "unknown"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


class Block(NamedTuple):
    """A paragraph or subheading: a range of the body. A tuple: every article has a
    dozen, made in the parse workers and sent to the writer (a dataclass is several
    times slower to build and to unpickle)."""

    kind: BlockKind
    start: int
    end: int


@dataclass
class ParsedArticle:
    title: str
    title_derived: bool
    body: str
    blocks: list[Block]
    published_on: datetime.date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    dateline_place: str = ""
    publisher_name: str = ""
    cited_source_names: list[str] = field(default_factory=list)
    dropped_lines: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return count_words(self.body)


def count_words(text: str) -> int:
    """How many words `_WORD` finds in `text` (letters and digits, joined by - ' ’).

    The same count as `len(_WORD.findall(text))`, without the regex engine's work per
    character (a large part of an import's parsing, docs/benchmarks.md): the text's
    UTF-8 bytes are mapped to three letters, "a" for a word character, "j" for a joiner,
    " " for anything else, so that counting the words is counting byte pairs in C.
    """
    data = text.encode("utf-8", "surrogatepass")
    if not data.isascii():
        # Each distinct non-ASCII character (a handful per text) in the class its
        # bytes must count in; a word character's bytes are all "a" already.
        for char in set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
            if (replacement := _non_ascii_replacement(char)) is not None:
                data = data.replace(char.encode("utf-8", "surrogatepass"), replacement)
    # A joiner followed by a word character is part of that word: once it is an "a",
    # every word is one run of "a"s, starting at the text's start, after " " or after
    # a joiner that was not followed by a word character ("jja": the second one was).
    shape = data.translate(_WORD_SHAPE).replace(b"ja", b"aa")
    return shape.count(b" a") + shape.count(b"ja") + shape.startswith(b"a")


_ASCII = bytes(range(128))


def _byte_shape(byte: int) -> bytes:
    """The letter of one byte: "a" for an ASCII word character or any byte of a
    non-ASCII character left in the text, "j" for an ASCII joiner, else " "."""
    if byte >= 128 or re.match(r"\w", chr(byte)):
        return b"a"
    return b"j" if chr(byte) in _JOINERS else b" "


_WORD_SHAPE = b"".join(_byte_shape(byte) for byte in range(256))


@cache
def _non_ascii_replacement(char: str) -> bytes | None:
    """What a non-ASCII character's bytes become for `count_words`: nothing for a word
    character, an ASCII joiner for a joiner, else a space."""
    if _WORD.fullmatch(char):
        return None
    return b"'" if char in _JOINERS else b" "


@cache
def boilerplate_lines() -> frozenset[str]:
    """The boilerplate list from data/boilerplate.txt, in comparable form."""
    lines = BOILERPLATE_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        _comparable(line) for line in lines if line.strip() and not line.startswith("#")
    )


def _comparable(line: str) -> str:
    return _core(line).casefold()


def _core(line: str) -> str:
    """The line without the blanks around it and its closing ":", "." or "…"."""
    return line.strip().rstrip(":.…").strip()


@cache
def _boilerplate_longest() -> int:
    """The length of the longest boilerplate line. Case folding never shortens a text:
    a line longer than every boilerplate line is none of them, and most lines are
    paragraphs, far longer (folding them is costly)."""
    return max(map(len, boilerplate_lines()), default=0)


def parse_article(text: str) -> ParsedArticle:
    """Split normalised text into metadata and a body of paragraph and heading blocks."""
    published_on, precision, text = _take_date_prefix(text)
    boilerplate = boilerplate_lines()
    longest = _boilerplate_longest()
    dropped: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if line := line.strip():
            core = _core(line)
            is_boilerplate = len(core) <= longest and core.casefold() in boilerplate
            (dropped if is_boilerplate else lines).append(line)

    cited: list[str] = []
    if lines and (trailer := _TRAILER.match(lines[-1])):
        cited = _split_names(trailer["names"])
        lines.pop()

    place = agency = ""
    if lines and (dateline := _DATELINE.match(lines[0])):
        place, agency = dateline["place"].strip(), dateline["agency"].strip()
        lines[0] = lines[0][dateline.end() :]
    agencies = [name.strip() for name in agency.split("/") if name.strip()]

    title = ""
    if len(lines) > 1 and is_heading(lines[0]):
        title = lines.pop(0)

    texts: list[tuple[BlockKind, str]] = []
    for line in lines:
        kind = BlockKind.HEADING if is_heading(line) else BlockKind.PARAGRAPH
        if kind is BlockKind.PARAGRAPH:
            texts.extend(split_glued_headings(line))
        else:
            texts.append((kind, line))

    body, blocks = _join_blocks(texts)
    return ParsedArticle(
        title=title or derive_title(texts),
        title_derived=not title,
        body=body,
        blocks=blocks,
        published_on=published_on,
        date_precision=precision,
        dateline_place=place,
        publisher_name=agencies[0] if agencies else "",
        cited_source_names=_unique(agencies[1:] + cited),
        dropped_lines=dropped,
    )


def _take_date_prefix(text: str) -> tuple[datetime.date | None, DatePrecision, str]:
    match = _DATE_PREFIX.match(text)
    if not match:
        return None, DatePrecision.UNKNOWN, text
    year, month, day = int(match[1]), int(match[2]), match[3]
    try:
        published_on = datetime.date(year, month, int(day) if day else 1)
    except ValueError:
        # Not a real date: leave the text as it is rather than guess.
        return None, DatePrecision.UNKNOWN, text
    precision = DatePrecision.DAY if day else DatePrecision.MONTH
    return published_on, precision, text[match.end() :]


def is_heading(line: str) -> bool:
    """A subheading: a short line without final punctuation that starts like a title."""
    line = line.strip()
    return (
        0 < len(line) <= HEADING_MAX_CHARS
        and (line[0].isupper() or line[0].isdigit())
        and not line.endswith(_FINAL_PUNCTUATION)
        and len(line.split()) <= HEADING_MAX_WORDS
    )


def split_glued_headings(paragraph: str) -> list[tuple[BlockKind, str]]:
    """Split "… würden. Putin: Flugzeug getroffen Die …" into paragraph, heading, paragraph.

    Only the shape "Name: words" ending in a lower-case word and followed by a
    sentence-opening article is split: that is rare inside running text, so the split
    is reliable; other lost line breaks are left alone.
    """
    if ": " not in paragraph:  # the heading's shape needs one; most paragraphs have none
        return [(BlockKind.PARAGRAPH, text)] if (text := paragraph.strip()) else []
    parts: list[tuple[BlockKind, str]] = []
    rest = paragraph
    while match := _GLUED_HEADING.search(rest):
        parts.append((BlockKind.PARAGRAPH, rest[: match.start()].strip()))
        parts.append((BlockKind.HEADING, match["heading"]))
        rest = rest[match.end() :]
    parts.append((BlockKind.PARAGRAPH, rest.strip()))
    return [(kind, text) for kind, text in parts if text]


def _join_blocks(texts: list[tuple[BlockKind, str]]) -> tuple[str, list[Block]]:
    blocks: list[Block] = []
    position = 0
    for kind, text in texts:
        blocks.append(Block(kind, position, position + len(text)))
        position += len(text) + 2
    return "\n\n".join(text for _, text in texts), blocks


def derive_title(texts: list[tuple[BlockKind, str]]) -> str:
    """First sentence of the first paragraph, shortened at a word boundary."""
    paragraph = next((text for kind, text in texts if kind is BlockKind.PARAGRAPH), "")
    if not paragraph:
        paragraph = texts[0][1] if texts else ""
    sentence = first_sentence(paragraph).rstrip(".")
    return shorten(sentence, TITLE_MAX_CHARS)


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip()


def shorten(text: str, limit: int) -> str:
    """`text` cut at the last word boundary before `limit`, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\bund\b|&)\s*", names)
    return _unique(part.strip().rstrip(".") for part in parts if part.strip())


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())
