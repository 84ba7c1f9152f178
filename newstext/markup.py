"""Markup left in a plain-text news file, read as the text it marks (no Django imports).

Editorial systems export articles as Markdown (front matter between "---" lines, "#"
headings, "**bold**", images, links, HTML comments) or as XML with the article's parts in
tags ("<headline>…</headline>", "<p>…</p>", "<zwischentitel>…</zwischentitel>"). A text
that is one of these is turned into the plain text the text import reads: fields on top
as "Key: value" lines, the headline and subheadings as lines of their own, paragraphs set
apart by blank lines, a bold place opening the text as a dateline ("**Erfurt.** Die …"
becomes "Erfurt – Die …", read where the head names the place), pictures, captions and
comments dropped. Any other text is returned as it is.
"""

import html
import re

# Markdown: "# Title", "## Subheading"; a line of its own.
_MD_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*\s*$", re.MULTILINE)
# A picture ("![Besucher auf dem Domplatz](https://…)"), alone on its line.
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$", re.MULTILINE)
# A link: its text stays ("[Die Adventsmärkte](https://…)").
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\([^)]*\)")
# Bold and italic marks around words.
# Not a gender star inside a word ("Bürger*innen").
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?P<text>\S(?:.*?\S)?)\1(?![\w*])")
# A quotation's mark opening a line.
_MD_QUOTE = re.compile(r"^>\s?", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Front matter on top: "key: value" lines between "---" lines.
_FRONT_MATTER = re.compile(r"\A---\n(?P<fields>(?:[\w-]+:.*\n)+)---\n")
_QUOTED_VALUE = re.compile(r"""^(?P<key>[\w-]+):\s*(?P<quote>["'])(?P<value>.*)(?P=quote)\s*$""")
# A bold place closing with a full stop that opens a paragraph: the dateline.
_BOLD_PLACE = re.compile(
    r"^(?:\*\*|__|<b>|<strong>)(?P<place>[A-ZÄÖÜ][^\W\d_]+(?:[ -][A-ZÄÖÜ][^\W\d_]+)*)\."
    r"(?:\*\*|__|</b>|</strong>)\s+",
    re.MULTILINE,
)

# XML: the declaration, and an element on one line with its text ("<headline>…</headline>").
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")
_ELEMENT_LINE = re.compile(r"^<(?P<tag>[\w-]+)(?:\s[^>]*)?>(?P<text>.*)</(?P=tag)>$")
_TAG = re.compile(r"</?[\w-]+(?:\s[^<>]*)?/?>")
# Elements naming a field of the head, by their tag; those naming a subheading; those
# holding no text of the article (pictures, captions, credits, tags).
_FIELD_ELEMENTS = {
    "headline": "Titel", "title": "Titel", "titel": "Titel", "ueberschrift": "Titel",
    "dachzeile": "Dachzeile", "kicker": "Dachzeile", "subline": "Unterzeile",
    "unterzeile": "Unterzeile", "teaser": "Teaser", "author": "Autor", "autor": "Autor",
    "byline": "Autor", "pubdate": "Datum", "date": "Datum", "datum": "Datum", "ort": "Ort",
    "tags": "Schlagworte", "keywords": "Schlagworte",
}  # fmt: skip
_HEADING_ELEMENTS = frozenset({"zwischentitel", "zwischenzeile", "h2", "h3", "h4", "subhead"})
_DROPPED_ELEMENTS = re.compile(
    r"<(?P<tag>bild|image|img|figure|bildunterschrift|caption|credit)\b[^>]*>.*?</(?P=tag)>"
    r"|<(?:bild|image|img|figure)\b[^>]*/>",
    re.DOTALL,
)
# Markdown shows itself on top: by front matter, or by a headline marked "# " on the
# first line (a wire's notes for the newsroom may use "#" and links further down).
_MD_HEADLINE = re.compile(r"#\s+\S")


def plain_text(text: str) -> str:
    """`text` without its markup, if it is a Markdown or an XML export (see above)."""
    start = text.lstrip()
    if start.startswith("<") and (_XML_DECLARATION.match(start) or _is_xml(start)):
        return _plain_from_xml(text)
    if _FRONT_MATTER.match(text) or _MD_HEADLINE.match(start):
        return _plain_from_markdown(text)
    return text


def _is_xml(text: str) -> bool:
    """An XML document without its declaration: one element holding the whole text, its
    start tag on the first line and its end tag on the last ("<artikel …>" … "</artikel>");
    a line of text that only mentions a tag ("<script> steht im Text") is none."""
    lines = [line.strip() for line in text.strip().split("\n")]
    root = re.match(r"<(?P<tag>[\w-]+)(?:\s[^<>]*)?>\Z", lines[0])
    return len(lines) > 2 and root is not None and lines[-1] == f"</{root['tag']}>"


def _plain_from_markdown(text: str) -> str:
    text = _COMMENT.sub("", text)
    fields: list[str] = []
    if front := _FRONT_MATTER.match(text):
        fields = [_unquoted(line) for line in front["fields"].splitlines()]
        text = "\n".join(fields) + "\n\n" + text[front.end() :]
    text = _BOLD_PLACE.sub(r"\g<place> – ", _MD_IMAGE.sub("", text))

    def heading(match: re.Match[str]) -> str:
        """A heading as a line of its own; none for the headline the fields give."""
        headline = len(match["level"]) == 1 and f": {match['text']}" in "\n".join(fields)
        return "" if headline else f"\n{match['text']}\n"

    text = _MD_HEADING.sub(heading, text)
    text = _MD_LINK.sub(r"\g<text>", text)
    text = _MD_EMPHASIS.sub(r"\g<text>", text)
    return _MD_QUOTE.sub("", text)


def _unquoted(line: str) -> str:
    """A front matter's field, its value without quotation marks."""
    match = _QUOTED_VALUE.match(line)
    return f"{match['key']}: {match['value']}" if match else line


def _plain_from_xml(text: str) -> str:
    text = _DROPPED_ELEMENTS.sub("", _COMMENT.sub("", _XML_DECLARATION.sub("", text)))
    lines: list[str] = []
    paragraph: list[str] = []  # the lines of a paragraph its tags span
    for line in map(str.strip, text.split("\n")):
        element = _ELEMENT_LINE.match(line)
        tag = element["tag"].casefold() if element else ""
        if element and tag in _FIELD_ELEMENTS:
            lines.append(f"{_FIELD_ELEMENTS[tag]}: {_text(element['text'])}")
        elif element and tag in _HEADING_ELEMENTS:
            lines += ["", _text(element["text"]), ""]
        elif paragraph or line.startswith("<p"):
            paragraph.append(_BOLD_PLACE.sub(r"\g<place> – ", re.sub(r"^<p[^>]*>", "", line)))
            if line.endswith("</p>"):
                lines += ["", _text(" ".join(paragraph)), ""]
                paragraph = []
        else:  # an element holding the others, or text outside any
            lines.append(_text(line))
    return "\n".join(lines + paragraph)


def _text(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup)).strip()
