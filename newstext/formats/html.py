"""A saved or fetched news web page as an `IncomingArticle`, extracted with trafilatura.

trafilatura finds the article and drops the page furniture (navigation, cookie banner,
teasers, related links, comments, footer); its cleaned HTML becomes paragraph and
heading blocks through `formats.markup`. Metadata (title, author, date, site name,
canonical URL) comes from the page's meta tags, JSON-LD and markup.

Nothing is fetched: the page is given as bytes (trafilatura detects the encoding from
the bytes and the meta charset, except that a page labelled ISO-8859-1 is read as
windows-1252, as browsers do), and no URL is passed that could be followed.

Where the page's markup holds less than half of its JSON-LD `articleBody` (a page that
a script fills in), or holds it as one block, the text is the `articleBody` in its
paragraphs. Where trafilatura took the site's name from a "Site - Section - Headline"
<title>, the title is the part the text begins with, else a longer part that the page
shows as an element's own text (a headline set in a `div`, not an `h1`).

A page that lists several items side by side (a ticker: `article`s, or dated entries
of one class) gives its first item, with that item's heading as the title. A page
whose text is too short for an article, a photo gallery, has its pictures' captions
added as paragraphs, without their credits and counters. A dateline opening the text
("Talheim, 28. Mai 2026 – …") gives the date, before the page's metadata; then the
page's stated publication time (`article:published_time`, JSON-LD `datePublished`) as
the day it was in Germany, before trafilatura's search of the page. A page whose
metadata names no site is named by its <title> beside the headline ("… | Lahn-Bote"),
else by the copyright line in its footer ("© 2026 Pfarrei St. Martin"); a site's name
comes without its owner's legal form ("e.V.", "GmbH") and with its words set in
capitals for the logo written as words ("MRF THÜRINGEN": "MRF Thüringen"), and is no
author's. A <title> that names only the site and the section ("Verein - Aktuelles", a
menu entry) gives way to the heading the text opens with. The language is the tag of
the page's `html` element as parsed (an old IE's conditional comment is none); a page
that tags no language is "de" where its text is German by its commonest words.

Tuning (measured on the pages in tests/data/formats/html, see the test module):
`favor_recall` kept every article sentence and leaked no furniture; the default and
`favor_precision` dropped a lead paragraph whose class was "teasertext".
"""

import copy
import datetime
import json
import re
from typing import Any, Literal

import trafilatura
from trafilatura.htmlprocessing import build_html_output
from trafilatura.utils import load_html

from newstext.dates import calendar_date, newsroom_day, parse_timestamp
from newstext.formats import page_cleaning
from newstext.formats.base import (
    FormatError,
    IncomingArticle,
    clean_inline,
    join_blocks,
    join_names,
)
from newstext.formats.markup import markup_blocks
from newstext.legal_forms import LEGAL_FORM
from newstext.parsing import BlockKind, DatePrecision, count_words, is_heading
from newstext.reasons import Reason, declare, gettext_noop

