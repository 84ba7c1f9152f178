"""Paragraph and heading blocks from article markup (HTML, XHTML, NITF body.content).

For markup that is already the article (an agency's body_html, a feed's content:encoded,
trafilatura's cleaned output), not whole web pages: those go through `formats.html`.
Uses the standard library's tolerant HTMLParser, so broken markup still yields text.
"""

from html.parser import HTMLParser

from newstext.parsing import BlockKind, is_heading

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"})
# Elements whose end (or start) closes the running block.
BLOCK_TAGS = HEADING_TAGS | frozenset(
    {
        "address", "article", "blockquote", "body", "body.content", "dd", "div", "dl", "dt",
        "footer", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr",
        "ul", "br", "block",
    }
)  # fmt: skip
# Elements whose content is never article text.
SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "nav",
        "figure", "figcaption", "button", "select", "textarea", "title", "media",
        "body.head", "body.end", "aside",
    }
)  # fmt: skip
# A table row is one paragraph, its cells separated by CELL_SEPARATOR.
CELL_TAGS = frozenset({"td", "th"})
CELL_SEPARATOR = " | "
BOLD_TAGS = frozenset({"b", "strong"})
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "embed"})


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[BlockKind, str]] = []
        self._text: list[str] = []
        self._bold_text: list[str] = []
        self._skip_depth = 0
        self._heading_depth = 0
        self._bold_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_depth:
            if tag in SKIPPED_TAGS:
                self._skip_depth += 1
            return
        if tag in SKIPPED_TAGS:
            self._flush()
            self._skip_depth = 1
        elif tag in BLOCK_TAGS:
            self._flush()
            if tag in HEADING_TAGS:
                self._heading_depth += 1
        elif tag in CELL_TAGS:
            if any(part.strip() for part in self._text):
                self._text.append(CELL_SEPARATOR)
        elif tag in BOLD_TAGS:
            self._bold_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip_depth and tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skip_depth:
            if tag in SKIPPED_TAGS:
                self._skip_depth -= 1
            return
        if tag in BLOCK_TAGS:
            self._flush()
            if tag in HEADING_TAGS and self._heading_depth:
                self._heading_depth -= 1
        elif tag in BOLD_TAGS and self._bold_depth:
            self._bold_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self._text.append(data)
        if self._bold_depth:
            self._bold_text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        bold = " ".join("".join(self._bold_text).split())
        self._text, self._bold_text = [], []
        if not text:
            return
        # A paragraph that is wholly bold and shaped like a heading is a subheading
        # ("<p><strong>Was die Regel sagt</strong></p>"), as many CMS write them.
        if self._heading_depth or (bold == text and is_heading(text)):
            self.blocks.append((BlockKind.HEADING, text))
        else:
            self.blocks.append((BlockKind.PARAGRAPH, text))


def markup_blocks(markup: str) -> list[tuple[BlockKind, str]]:
    """(kind, text) pairs of an article's markup: headings h1–h6, everything else paragraphs.

    Tags are dropped, entities decoded, white space collapsed; a table row is one
    paragraph with its cells separated by " | "; scripts, styles, figures, navigation and
    asides are left out.
    """
    collector = _BlockCollector()
    collector.feed(markup)
    collector.close()
    return collector.blocks


def markup_line(markup: str) -> str:
    """The text of a piece of markup as one line (a headline, a teaser or a block written
    in HTML): its blocks joined by spaces."""
    return " ".join(text for _, text in markup_blocks(markup))
