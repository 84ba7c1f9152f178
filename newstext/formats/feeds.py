"""RSS 2.0 (and 0.9x/1.0) and Atom feed items as `IncomingArticle`s, read with feedparser.

An item's full text comes from `content:encoded` (RSS) or `<content>` (Atom) when the
feed carries it; otherwise the item is returned with `needs_fetch` set and its link, so
the caller fetches the page (`ingest.fetching`) and reads it with `formats.html`. The
`description` / `<summary>` teaser is kept as `summary`, never as the body, and so is
content that is only an excerpt cut with "[…]". Entities a feed escaped twice are
decoded, and a trailing "Weiterlesen" link or "Der Beitrag … erschien zuerst auf …"
footer is no text. Relative links are resolved against the channel's link, itself
relative to the feed's address (xml:base is feedparser's). Several authors (dc:creator,
Atom <author>) are joined; a Media RSS credit with the role "author" is a byline too.
A picture's media:description or an episode's itunes:summary is no teaser or text
while the item has its own.
The full text loses what `formats.page_cleaning` takes out of a page's text too: a
byline line above it (its name is the byline if the feed names none), picture credits,
"Lesen Sie auch" pointers and closing notes.

Dates are read from the feed's own text, so a story stamped "00:30 +0200" keeps its
local day (feedparser's parsed dates are in UTC and would move it to the day before).
Dates written in German ("Mo, 07 Dez 2026 14:03:00 +0100", "15. Oktober 2026 16:20
MESZ", "07.12.2026 10:45") are read too; without a zone they are German time.

`read_feed` gives every item, an article or the refusal of that item; `feed_articles`
leaves out the items that are no article (empty, or a podcast episode with no text), so
that an importer takes the articles and reports the refusals; `parse_feed` gives the
articles and raises the first refusal.
"""

import datetime
import email.utils
import html
import io
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser  # type: ignore[import-untyped]

from newstext.dates import NEWSROOM_TIME, month_number, newsroom_day, parse_timestamp
from newstext.formats.base import (
    FormatError,
    IncomingArticle,
    articles_or_refusal,
    clean_inline,
    drop_leading_title,
    join_blocks,
    join_names,
    plain_text_blocks,
    title_or_derived,
)
from newstext.formats.markup import markup_blocks, markup_line
from newstext.formats.page_cleaning import byline_split, notes_drop
from newstext.parsing import BlockKind, DatePrecision
from newstext.reasons import Reason, declare, gettext_noop