# Below this many words what trafilatura found is not an article (an index page).
MIN_ARTICLE_WORDS = 40
# The first item of a page listing items (a ticker) may be a short agency item.
MIN_ITEM_WORDS = 20
# The language tag of the page's `html` element as the parser reads it: an old IE's
# `<html lang="en">` in a conditional comment before it is no element.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*")
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
# Labels that browsers read as windows-1252 (the WHATWG Encoding Standard): pages
# declared "iso-8859-1" write „ “ – € in the bytes 0x80–0x9F, which Latin-1 lacks.
_WINDOWS_1252_LABELS = frozenset(
    {
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii",
        "ascii", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819",
    }
)  # fmt: skip
# Latin-1's C1 controls as windows-1252 reads those bytes; the five bytes it leaves
# undefined stay what Latin-1 makes of them.
_WINDOWS_1252 = {
    code: bytes([code]).decode("cp1252", errors="ignore") or chr(code) for code in range(0x80, 0xA0)
}
# A dateline opening the text, the day the text was written: "Talheim, 28. Mai 2026 – ",
# "Berlin, den 3.12.2026 - ".
_DATELINE = re.compile(
    r"^[A-ZÄÖÜ][\w.()/ -]{1,40}?,\s*(?:den\s+)?(?P<day>\d{1,2})\.\s?"
    r"(?:(?P<month>\d{1,2})\.|(?P<month_name>[A-ZÄÖÜ][a-zä]+))\s?(?P<year>\d{4})\s*[–—-]\s"
)
# A dateline stands in one of the text's first paragraphs (under a lead).
DATELINE_BLOCKS = 2
# An address, not a name ("https://…", "redaktion@…").
_NOT_A_NAME = re.compile(r"https?:|www\.|@|/")
# A credit's label that trafilatura leaves before an author's name, without its colon.
_CREDIT_LABEL = re.compile(
    rf"^(?:{page_cleaning.PICTURE_CREDIT}|Texte?|Autor(?:in)?|Autoren)\s*:?\s+(?=[A-ZÄÖÜ])"
)
_MARKUP = re.compile(r"<(?:p|br|div|h[1-6])\b", re.IGNORECASE)
# A copyright line in the page's footer, naming the site's owner: "© 2026 Pfarrei St.
# Martin", "Copyright 2020–2026 Kreisblatt Elbaue – Medienhaus", "(c) Stadtwerke 2026.".
_COPYRIGHT = re.compile(
    r"^(?:©|\([cC]\)|(?i:copyright)\b(?:\s*©)?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?"
    # the sentence's dot goes, an abbreviation's stays ("Musikverein Linden e.V.")
    r"(?P<owner>[A-ZÄÖÜ].*?)(?:\s+\d{4})?(?:(?<!\.[A-Za-z])\.)?"
    r"(?:\s+[-–—|·•]\s.*|,\s.*|\s+Alle Rechte.*)?$"
)
# German's commonest words, none of them an English word too: in German running text
# about a fifth of the words; in English, French or Polish text next to none.
_GERMAN_FUNCTION_WORDS = frozenset(
    {
        "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "des", "ein",
        "eine", "einen", "einem", "einer", "zu", "von", "auf", "für", "sich", "im", "auch",
        "wird", "werden", "hat", "haben", "sie", "er", "es", "wir", "bei", "nach", "über",
    }
)  # fmt: skip
GERMAN_WORD_SHARE = 0.12
_WORD = re.compile(r"\w+")
# A site's owner is a name of a few words.
OWNER_MAX_WORDS = 6
# An owner's legal form closing its name (`newstext.legal_forms`), maybe after the year it
# was founded ("e.V.", "GmbH & Co. KG", "von 1899 e.V.").
_LEGAL_FORM = re.compile(rf"(?:\s+(?:von\s+)?\d{{4}})?\s+{LEGAL_FORM}$")
# A word set in capitals for a logo ("THÜRINGEN"), and an article before one ("DER
# SPIEGEL"); an abbreviation ("MRF", "NDR") is shorter.
_SHOUTED_WORD = re.compile(r"\b(?:DER|DIE|DAS)(?=\s+[A-ZÄÖÜ]{5,}\b)|\b[A-ZÄÖÜ]{5,}\b")
_NOT_A_LETTER = re.compile(r"\W+")
# The parts of a <title>: "Headline - Section - Site".
_TITLE_PARTS = re.compile(r"\s+[-–—|:·•]\s+")

# An `articleBody` stands at the top of a JSON-LD script, in a list or in its `@graph`;
# deeper nesting is not looked into.
JSON_LD_MAX_DEPTH = 4
# The headline repeated in the text stands among its first blocks.
HEADLINE_BLOCKS = 3
# A kicker, the line over a headline, is a few words ("Unwetter in der Westpfalz").
KICKER_MAX_WORDS = 6
# A part of the <title> shorter than this is a site or section name, not the headline.
HEADLINE_MIN_WORDS = 3

