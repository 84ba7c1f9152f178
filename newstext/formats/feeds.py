"""RSS 2.0 (and 0.9x/1.0) and Atom feed items as `IncomingArticle`s, read with feedparser.

An item's full text comes from `content:encoded` (RSS) or `<content>` (Atom) when the
feed carries it; otherwise the item is returned with `needs_fetch` set and its link, so
the caller fetches the page (`ingest.fetching`) and reads it with `formats.html`. The
`description` / `<summary>` teaser is kept as `summary`, never as the body.

Dates are read from the feed's own text, so a story stamped "00:30 +0200" keeps its
local day (feedparser's parsed dates are in UTC and would move it to the day before).
"""

import datetime
import email.utils
import io
import re
from typing import Any

import feedparser  # type: ignore[import-untyped]

from newstext.formats.base import (
    FormatError,
    IncomingArticle,
    clean_inline,
    drop_leading_title,
    join_blocks,
    parse_timestamp,
    plain_text_blocks,
    title_or_derived,
)
from newstext.formats.markup import markup_blocks
from newstext.parsing import BlockKind, DatePrecision
from newstext.reasons import Reason, declare, gettext_noop

HTML_TYPES = ("text/html", "application/xhtml+xml")
_EMAIL = re.compile(r"[^\s()<>@]+@[^\s()<>@]+")
_EMAIL_THEN_NAME = re.compile(r"\A[^\s()<>@]+@[^\s()<>@]+\s*\((?P<name>[^()]+)\)\Z")
_NAME_THEN_EMAIL = re.compile(r"\A(?P<name>[^<>]+?)\s*<[^\s<>@]+@[^\s<>@]+>\Z")

# Why a feed or one of its items is not read (newstext.reasons: shown translated).
declare(
    {
        "feed_not_a_feed": gettext_noop("not an RSS or Atom feed"),
        "feed_not_a_feed_because": gettext_noop("not an RSS or Atom feed (%(problem)s)"),
        "feed_broken_no_items": gettext_noop("broken feed XML, no items read (%(problem)s)"),
        "feed_no_items": gettext_noop("the feed has no items"),
        "feed_broken_item": gettext_noop("broken feed XML (%(problem)s): %(reason)s"),
        "feed_item_empty": gettext_noop("feed item has neither title nor text"),
    }
)


def parse_feed(data: bytes, *, source: str, max_chars: int) -> list[IncomingArticle]:
    """Every item of an RSS or Atom feed, newest first as the feed lists them.

    Raises FormatError when the data is not a feed, is broken before any item, or
    has no items.
    """
    # A file object, never a str or bytes: feedparser would fetch a string that looks
    # like a URL and open one that names a file.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    version = str(parsed.get("version") or "")
    entries = list(parsed.get("entries") or [])
    if not version:
        problem = parsed.get("bozo_exception")
        if problem:
            raise FormatError(source, Reason("feed_not_a_feed_because", problem=_describe(problem)))
        raise FormatError(source, Reason("feed_not_a_feed"))
    if not entries:
        if parsed.get("bozo"):
            problem = _describe(parsed.get("bozo_exception"))
            raise FormatError(source, Reason("feed_broken_no_items", problem=problem))
        raise FormatError(source, Reason("feed_no_items"))
    format_name = "atom" if version.startswith("atom") else "rss"
    feed = parsed.get("feed") or {}
    context = {
        "format": format_name,
        "publisher": clean_inline(str(feed.get("publisher") or feed.get("title") or "")),
        "language": clean_inline(str(feed.get("language") or "")),
        "author": _person(feed, atom=True) if format_name == "atom" else "",
    }
    try:
        return [_article(entry, context, source=source, max_chars=max_chars) for entry in entries]
    except FormatError as error:
        if not parsed.get("bozo"):
            raise
        problem = _describe(parsed.get("bozo_exception"))
        raise FormatError(
            source, Reason("feed_broken_item", problem=problem, reason=error.reason)
        ) from None


def _describe(problem: object) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text if len(text) <= 160 else text[:159] + "…"


def _person(node: Any, *, atom: bool) -> str:
    """The author's name: Atom's <name>; RSS's <author> or dc:creator as written.

    RSS <author> is "email (Name)"; feedparser's own split fails on long TLDs, so the
    name is taken from the raw text here. A bare e-mail address is no byline.
    """
    if atom:
        detail = dict.get(node, "author_detail") or {}
        if name := clean_inline(str(detail.get("name") or "")):
            return name
    raw = clean_inline(str(dict.get(node, "author") or ""))
    if match := _EMAIL_THEN_NAME.match(raw) or _NAME_THEN_EMAIL.match(raw):
        return clean_inline(match["name"])
    return "" if _EMAIL.fullmatch(raw) else raw


def _feed_date(value: object) -> datetime.datetime | None:
    """An RFC 3339 (Atom) or RFC 822 (RSS) date-time as written, with its offset."""
    if not isinstance(value, str) or not value.strip():
        return None
    if stamp := parse_timestamp(value):
        return stamp
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None


def _html_or_text(value: str, content_type: str) -> list[tuple[BlockKind, str]]:
    if content_type.lower().startswith(HTML_TYPES):
        return markup_blocks(value)
    return plain_text_blocks(value)


def _article(
    entry: Any, context: dict[str, str], *, source: str, max_chars: int
) -> IncomingArticle:
    link = str(entry.get("link") or "").strip() or None
    identity = str(entry.get("id") or "").strip() or link
    name = f"{source} ({identity})" if identity else source

    title_detail = entry.get("title_detail") or {}
    title = str(entry.get("title") or "")
    if str(title_detail.get("type", "")).startswith(HTML_TYPES):
        title = " ".join(text for _, text in markup_blocks(title))
    title = clean_inline(title)

    texts: list[tuple[BlockKind, str]] = []
    for content in entry.get("content") or []:
        texts = _html_or_text(str(content.get("value") or ""), str(content.get("type") or ""))
        if texts:
            break
    texts = drop_leading_title(texts, title)
    body, blocks = join_blocks(texts, source=name, max_chars=max_chars)

    summary_detail = entry.get("summary_detail") or {}
    summary_blocks = _html_or_text(
        str(entry.get("summary") or ""), str(summary_detail.get("type") or "text/html")
    )
    summary = " ".join(text for _, text in summary_blocks)
    if not title and not body and not summary:
        raise FormatError(name, Reason("feed_item_empty"))
    title, derived = title_or_derived(title, texts or summary_blocks)

    published = _feed_date(entry.get("published"))
    # Not entry.get: feedparser would answer "updated" with "published" (and warn).
    updated = _feed_date(dict.get(entry, "updated"))
    dated = published or updated
    published_on = dated.date() if dated else None
    return IncomingArticle(
        source_format=context["format"],
        source_name=source,
        identity=identity,
        title=title,
        title_derived=derived,
        body=body,
        blocks=blocks,
        byline=_person(entry, atom=context["format"] == "atom") or context["author"],
        published_on=published_on,
        date_precision=DatePrecision.DAY if published_on else DatePrecision.UNKNOWN,
        revised_at=updated or published,
        publisher_name=context["publisher"],
        language=context["language"],
        link=link,
        needs_fetch=not body,
        summary=summary if not body else "",
    )