HTML_TYPES = ("text/html", "application/xhtml+xml")
_EMAIL = re.compile(r"[^\s()<>@]+@[^\s()<>@]+")
_EMAIL_THEN_NAME = re.compile(r"\A[^\s()<>@]+@[^\s()<>@]+\s*\((?P<name>[^()]+)\)\Z")
_NAME_THEN_EMAIL = re.compile(r"\A(?P<name>[^<>]+?)\s*<[^\s<>@]+@[^\s<>@]+>\Z")
# "Von Anna Berg" / "By Anna Berg" as a creator's text: the name is what follows.
_BYLINE_WORD = re.compile(r"\A(?i:von|by)\s+(?=[A-ZÄÖÜ])")
# An entity or a tag left in text after its markup was read: the feed escaped it twice.
_LEFT_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LEFT_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# A block that only links on to the article ("Weiterlesen »", "Read more …").
_READ_MORE = re.compile(
    r"\A(?:(?:weiterlesen|mehr lesen|mehr dazu|mehr erfahren|(?:ganzen )?artikel lesen"
    r"|zum (?:ganzen |vollständigen )?(?:artikel|beitrag)|read more|continue reading)\b"
    r"[^.!?]{0,120}|(?:mehr|more)\W*)\Z",
    re.IGNORECASE,
)
# The same at the end of the teaser's last sentence ("… werden […] Weiterlesen »").
_TRAILING_READ_MORE = re.compile(
    r"(?<=[.!?…\]])\s+(?:(?:weiterlesen|mehr lesen|read more|continue reading|zum artikel"
    r"|artikel lesen)\W*|(?:mehr|more)\s*[»›→]+\W*)\Z",
    re.IGNORECASE,
)
# An excerpt's end: WordPress cuts the text with "[…]".
_CUT = re.compile(r"\[(?:…|\.\.\.)\]\W*\Z")
# WordPress's footer: "Der Beitrag X erschien zuerst auf Y." / "The post X appeared first on Y."
_FIRST_APPEARED = re.compile(
    r"\A(?:(?:der|dieser) (?:beitrag|artikel|text)|(?:the|this) (?:post|article))\s"
    r"(?:.{1,300}?\s)?(?:erschien zuerst|ist zuerst erschienen|appeared first)\b.{0,200}\Z",
    re.IGNORECASE | re.DOTALL,
)
# Namespaces whose descriptions describe a picture or an episode, and those elements.
DESCRIBING = {
    "http://search.yahoo.com/mrss": ("description",),
    "http://www.itunes.com/dtds/podcast-1.0.dtd": ("summary", "subtitle"),
}
_NAMESPACE = re.compile(rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']+)["']""")
MEDIA_TYPES = ("audio/", "video/")
# iTunes tags that make an item a podcast episode.
EPISODE_KEYS = ("itunes_duration", "itunes_episodetype", "itunes_episode")
ZONES = {"mez": "+01:00", "cet": "+01:00", "mesz": "+02:00", "cest": "+02:00", "ut": "+00:00",
         "utc": "+00:00", "gmt": "+00:00", "z": "+00:00"}  # fmt: skip
_ZONE_COMMENT = re.compile(r"\s*\([^()]*\)\s*\Z")
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)(?=[+-]\d)")
# "[Weekday,] 7[.] Dez[ember] 2026[,|-] [um] 14:03[:00] [Uhr] [+0100|MEZ]", "07.12.2026 10:45".
_WRITTEN_DATE = re.compile(
    r"\A(?:[^\W\d_]+\.?,?\s+)?(?P<day>\d{1,2})(?:\.\s*|\s+)"
    r"(?:(?P<month>\d{1,2})\.\s*|(?P<name>[^\W\d_]{3,})\.?\s+)(?P<year>\d{4}|\d{2}(?!\d)),?"
    r"(?:\s*[-–|]?\s*(?:um\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"(?:\s*Uhr)?(?:\s*(?P<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,4}))?\s*\Z",
    re.IGNORECASE,
)

# Why a feed or one of its items is not read (newstext.reasons: shown translated).
declare(
    {
        "feed_not_a_feed": gettext_noop("not an RSS or Atom feed"),
        "feed_not_a_feed_because": gettext_noop("not an RSS or Atom feed (%(problem)s)"),
        "feed_broken_no_items": gettext_noop("broken feed XML, no items read (%(problem)s)"),
        "feed_no_items": gettext_noop("the feed has no items"),
        "feed_broken_item": gettext_noop("broken feed XML (%(problem)s): %(reason)s"),
        "feed_item_empty": gettext_noop("feed item has neither title nor text"),
        "feed_item_episode": gettext_noop("feed item is an audio or video episode without text"),
    }
)
# Items that are no article: left out of `feed_articles`, refused by `read_feed`.
NOT_ARTICLES = frozenset({"feed_item_empty", "feed_item_episode"})


def parse_feed(data: bytes, *, source: str, max_chars: int) -> list[IncomingArticle]:
    """Every article of an RSS or Atom feed, newest first as the feed lists them.

    Items that are no article (empty, or an episode without text) are left out.
    Raises FormatError when the data is not a feed, is broken before any item, has
    no articles, or when an item cannot be read.
    """
    return articles_or_refusal(feed_articles(data, source=source, max_chars=max_chars))


def feed_articles(
    data: bytes, *, source: str, max_chars: int
) -> list[IncomingArticle | FormatError]:
    """The feed's articles, and the refusals of items that should have been one (too
    long, broken), in feed order: an importer takes the articles and reports each
    refusal, losing none of the others. Items that are no article (empty, or an episode
    without text) are left out.

    Raises FormatError when the data is not a feed, is broken before any item, or has
    no item that is or should have been an article.
    """
    items = read_feed(data, source=source, max_chars=max_chars)
    kept = [
        item
        for item in items
        if not (isinstance(item, FormatError) and getattr(item.reason, "code", "") in NOT_ARTICLES)
    ]
    if not kept:  # every item refused as no article
        raise next(item for item in items if isinstance(item, FormatError))
    return kept


def read_feed(data: bytes, *, source: str, max_chars: int) -> list[IncomingArticle | FormatError]:
    """Every item of an RSS or Atom feed in feed order: its article, or why it is refused.

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
    # Relative links count from the channel's link, itself relative to the feed's address.
    address = source if urlsplit(source).scheme in ("http", "https") else ""
    channel_link = urljoin(address, str(feed.get("link") or "").strip())
    context = {
        "format": format_name,
        "publisher": clean_inline(str(feed.get("publisher") or feed.get("title") or "")),
        "language": clean_inline(str(feed.get("language") or "")),
        "author": _people(feed, atom=True) if format_name == "atom" else "",
        "base": channel_link if urlsplit(channel_link).scheme in ("http", "https") else "",
    }
    broken = _describe(parsed.get("bozo_exception")) if parsed.get("bozo") else ""
    describing = _describing_texts(data, str(parsed.get("encoding") or "utf-8"))
    items: list[IncomingArticle | FormatError] = []
    for number, entry in enumerate(entries, start=1):
        try:
            article = _article(entry, context, describing, source=source, max_chars=max_chars)
            items.append(article)
        except FormatError as error:
            # Named by its id, else by its place: "feed.xml (eb-4713)", "feed.xml [3]".
            name = error.source if error.source != source else f"{source} [{number}]"
            reason = error.reason
            if broken:
                reason = Reason("feed_broken_item", problem=broken, reason=error.reason)
            items.append(FormatError(name, reason))
    return items


