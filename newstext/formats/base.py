"""The common result of every incoming format, and the body builder they share.

Every parser in `newstext.formats` returns `IncomingArticle`s whose body and blocks have
the shape `newstext.parsing.parse_article` produces: block texts joined by a blank line,
each block a range of the NFC-normalised body (DESIGN.md invariant 1), so the existing
import can store them unchanged (`IncomingArticle.to_parsed_article`).
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from newstext.decoding import normalise_text
from newstext.parsing import (
    Block,
    BlockKind,
    DatePrecision,
    ParsedArticle,
    count_words,
    derive_title,
    is_heading,
)
from newstext.reasons import Reason, declare, gettext_noop

_SPACES = re.compile(r"\s+")


class FormatError(ValueError):
    """The input cannot be read as its format; the message names the input and the reason.

    `reason` is a `newstext.reasons.Reason` (the app translates it).
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source or 'input'}: {reason}")
        self.source = source
        self.reason = reason


# Why an article of any format is refused (newstext.reasons: shown translated).
declare(
    {
        "body_too_long": gettext_noop("body is %(length)s characters, over the limit of %(limit)s"),
    }
)


class Format(StrEnum):
    NINJS = "ninjs"
    RSS = "rss"
    ATOM = "atom"
    HTML = "html"
    TEXT = "text"


@dataclass
class IncomingArticle:
    """One article as a format delivered it, before it is stored."""

    source_format: str  # "ninjs-3.1", "rss", "atom", "html", "text"
    source_name: str  # the file name or URL the caller gave, for messages
    title: str
    body: str
    blocks: list[Block]
    identity: str | None = None  # ninjs uri, feed guid/id (else link), canonical URL
    version: str | None = None
    title_derived: bool = False
    byline: str = ""
    published_on: datetime.date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    revised_at: datetime.datetime | None = None
    publisher_name: str = ""
    place: str = ""
    language: str = ""
    link: str | None = None  # where the article lives on the web, if known
    needs_fetch: bool = False  # feed item without full text: fetch `link` to get it
    summary: str = ""  # teaser text a feed gave instead of the full text
    cited_source_names: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return count_words(self.body)

    def block_texts(self, kind: BlockKind | None = None) -> list[str]:
        return [self.body[b.start : b.end] for b in self.blocks if kind is None or b.kind is kind]

    @classmethod
    def from_parsed(cls, parsed: ParsedArticle, *, source: str) -> "IncomingArticle":
        """A plain-text article as `newstext.parsing` read it (the inverse of the next)."""
        return cls(
            source_format="text",
            source_name=source,
            title=parsed.title,
            title_derived=parsed.title_derived,
            body=parsed.body,
            blocks=parsed.blocks,
            byline=parsed.byline,
            published_on=parsed.published_on,
            date_precision=parsed.date_precision,
            publisher_name=parsed.publisher_name,
            place=parsed.dateline_place,
            cited_source_names=parsed.cited_source_names,
        )

    def to_parsed_article(self) -> ParsedArticle:
        """The same article in the shape the plain-text import stores."""
        return ParsedArticle(
            title=self.title,
            title_derived=self.title_derived,
            body=self.body,
            blocks=list(self.blocks),
            byline=self.byline,
            published_on=self.published_on,
            date_precision=self.date_precision,
            dateline_place=self.place,
            publisher_name=self.publisher_name,
            cited_source_names=list(self.cited_source_names),
        )


def articles_or_refusal(items: Iterable[IncomingArticle | FormatError]) -> list[IncomingArticle]:
    """The articles of a document read whole: all of them, or its first item's refusal
    raised (`feed_articles` and `ninjs_articles` give both, in document order)."""
    articles = []
    for item in items:
        if isinstance(item, FormatError):
            raise item
        articles.append(item)
    return articles


def clean_inline(text: str) -> str:
    """One line of running text: NFC, every run of white space a single space."""
    return _SPACES.sub(" ", normalise_text(text)).strip()


def join_names(names: Iterable[str]) -> str:
    """Several authors as a byline field lists them, "A, B": each name once, in order,
    empty ones left out. (The independent writers of the blind pages and feeds all
    expected this form.)"""
    return ", ".join(dict.fromkeys(name for name in names if name))


def join_blocks(
    texts: Iterable[tuple[BlockKind, str]], *, source: str, max_chars: int
) -> tuple[str, list[Block]]:
    """Body and blocks from (kind, text) pairs; empty texts are skipped.

    Raises FormatError when the body would be longer than `max_chars` characters.
    """
    parts = [(kind, clean_inline(text)) for kind, text in texts]
    parts = [(kind, text) for kind, text in parts if text]
    blocks: list[Block] = []
    position = 0
    for kind, text in parts:
        blocks.append(Block(kind, position, position + len(text)))
        position += len(text) + 2
    body = "\n\n".join(text for _, text in parts)
    if len(body) > max_chars:
        raise FormatError(source, Reason("body_too_long", length=len(body), limit=max_chars))
    return body, blocks


def plain_text_blocks(text: str) -> list[tuple[BlockKind, str]]:
    """Blocks of a plain-text body: one per non-empty line, short title-like lines headings."""
    lines = [line.strip() for line in normalise_text(text).split("\n")]
    return [
        (BlockKind.HEADING if is_heading(line) else BlockKind.PARAGRAPH, line)
        for line in lines
        if line
    ]


def title_or_derived(title: str, texts: list[tuple[BlockKind, str]]) -> tuple[str, bool]:
    """The given title, else one derived from the body as the text import does."""
    title = clean_inline(title)
    if title:
        return title, False
    return derive_title([(kind, clean_inline(text)) for kind, text in texts]), True


def drop_leading_title(
    texts: list[tuple[BlockKind, str]], title: str
) -> list[tuple[BlockKind, str]]:
    """Texts without a first block that only repeats the title."""
    if texts and title and clean_inline(texts[0][1]).casefold() == clean_inline(title).casefold():
        return texts[1:]
    return texts
