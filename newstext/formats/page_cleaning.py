"""Before and after trafilatura: page furniture it keeps, and the lead it drops.

trafilatura recognises furniture by English names and by structure. German news sites
name theirs in German (`kommentare`, `anzeige`, `teilen`), so comments and ads in
`div`s with such names came through as article text; `furniture_drop` removes every
element whose `class` or `id` names furniture, in either language, before extraction.

Many sites set the lead (the bold paragraph under the headline) apart from the body, in
the article's header or a box of its own (`intro`, `lead`, `teaser`, `standfirst` …);
trafilatura takes the body and leaves the lead out. `lead_find` looks for it between the
headline and the body: a box named as a lead, or the text the page's own description
repeats.

Above the text many pages print the byline and the date as a line of their own
("Von Sven Lüders | 29.09.2025, 22:05 Uhr"); `byline_split` takes such lines out of the
text, keeping the name as the byline when the page's metadata names no author.
"""

import re
from collections.abc import Iterable
from typing import Any

from newstext.formats.base import clean_inline
from newstext.parsing import BlockKind, count_words

# Parts of class and id names (split at "-" and "_") that mark page furniture.
FURNITURE_PARTS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "anzeige", "anzeigen", "werbung",
        "comment", "comments", "kommentar", "kommentare", "leserkommentare", "disqus",
        "share", "sharing", "social", "teilen", "socialbar",
        "newsletter", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent",
        "related", "verwandte", "empfehlung", "empfehlungen", "meistgelesen", "mostread",
        "outbrain", "taboola", "autorenbox",
    }
)  # fmt: skip
# Parts of class and id names that mark an article's lead.
LEAD_PARTS = frozenset(
    {
        "intro", "introtext", "lead", "leadtext", "lede", "teaser", "teasertext",
        "summary", "standfirst", "abstract", "vorspann", "kurztext", "excerpt",
    }
)  # fmt: skip
# Never furniture, whatever they are called: the page, its main part and the article.
_CONTAINERS = frozenset({"html", "body", "main", "article"})
# A box holding more than this share of the page's text is content, not furniture.
MAX_FURNITURE_SHARE = 0.4
# A lead is a sentence or more of running text, not mostly a link.
MIN_LEAD_WORDS = 8
MAX_LEAD_LINK_SHARE = 0.5
_NAME_PARTS = re.compile(r"[-_\s]+")
# Lines above the text that only say who wrote it and when; looked for among the first
# BYLINE_LINES blocks, each at most BYLINE_MAX_WORDS words.
BYLINE_LINES = 3
BYLINE_MAX_WORDS = 16
_DATE = (
    r"\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s?\d{4}"  # 29.09.2025, 14. März 2025
    r"(?:,?\s*(?:um\s)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?"  # , 22:05 Uhr
)
# After the name: dates, times, places, agencies; no running text ("Von Berlin, sagte er").
_BYLINE_REST = (
    r"(?:[\s\d.,:|·•;–/()-]|(?:Uhr|Min|Lesezeit|am|um|und|dpa|afp|epd|kna|sid)\b|[A-ZÄÖÜ]\w*)*"
)
_BYLINE = re.compile(
    r"^(?:Von|Text:|Autor:|Autorin:)\s+"
    r"(?P<name>[A-ZÄÖÜ][\w'.-]+(?:\s+(?:und|von|van|de|zu|[A-ZÄÖÜ][\w'.-]+)){0,6}?)"
    rf"\s*(?:[|·•,;–-]{_BYLINE_REST})?$"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:Aktualisiert|Veröffentlicht|Erstellt|Stand)(?:\s+am)?:?\s*)?{_DATE}"
    r"(?:\s*[|·•]\s*\d+\s*Min\.?(?:\s*Lesezeit)?)?$"
)


def furniture_drop(tree: Any) -> int:
    """Remove the elements of `tree` (lxml) named as furniture; returns how many.

    An element holding the headline (`h1`) or much of the page's text stays: a site
    that names its article `article-with-comments` keeps its article."""
    page_chars = len(tree.text_content())
    dropped = 0
    for element in list(tree.iter()):
        parent = element.getparent()
        if parent is None or not isinstance(element.tag, str) or element.tag in _CONTAINERS:
            continue
        if not any(ancestor is tree for ancestor in element.iterancestors()):
            continue  # inside a box dropped already
        if not _named(element, FURNITURE_PARTS):
            continue
        if element.tag == "h1" or element.find(".//h1") is not None:
            continue
        if len(element.text_content()) > MAX_FURNITURE_SHARE * page_chars:
            continue
        parent.remove(element)
        dropped += 1
    return dropped


def lead_find(tree: Any, *, kept: Iterable[str]) -> str | None:
    """The article's lead, if the page has one that the kept blocks lack.

    Looked for after the headline (`h1`) and before the first kept block: the first
    element named as a lead, or holding the page's description, with running text."""
    kept_texts = {clean_inline(text).casefold() for text in kept}
    first_kept = _first_element_with_text(tree, kept_texts)
    # The boxes around the body hold more than a lead.
    around_body = set(first_kept.iterancestors()) if first_kept is not None else set()
    description = _description(tree)
    after_headline = not tree.xpath("//h1")
    for element in tree.iter():
        if element is first_kept:
            return None
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1":
            after_headline = True
            continue
        if not after_headline or element in around_body:
            continue
        text = clean_inline(element.text_content())
        if text.casefold() in kept_texts or count_words(text) < MIN_LEAD_WORDS:
            continue
        if not (_named(element, LEAD_PARTS) or _describes(description, text)):
            continue
        links = sum(len(clean_inline(link.text_content())) for link in element.iter("a"))
        if links <= MAX_LEAD_LINK_SHARE * len(text):
            return text
    return None


def _named(element: Any, parts: frozenset[str]) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(part in parts for part in _NAME_PARTS.split(names))


def _describes(description: str, text: str) -> bool:
    """Whether the page's description is this text, or its beginning cut off by "…"."""
    if not description:
        return False
    shortened = description.removesuffix("…").removesuffix("...").strip()
    if shortened != description and count_words(shortened) >= MIN_LEAD_WORDS:
        return text.startswith(shortened)
    return text == description


def _first_element_with_text(tree: Any, texts: set[str]) -> Any:
    for element in tree.iter("p", "div", "h2", "h3", "li", "blockquote"):
        if clean_inline(element.text_content()).casefold() in texts:
            return element
    return None


def _description(tree: Any) -> str:
    for name in ("og:description", "description", "twitter:description"):
        for meta in tree.xpath("//meta[@property=$name or @name=$name][@content]", name=name):
            text = clean_inline(meta.get("content"))
            if text:
                return text
    return ""


def byline_split(
    texts: list[tuple[BlockKind, str]], *, byline: str
) -> tuple[list[tuple[BlockKind, str]], str]:
    """The texts without the byline and date lines above the article, and the byline:
    `byline` if the page's metadata gave one, else the name such a line gives."""
    above = 0  # the byline and date lines above the article
    for kind, text in texts[:BYLINE_LINES]:
        line = clean_inline(text)
        if kind != BlockKind.PARAGRAPH or count_words(line) > BYLINE_MAX_WORDS:
            break
        named = _BYLINE.match(line)
        if named:
            byline = byline or named["name"].strip()
        elif not _DATE_LINE.match(line):
            break
        above += 1
    return texts[above:], byline