Favor = Literal["precision", "balanced", "recall"]
# What trafilatura gives besides the text: its tables and inline formatting (read into
# blocks), the page's metadata and its original date, searched for everywhere; not the
# comments, pictures or links.
_EXTRACTION_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": True,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": True},
}

# Why a web page gives no article (newstext.reasons: shown translated).
declare(
    {
        "html_no_article": gettext_noop("no article text found in the HTML page"),
        "html_too_few_words": gettext_noop(
            "no article text found in the HTML page (under %(words)s words)"
        ),
    }
)


def parse_html(
    data: bytes,
    *,
    source: str,
    max_chars: int,
    favor: Favor = "recall",
    min_words: int = MIN_ARTICLE_WORDS,
) -> IncomingArticle:
    """The article of a web page; FormatError if the page holds no article text."""
    tree = load_html(_decoded(data))
    if tree is None:
        raise FormatError(source, Reason("html_no_article"))
    page_cleaning.paragraphs_mark(tree)
    page_cleaning.furniture_drop(tree)
    item_title = page_cleaning.first_item_keep(tree)
    named_author = page_cleaning.author_take(tree)
    page = copy.deepcopy(tree)  # trafilatura prunes the tree it reads
    document = trafilatura.bare_extraction(
        tree,
        favor_precision=favor == "precision",
        favor_recall=favor == "recall",
        **_EXTRACTION_OPTIONS,
    )
    if document is None or isinstance(document, dict) or document.body is None:
        raise FormatError(source, Reason("html_no_article"))
    texts = _with_json_ld_body(markup_blocks(build_html_output(document, False)), page)
    title = item_title or _title(clean_inline(document.title or ""), page, texts)
    texts = _drop_title_and_kicker(texts, title)
    texts, line_name = page_cleaning.byline_split(texts)
    texts = page_cleaning.notes_drop(texts)
    texts = page_cleaning.repeats_drop(texts)
    # The byline the reader sees comes first: the header's line, a line above the text,
    # an element named as the author's, an interview's credit, a credit line under the
    # text; then the page's metadata. The site's own name is no author.
    byline = (
        page_cleaning.byline_find(page, kept=(text for _, text in texts))
        or line_name
        or named_author
        or page_cleaning.credit_find(texts)
        or page_cleaning.closing_credit_find(page, kept=(text for _, text in texts))
        or _authors(document.author or "")
        or _meta_author(page)
    )
    site = _site_name(document.sitename or "", document.hostname or "", page, title)
    byline = _without_the_site(byline, site)
    lead = page_cleaning.lead_find(page, kept=(text for _, text in texts))
    if lead:
        texts.insert(0, (BlockKind.PARAGRAPH, lead))
    if item_title:
        min_words = min(min_words, MIN_ITEM_WORDS)
    if count_words(" ".join(text for _, text in texts)) < min_words:
        # A photo gallery: a few sentences, and the rest under its pictures.
        kept = (text for _, text in texts)
        captions = page_cleaning.captions_find(page, kept=kept)
        texts += [(BlockKind.PARAGRAPH, caption) for caption in captions]
    if count_words(" ".join(text for _, text in texts)) < min_words:
        raise FormatError(source, Reason("html_too_few_words", words=min_words))
    canonical = (document.url or "").strip() or None
    name = f"{source} ({canonical})" if canonical else source
    body, blocks = join_blocks(texts, source=name, max_chars=max_chars)
    published_on = _dateline_date(texts) or _published_day(page) or _date(document.date)
    return IncomingArticle(
        source_format="html",
        source_name=source,
        identity=canonical,
        title=title or clean_inline(texts[0][1]),
        title_derived=not title,
        body=body,
        blocks=blocks,
        byline=byline,
        published_on=published_on,
        date_precision=DatePrecision.DAY if published_on else DatePrecision.UNKNOWN,
        publisher_name=site,
        language=_language(page, body),
        link=canonical,
    )