def _describe(problem: object) -> str:
    text = str(problem).strip() or type(problem).__name__
    return text if len(text) <= 160 else text[:159] + "…"


def _people(node: Any, *, atom: bool) -> str:
    """The authors' names, joined: every Atom <author> or dc:creator, else RSS <author>.

    RSS <author> is "email (Name)"; feedparser's own split fails on long TLDs, so the
    name is taken from the raw text then. A bare e-mail address is no byline.
    """
    names = [_name(str(person.get("name") or "")) for person in dict.get(node, "authors") or []]
    if len(set(names) - {""}) > 1:
        return join_names(names)
    if atom:
        detail = dict.get(node, "author_detail") or {}
        if name := clean_inline(str(detail.get("name") or "")):
            return name
    return _name(str(dict.get(node, "author") or ""))


def _name(text: str) -> str:
    raw = _BYLINE_WORD.sub("", clean_inline(text))
    if match := _EMAIL_THEN_NAME.match(raw) or _NAME_THEN_EMAIL.match(raw):
        return clean_inline(match["name"])
    return "" if _EMAIL.fullmatch(raw) else raw


def _credited_author(entry: Any) -> str:
    """A Media RSS <media:credit role="author"> (photographers and others are no byline)."""
    return join_names(
        clean_inline(str(credit.get("content") or ""))
        for credit in entry.get("media_credit") or []
        if str(credit.get("role") or "").strip().lower() in ("author", "writer", "reporter")
    )


def _feed_date(value: object) -> datetime.datetime | None:
    """An RFC 3339 (Atom) or RFC 822 (RSS) date-time as written, with its offset; or
    one written in German (or RFC 822 with German names), German time without a zone."""
    if not isinstance(value, str) or not value.strip():
        return None
    # "… GMT+0100 (Mitteleuropäische Normalzeit)", as a script's Date writes it.
    value = _GMT_OFFSET.sub("", _ZONE_COMMENT.sub("", value)).strip()
    if stamp := parse_timestamp(value):
        return stamp
    try:
        stamp = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return _written_date(value)
    if stamp.tzinfo:
        return stamp
    # A zone the e-mail parser does not know ("MEZ", "CET") leaves the stamp naive.
    if zone := _zone(value.rsplit(None, 1)[-1]):
        return stamp.replace(tzinfo=zone)
    return _written_date(value) or stamp


