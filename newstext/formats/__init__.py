"""Formats newsrooms receive articles in: ninjs, RSS/Atom, web pages, plain text.

Pure functions, no Django: `parse_incoming` detects the format by content and returns
`IncomingArticle`s whose body and blocks have the shape `newstext.parsing` produces;
`parse_as` reads data whose format is known already.
"""

from newstext.decoding import RejectedInput, decode_article_bytes, normalise_text
from newstext.formats.base import Format, FormatError, IncomingArticle
from newstext.formats.detect import detect_format
from newstext.formats.feeds import feed_articles, parse_feed
from newstext.formats.html import parse_html
from newstext.formats.ninjs import ninjs_articles, parse_ninjs
from newstext.parsing import parse_article
from newstext.reasons import Reason

__all__ = [
    "Format",
    "FormatError",
    "IncomingArticle",
    "detect_format",
    "feed_articles",
    "ninjs_articles",
    "parse_as",
    "parse_feed",
    "parse_html",
    "parse_incoming",
    "parse_ninjs",
    "parse_text",
]


def parse_incoming(data: bytes, *, source: str, max_chars: int) -> list[IncomingArticle]:
    """The articles in `data`, whatever supported format it is in (see `detect_format`).

    `source` (file name or URL) names the input in errors and hints at the format only
    where the content leaves it open. Raises FormatError.
    """
    return parse_as(detect_format(data, name=source), data, source=source, max_chars=max_chars)


def parse_as(kind: Format, data: bytes, *, source: str, max_chars: int) -> list[IncomingArticle]:
    """The articles in `data`, read as `kind` (what `detect_format` gave). Raises
    FormatError."""
    match kind:
        case Format.NINJS:
            return parse_ninjs(data, source=source, max_chars=max_chars)
        case Format.RSS | Format.ATOM:
            return parse_feed(data, source=source, max_chars=max_chars)
        case Format.HTML:
            return [parse_html(data, source=source, max_chars=max_chars)]
        case Format.TEXT:
            return [parse_text(data, source=source, max_chars=max_chars)]


def parse_text(data: bytes, *, source: str, max_chars: int) -> IncomingArticle:
    """A plain-text news file, read as the existing text import reads it."""
    try:
        decoded = decode_article_bytes(data, max_bytes=max(len(data), 1))
    except RejectedInput as error:
        raise FormatError(source, error.reason) from None
    parsed = parse_article(normalise_text(decoded.text))
    if len(parsed.body) > max_chars:
        raise FormatError(source, Reason("body_too_long", length=len(parsed.body), limit=max_chars))
    return IncomingArticle.from_parsed(parsed, source=source)