def _language(page: Any, body: str) -> str:
    """The page's language tag as it stands ("de-DE"); on a page that tags none (an old
    CMS's), "de" where the text is German by its commonest words."""
    if found := _LANGUAGE_TAG.match((page.get("lang") or "").strip()):
        return found[0]
    words = _WORD.findall(body.casefold())
    german = sum(word in _GERMAN_FUNCTION_WORDS for word in words)
    return "de" if words and german >= GERMAN_WORD_SHARE * len(words) else ""


def _decoded(data: bytes) -> bytes | str:
    """The page as text where its declared charset is one browsers read as windows-1252;
    else the bytes, for trafilatura to decode."""
    declared = _META_CHARSET.search(data[:4096])
    if declared is None or declared[1].decode("ascii").lower() not in _WINDOWS_1252_LABELS:
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_WINDOWS_1252)
    return data  # UTF-8 under a wrong label


def _authors(value: str) -> str:
    """trafilatura's "A; B" as a byline lists them, "A, B"; without a credit's
    label that it leaves before a name ("Fotos Anna Keller")."""
    return join_names(_CREDIT_LABEL.sub("", clean_inline(part)) for part in value.split(";"))


def _meta_author(page: Any) -> str:
    """The page's `<meta name="author">`, where trafilatura passed it over (an agency)."""
    for content in page.xpath('//head/meta[@name="author"]/@content'):
        if (author := clean_inline(content)) and not _NOT_A_NAME.search(author):
            return author
    return ""


def _site_name(found: str, host: str, page: Any, title: str) -> str:
    """The site's name as its metadata spells it: trafilatura capitalises a name written
    in lower case ("amn Agentur …", "taz"), which a brand may well be. Where the
    metadata names no site, trafilatura gives the page's host name ("hollenried.de")
    or its Twitter handle: the name the <title> gives beside the headline comes first
    then, and the owner the footer's copyright line names. Either way as an editor
    writes it (`_as_a_site_name`)."""
    name = clean_inline(found)
    contents = [clean_inline(content) for content in page.xpath("//head/meta/@content")]
    for spelled in contents:
        if name and spelled.casefold() == name.casefold():
            return _as_a_site_name(spelled)
    # trafilatura's last resort, a Twitter handle ("@LahnBote"), is no name either
    handle = f"@{name}".casefold() in (content.casefold() for content in contents)
    if handle or name.casefold() in ("", host.casefold()):
        name = _title_site(page, title) or _copyright_owner(page) or name
    return _as_a_site_name(name)


def _title_site(page: Any, title: str) -> str:
    """The site's name the <title> gives beside the headline: its last part where the
    headline comes first ("Rat beschließt den Haushalt | Lahn-Bote", maybe with the
    section between them), its first where the headline comes last."""
    page_title = _page_title(page)
    found = re.search(re.escape(title), page_title, re.IGNORECASE) if title else None
    if found is None:
        return ""
    before, after = page_title[: found.start()], page_title[found.end() :]
    site = ""
    if _TITLE_PARTS.match(after):
        site = _TITLE_PARTS.split(after)[-1]
    elif not after and len(parts := _TITLE_PARTS.split(before)) > 1 and not parts[-1]:
        site = parts[0]
    return site if count_words(site) <= OWNER_MAX_WORDS else ""


def _page_title(page: Any) -> str:
    return clean_inline(" ".join(page.xpath("//head/title//text()")))


def _as_a_site_name(name: str) -> str:
    """A site's name without its owner's legal form and founding year ("TV Eintracht
    Brachbach 1902 e.V.": "TV Eintracht Brachbach"), and its words set in capitals for
    the logo written as words ("MRF THÜRINGEN": "MRF Thüringen"); an abbreviation is
    shorter and stays."""
    name = _LEGAL_FORM.sub("", name)
    return _SHOUTED_WORD.sub(lambda word: word[0].capitalize(), name)


