"""A saved or fetched news web page as an `IncomingArticle`, extracted with trafilatura.

trafilatura finds the article and drops the page furniture (navigation, cookie banner,
teasers, related links, comments, footer); its cleaned HTML becomes paragraph and
heading blocks through `formats.markup`. Metadata (title, author, date, site name,
canonical URL) comes from the page's meta tags, JSON-LD and markup.

Nothing is fetched: the page is given as bytes (trafilatura detects the encoding from
the bytes and the meta charset), and no URL is passed that could be followed.

Tuning (measured on the pages in tests/data/formats/html, see the test module):
`favor_recall` kept every article sentence and leaked no furniture; the default and
`favor_precision` dropped a lead paragraph whose class was "teasertext".
"""

import copy
import datetime
import re
from typing import Literal

import trafilatura
from trafilatura.htmlprocessing import build_html_output
from trafilatura.utils import load_html

from newstext.formats.base import (
    FormatError,
    IncomingArticle,
    clean_inline,
    join_blocks,
)
from newstext.formats.markup import markup_blocks
from newstext.formats.page_cleaning import byline_split, furniture_drop, lead_find
from newstext.parsing import BlockKind, DatePrecision, count_words, is_heading
from newstext.reasons import ReasonKind, gettext_noop

# Below this many words what trafilatura found is not an article (an index page).
MIN_ARTICLE_WORDS = 40
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)")

Favor = Literal["precision", "balanced", "recall"]

HTML_NO_ARTICLE = ReasonKind(
    "html_no_article", gettext_noop("no article text found in the HTML page")
)
HTML_TOO_FEW_WORDS = ReasonKind(
    "html_too_few_words",
    gettext_noop("no article text found in the HTML page (under %(words)s words)"),
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
    tree = load_html(data)
    if tree is None:
        raise FormatError(source, HTML_NO_ARTICLE())
    furniture_drop(tree)
    page = copy.deepcopy(tree)  # trafilatura prunes the tree it reads
    document = trafilatura.bare_extraction(
        tree,
        favor_precision=favor == "precision",
        favor_recall=favor == "recall",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=True,
        with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    if document is None or isinstance(document, dict) or document.body is None:
        raise FormatError(source, HTML_NO_ARTICLE())
    texts = markup_blocks(build_html_output(document, False))
    title = clean_inline(document.title or "")
    texts = _drop_title_and_kicker(texts, title)
    texts, byline = byline_split(texts, byline=clean_inline(document.author or ""))
    lead = lead_find(page, kept=(text for _, text in texts))
    if lead:
        texts.insert(0, (BlockKind.PARAGRAPH, lead))
    if count_words(" ".join(text for _, text in texts)) < min_words:
        raise FormatError(source, HTML_TOO_FEW_WORDS(words=min_words))
    canonical = (document.url or "").strip() or None
    name = f"{source} ({canonical})" if canonical else source
    body, blocks = join_blocks(texts, source=name, max_chars=max_chars)
    published_on = _date(document.date)
    language_match = _HTML_LANG.search(data[:4096])
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
        publisher_name=clean_inline(document.sitename or ""),
        language=language_match[1].decode("ascii") if language_match else "",
        link=canonical,
    )


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def _drop_title_and_kicker(
    texts: list[tuple[BlockKind, str]], title: str
) -> list[tuple[BlockKind, str]]:
    """Without the headline repeated in the body, and the short kicker lines above it."""
    wanted = clean_inline(title).casefold()
    for index, (_, text) in enumerate(texts[:3]):
        if wanted and clean_inline(text).casefold() == wanted:
            if all(is_heading(before) for _, before in texts[:index]):
                return texts[index + 1 :]
            return texts[:index] + texts[index + 1 :]
    return texts