def _zone(text: str) -> datetime.tzinfo | None:
    """The offset a zone is written as ("+0100", "+01:00", "MEZ", "CEST"), if it is one."""
    offset = ZONES.get(text.lower(), text if text[:1] in ("+", "-") else "")
    if not re.fullmatch(r"[+-]\d{2}:?\d{2}", offset):
        return None
    sign = -1 if offset[0] == "-" else 1
    delta = datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[-2:]))
    try:
        return datetime.timezone(delta * sign)
    except ValueError:
        return None


def _written_date(value: str) -> datetime.datetime | None:
    match = _WRITTEN_DATE.match(value.strip())
    if not match:
        return None
    month = month_number(match["name"]) if match["name"] else int(match["month"])
    zone = _zone(match["zone"]) if match["zone"] else NEWSROOM_TIME
    if not month or not zone:
        return None
    year = int(match["year"])
    try:
        return datetime.datetime(
            year + 2000 if year < 100 else year,
            month,
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            int(match["second"] or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _html_or_text(value: str, content_type: str) -> list[tuple[BlockKind, str]]:
    if content_type.lower().startswith(HTML_TYPES):
        blocks = markup_blocks(value)
    else:
        blocks = plain_text_blocks(value)
    return [block for kind, text in blocks for block in _unescaped(kind, text)]


def _unescaped(kind: BlockKind, text: str) -> list[tuple[BlockKind, str]]:
    """A block read again when entities or tags are left in it (escaped twice)."""
    if not _LEFT_ENTITY.search(text) and not _LEFT_TAG.search(text):
        return [(kind, text)]
    if _LEFT_TAG.search(text):
        return [(kind, markup_line(text))]
    return [(kind, html.unescape(text))]


def _without_furniture(blocks: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    """The blocks without trailing "Weiterlesen" links and "erschien zuerst auf" footers."""
    end = len(blocks)
    while end and (
        _READ_MORE.match(clean_inline(blocks[end - 1][1]))
        or _FIRST_APPEARED.match(clean_inline(blocks[end - 1][1]))
    ):
        end -= 1
    if not end:
        return []
    kind, text = blocks[end - 1]
    return [*blocks[: end - 1], (kind, _TRAILING_READ_MORE.sub("", text.rstrip()))]


def _is_episode(entry: Any) -> bool:
    """A podcast episode: an audio or video <enclosure> and iTunes episode tags."""
    enclosures = [str(link.get("type") or "") for link in entry.get("enclosures") or []]
    return any(kind.lower().startswith(MEDIA_TYPES) for kind in enclosures) and any(
        dict.get(entry, key) for key in EPISODE_KEYS
    )


def _describing_texts(data: bytes, encoding: str) -> frozenset[str]:
    """The texts of the feed's media:description, itunes:summary and itunes:subtitle.

    feedparser files them as the item's summary or plain content, whichever its
    <description> or <summary> left free, so they are told apart by their text.
    """
    names = [
        f"{prefix.decode('ascii')}:{local}"
        for prefix, uri in _NAMESPACE.findall(data[:65536])
        for local in DESCRIBING.get(uri.decode("ascii", "replace").rstrip("/"), ())
    ]
    if not names:
        return frozenset()
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    texts = set()
    for name in names:
        # Each element's text ends at its end tag and starts after its last start tag.
        for before in text.split(f"</{name}>")[:-1]:
            start = before.rfind(f"<{name}")
            if start < 0 or (opened := before.find(">", start)) < 0:
                continue
            raw = before[opened + 1 :].strip()
            if raw.startswith("<![CDATA[") and raw.endswith("]]>"):
                raw = raw[9:-3]
            else:
                raw = html.unescape(raw)
            texts.add(_text_key(raw))
    return frozenset(texts - {""})


def _text_key(value: str) -> str:
    """A text as compared with the describing texts: markup read, spaces single."""
    return clean_inline(markup_line(value)).casefold()


def _article(
    entry: Any,
    context: dict[str, str],
    describing: frozenset[str],
    *,
    source: str,
    max_chars: int,
) -> IncomingArticle:
    link = str(entry.get("link") or "").strip() or None
    # A <guid> is a permalink by default, but "lt-88412" names no page.
    if link and entry.get("guidislink") and not urlsplit(link).netloc:
        link = None
    if link and context["base"] and not urlsplit(link).scheme:
        link = urljoin(context["base"], link)
    identity = str(entry.get("id") or "").strip() or link
    name = f"{source} ({identity})" if identity else source

    title_detail = entry.get("title_detail") or {}
    title_type = str(title_detail.get("type") or "text/plain")
    title = " ".join(text for _, text in _html_or_text(str(entry.get("title") or ""), title_type))
    title = clean_inline(title)

    # The teaser: the summary, unless it describes a picture or an episode and the item's
    # own <description> / <summary> was filed as plain content.
    summary_value = str(entry.get("summary") or "")
    summary_type = str((entry.get("summary_detail") or {}).get("type") or "text/html")
    plain = [
        content
        for content in entry.get("content") or []
        if not str(content.get("type") or "").lower().startswith(HTML_TYPES)
    ]
    teaser = None
    if describing and _text_key(summary_value) in describing:
        for content in plain:
            if _text_key(str(content.get("value") or "")) not in describing:
                teaser = content
                summary_value = str(content.get("value") or "")
                summary_type = str(content.get("type") or "text/plain")
                break

    texts: list[tuple[BlockKind, str]] = []
    for content in entry.get("content") or []:
        content_type = str(content.get("type") or "")
        # Plain content in RSS is one of those; in Atom it is <content type="text">.
        if (describing and _text_key(str(content.get("value") or "")) in describing) or (
            content in plain and (context["format"] == "rss" or content is teaser)
        ):
            continue
        texts = _without_furniture(_html_or_text(str(content.get("value") or ""), content_type))
        if texts:
            break
    # The text as its site's CMS wrote it: a byline line above it, credits and notes in it.
    texts, named = byline_split(notes_drop(drop_leading_title(texts, title)))
    # Content that is only an excerpt ("… werden […]") is a teaser: the page has the text.
    excerpt: list[tuple[BlockKind, str]] = []
    if link and texts and _CUT.search(texts[-1][1]):
        excerpt, texts = texts, []
    body, blocks = join_blocks(texts, source=name, max_chars=max_chars)

    summary_blocks = _without_furniture(_html_or_text(summary_value, summary_type)) or excerpt
    summary = " ".join(text for _, text in summary_blocks)
    # An item that only links to its page is read from the page.
    if not title and not body and not summary and not link:
        raise FormatError(name, Reason("feed_item_empty"))
    if not body and _is_episode(entry):
        raise FormatError(name, Reason("feed_item_episode"))
    title, derived = title_or_derived(title, texts or summary_blocks)

    published = _feed_date(entry.get("published"))
    # Not entry.get: feedparser would answer "updated" with "published" (and warn).
    updated = _feed_date(dict.get(entry, "updated"))
    dated = published or updated
    published_on = newsroom_day(dated) if dated else None
    return IncomingArticle(
        source_format=context["format"],
        source_name=source,
        identity=identity,
        title=title,
        title_derived=derived,
        body=body,
        blocks=blocks,
        byline=_people(entry, atom=context["format"] == "atom")
        or _credited_author(entry)
        or named
        or context["author"],
        published_on=published_on,
        date_precision=DatePrecision.DAY if published_on else DatePrecision.UNKNOWN,
        revised_at=updated or published,
        publisher_name=context["publisher"],
        language=context["language"],
        link=link,
        needs_fetch=not body,
        summary=summary if not body else "",
    )