def _without_the_site(byline: str, site: str) -> str:
    """The byline without the site's own name, which names no author: a broadcaster's
    "von Julia Neubert, MRF THÜRINGEN", a club's page whose `author` is the club."""
    own = _name_key(site)
    return join_names(name for name in byline.split(", ") if _name_key(name) != own)


def _name_key(name: str) -> str:
    """A name as compared with another: without its legal form, case and punctuation."""
    return _NOT_A_LETTER.sub("", _LEGAL_FORM.sub("", name)).casefold()


def _copyright_owner(page: Any) -> str:
    """The owner a copyright line in the page's footer names: the site's name on a small
    site (a parish, a club, a town) whose metadata gives none."""
    footers = page.xpath('//footer | //*[@role="contentinfo"]')
    for line in (clean_inline(text) for footer in footers for text in footer.itertext()):
        owner = found["owner"] if (found := _COPYRIGHT.match(line)) else ""
        if owner and count_words(owner) <= OWNER_MAX_WORDS and not _NOT_A_NAME.search(owner):
            return owner
    return ""


def _json_ld_text(page: Any, key: str) -> str:
    """The first text the page's JSON-LD gives under `key` ("articleBody")."""
    for script in page.xpath('//script[@type="application/ld+json"]'):
        try:
            found = _find_json_ld(json.loads(script.text or ""), key)
        except (ValueError, RecursionError):  # not JSON, or nested past Python's limit
            continue
        if found:
            return found
    return ""


def _find_json_ld(value: Any, key: str, depth: int = 0) -> str:
    """The first text under `key` in a JSON-LD value, its lists and its `@graph`, looked
    for `JSON_LD_MAX_DEPTH` levels deep at the most."""
    if depth > JSON_LD_MAX_DEPTH:
        return ""
    if isinstance(value, list):
        return next((found for item in value if (found := _find_json_ld(item, key, depth + 1))), "")
    if not isinstance(value, dict):
        return ""
    text = value.get(key)
    if isinstance(text, str) and text.strip():
        return text
    return _find_json_ld(value.get("@graph", []), key, depth + 1)


def _with_json_ld_body(
    texts: list[tuple[BlockKind, str]], page: Any
) -> list[tuple[BlockKind, str]]:
    """The JSON-LD `articleBody`, in its paragraphs, where the page's markup gave less of
    it (a page that a script fills in) or gave it as one block."""
    body = _json_ld_text(page, "articleBody")
    if _MARKUP.search(body):  # some sites give the body as HTML
        blocks = markup_blocks(body)
    else:
        parts = (clean_inline(part) for part in body.splitlines())
        blocks = [(BlockKind.PARAGRAPH, part) for part in parts if part]
    if not blocks:
        return texts
    whole = " ".join(text for _, text in blocks)
    if count_words(" ".join(text for _, text in texts)) < count_words(whole) / 2:
        return blocks
    if len(blocks) > 1:
        for index, (_, text) in enumerate(texts):
            if clean_inline(text) == whole:
                return texts[:index] + blocks + texts[index + 1 :]
    return texts


