"""Which format an incoming file is in, judged by its content (the name only breaks ties).

- JSON (`{` or `[{` first): ninjs when it has ninjs properties (`uri`, `headline(s)`,
  `body_*`/`bodies`, ...), or when it is not valid JSON but named .json (so the ninjs
  parser reports the JSON error);
- XML/HTML (`<` first, after a BOM, XML declaration, comments and doctype): root `rss`
  or `rdf:RDF` is RSS, `feed` is Atom, `html` / an HTML doctype / HTML body elements
  are a web page;
- anything else is plain text for `newstext.parsing`.
"""

import codecs
import json
import re

from newstext.formats.base import Format, FormatError
from newstext.formats.ninjs import looks_like_ninjs
from newstext.reasons import Reason, declare, gettext_noop

# Why an input's format is not recognised (newstext.reasons: shown translated).
declare(
    {
        "json_not_ninjs": gettext_noop("JSON, but not ninjs (no uri, headline or body properties)"),
        "xml_unknown_root": gettext_noop("XML with root <%(root)s> is not RSS, Atom or HTML"),
    }
)

SNIFF_BYTES = 8192
_PROLOG = re.compile(r"\A(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<\?[^>]*\?>)*", re.DOTALL)
# With its internal subset, if any: `<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>`.
_DOCTYPE = re.compile(r"<!DOCTYPE\s+(\w+)[^>\[]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(r"<([A-Za-z][\w.:-]*)")
HTML_ELEMENTS = frozenset(
    {"html", "head", "body", "div", "p", "article", "section", "main", "meta", "title",
     "h1", "h2", "header", "nav", "span", "table", "ul"}
)  # fmt: skip
NAME_HINTS = {
    ".json": Format.NINJS,
    ".rss": Format.RSS,
    ".atom": Format.ATOM,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".txt": Format.TEXT,
}


def _sniff_text(data: bytes) -> str:
    head = data[:SNIFF_BYTES]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    return head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")


def detect_format(data: bytes, *, name: str = "") -> Format:
    """The format of `data`; FormatError for markup that is neither feed nor web page."""
    text = _sniff_text(data).lstrip()
    hint = next((f for ext, f in NAME_HINTS.items() if name.lower().endswith(ext)), None)
    if text.startswith("{") or re.match(r"\[\s*[{\]]", text):
        try:
            document = json.loads(data)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return Format.NINJS  # the ninjs parser says what is wrong with the JSON
        if looks_like_ninjs(document):
            return Format.NINJS
        raise FormatError(name, Reason("json_not_ninjs"))
    if text.startswith("<"):
        markup = _PROLOG.sub("", text, count=1)
        if doctype := _DOCTYPE.match(markup):
            if doctype[1].lower() == "html":
                return Format.HTML
            markup = markup[doctype.end() :].lstrip()
        root = _ROOT.match(markup)
        tag = root[1].lower() if root else ""
        local = tag.rsplit(":", 1)[-1]
        if local in ("rss", "rdf"):
            return Format.RSS
        if local == "feed":
            return Format.ATOM
        if local in HTML_ELEMENTS:
            return Format.HTML
        if tag:
            if hint in (Format.RSS, Format.ATOM, Format.HTML, Format.TEXT):
                return hint  # a text file: an editorial system's XML (see newstext.markup)
            raise FormatError(name, Reason("xml_unknown_root", root=root[1] if root else tag))
    if hint is Format.NINJS:
        return Format.NINJS
    return Format.TEXT