def _title(title: str, page: Any, texts: list[tuple[BlockKind, str]]) -> str:
    """The headline: the page's one `h1` where the metadata's title only adds to it
    ("Kommentar zur Bahnreform: <h1>"); the heading the text opens with where the title
    is a section's name (`_section_name`); where trafilatura took a site or section name
    from the <title> ("Site - Section - Headline"), the part the text begins with, else
    the part the page shows as an element's text of its own."""
    first = {clean_inline(text).casefold() for _, text in texts[:HEADLINE_BLOCKS]}
    headlines = [clean_inline(h1.text_content()) for h1 in page.xpath("//body//h1")]
    headline = headlines[0].casefold() if len(headlines) == 1 else ""
    if headline in first and headline != title.casefold() and headline in title.casefold():
        return headlines[0]
    if texts and texts[0][0] == BlockKind.HEADING and _section_name(title, page):
        return clean_inline(texts[0][1])
    page_title = _page_title(page)
    parts = [clean_inline(part) for part in _TITLE_PARTS.split(page_title)]
    if len(parts) < 2 or not title or title.casefold() not in page_title.casefold():
        return title
    if title.casefold() in first:
        return title
    candidates = [
        part
        for part in parts
        if count_words(part) >= HEADLINE_MIN_WORDS and part.casefold() not in title.casefold()
    ]
    if found := next((part for part in candidates if part.casefold() in first), None):
        return found
    # The headline may stand in the page but not in the text (a `div` of its own); a
    # part longer than the title that the page shows as an element's own text.
    shown = {
        clean_inline(element.text or "").casefold()
        for element in page.xpath("//body//*[not(self::script or self::style)]")
    }
    return next(
        (
            part
            for part in candidates
            if part.casefold() in shown and count_words(part) > count_words(title)
        ),
        title,
    )


def _section_name(title: str, page: Any) -> bool:
    """Whether a title is the name of the page's section, not a headline: a word or two
    that a link of the page's menu or breadcrumb shows ("Aktuelles", from a <title>
    "Heimatverein Wüstenbrand e.V. - Aktuelles" on a page whose headline is no `h1`)."""
    if not title or count_words(title) >= HEADLINE_MIN_WORDS:
        return False
    links = (clean_inline(link.text_content()).casefold() for link in page.iter("a"))
    return title.casefold() in links


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def _published_day(page: Any) -> datetime.date | None:
    """The day the page says it was published, in the newsroom's time: its
    `article:published_time` or its JSON-LD `datePublished` (a video's `uploadDate`).
    trafilatura cuts such a timestamp to the date it writes, which for an item put out
    just after midnight in Germany and written in UTC ("2026-11-14T23:40:00Z") is the
    day before; and its search of the whole page may take a teaser's date instead."""
    stated = [
        *page.xpath('//head/meta[@property="article:published_time"]/@content'),
        *page.xpath('//head/meta[@name="article:published_time"]/@content'),
        _json_ld_text(page, "datePublished"),
        _json_ld_text(page, "uploadDate"),
    ]
    for value in stated:
        if moment := parse_timestamp(value):
            return newsroom_day(moment)
    return None


def _dateline_date(texts: list[tuple[BlockKind, str]]) -> datetime.date | None:
    """The date of a dateline opening one of the text's first paragraphs: what the text
    says of itself, where the page's metadata may give an upload date or none."""
    paragraphs = [text for kind, text in texts if kind == BlockKind.PARAGRAPH]
    for text in paragraphs[:DATELINE_BLOCKS]:
        if found := _DATELINE.match(clean_inline(text)):
            # None when it is no date ("31.02.2026", "12. Abend 2026")
            return calendar_date(found["year"], found["month"], found["month_name"], found["day"])
    return None


def _drop_title_and_kicker(
    texts: list[tuple[BlockKind, str]], title: str
) -> list[tuple[BlockKind, str]]:
    """Without the headline repeated in the body, and the short kicker lines above it or
    before it in the same heading."""
    wanted = clean_inline(title).casefold()
    for index, (kind, text) in enumerate(texts[:3]):
        if wanted and _is_headline(kind, clean_inline(text).casefold(), wanted):
            if all(is_heading(before) for _, before in texts[:index]):
                return texts[index + 1 :]
            return texts[:index] + texts[index + 1 :]
    return texts


def _is_headline(kind: BlockKind, line: str, headline: str) -> bool:
    """Whether a block is the headline, maybe after its kicker in the same heading
    (`<h1><span>Unwetter in der Westpfalz</span> <span>Starkregen …</span></h1>`)."""
    if line == headline:
        return True
    if kind != BlockKind.HEADING or not line.endswith(f" {headline}"):
        return False
    kicker = line.removesuffix(headline).rstrip(" :–—-|")
    return count_words(kicker) <= KICKER_MAX_WORDS
