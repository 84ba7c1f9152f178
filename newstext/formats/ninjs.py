"""IPTC ninjs (News in JSON) 1.x, 2.x and 3.x items as `IncomingArticle`s.

Property names by version (checked against the IPTC schemas in `schemas/`):
- 1.x: `headline`, `byline`, `versioncreated`, `copyrightholder`, `body_text`,
  `body_html` / `body_xhtml` (any `body_*`);
- 2.x: `headlines` and `bodies` lists, still lower-case (`versioncreated`, `contenttype`);
- 3.x: the same lists in camelCase (`versionCreated`, `contentType`, `copyrightHolder`).

An item that names its version (`$standard` in 1.x, `standard` in 2.x/3.x, or a
`$schema` URL) is validated against that version's schema; otherwise against the
versions whose property names fit it, newest first, and the first that accepts it wins.

Beyond the properties: the published day is the day `versionCreated` fell on in Berlin;
a dateline opening the text ("Leipzig (dpa/sn) - ") is read as the text import reads
it; a note to editors at the end ("Hinweis an die Redaktion: …") is not article text.
"""

import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from newstext.datelines import read_dateline
from newstext.dates import newsroom_day, parse_timestamp
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
from newstext.parsing import EDITORS_NOTE_LABEL, BlockKind, DatePrecision
from newstext.reasons import Reason, declare, gettext_noop

# Why a JSON document or a ninjs item is not read (newstext.reasons: shown translated).
declare(
    {
        "json_invalid": gettext_noop(
            "invalid JSON at line %(line)s column %(column)s: %(problem)s"
        ),
        "json_too_deep": gettext_noop("invalid JSON: nested deeper than %(limit)s levels"),
        "json_not_text": gettext_noop("invalid JSON: not UTF-8, UTF-16 or UTF-32 text"),
        "ninjs_list_empty": gettext_noop("the ninjs list has no items"),
        "ninjs_not_item": gettext_noop("the JSON is not a ninjs news item"),
        "ninjs_item_not_item": gettext_noop("item %(number)s is not a ninjs news item"),
        "ninjs_not_article": gettext_noop("the ninjs item is of type %(type)s, not an article"),
        "ninjs_withdrawn": gettext_noop(
            "the ninjs item is withdrawn by its sender (pubStatus %(status)s), not an article"
        ),
        "ninjs_no_text_items": gettext_noop("the ninjs list has no text items"),
        "ninjs_schema": gettext_noop("%(path)s: %(problem)s (ninjs %(version)s schema)"),
        "ninjs_item_schema": gettext_noop(
            "item %(number)s: %(path)s: %(problem)s (ninjs %(version)s schema)"
        ),
        "ninjs_undefined_property": gettext_noop(
            "property not defined by the standard (%(names)s)"
        ),
        "ninjs_no_body": gettext_noop(
            "the ninjs item has no text body (body_text, body_html, bodies)"
        ),
        "ninjs_bad_date": gettext_noop("versionCreated is not a date-time: %(value)s"),
    }
)

SCHEMA_DIR = Path(__file__).parent / "schemas"
# The newest schema of each major version; older minors are subsets of it.
SCHEMA_FILES = {
    "1": "ninjs-schema_1.6.json",
    "2": "ninjs-schema_2.2.json",
    "3": "ninjs-schema_3.1.json",
}
# The 2.x/3.x schemas point `geometry` at the GeoJSON schema on geojson.org. Nothing is
# fetched: that reference resolves to an empty schema, so geometry is not checked.
GEOJSON_SCHEMA_URI = "https://geojson.org/schema/GeoJSON.json"

_VERSION_IN_URL = re.compile(r"ninjs-schema_(\d+)\.(\d+)")
_NITF_BODY = re.compile(r"<body\.content\b[^>]*>(.*?)</body\.content>", re.DOTALL)
_UNEXPECTED = re.compile(r"'([^']+)'")
# What opens a note to editors, the end of an agency text ("Hinweis an die Redaktion:
# Fotos im Bildportal", "Redaktioneller Hinweis: …"): it and what follows are no article
# text. A label alone makes a note heading, as do the usual link-box headings.
_NOTE_OPENING = re.compile(rf"\A{EDITORS_NOTE_LABEL}\s*:", re.IGNORECASE)
_NOTE_HEADING = re.compile(
    rf"\A(?:{EDITORS_NOTE_LABEL}|weitere informationen|notizblock)\s*:?\Z", re.IGNORECASE
)
# A person's `rel` when they wrote the item: "author", "creator", "…:author".
_AUTHOR_REL = re.compile(r"(?:\A|[:/#])(?:author|creator|writer)\Z", re.IGNORECASE)
# ninjs `type` values that carry an article; pictures, video, audio, events are not.
ARTICLE_TYPES = frozenset({"text", "composite"})
# An item its sender took back ("withheld": not to be used for now; "canceled": killed).
WITHDRAWN = frozenset({"withheld", "canceled"})
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml")
NITF_TYPES = ("text/vnd.iptc.nitf", "application/vnd.iptc.nitf")

# Marks of a ninjs item, for telling it from other JSON (see `looks_like_ninjs`).
NINJS_MARKS = frozenset(
    {"uri", "headline", "headlines", "bodies", "$standard", "versioncreated", "versionCreated"}
)


def looks_like_ninjs(value: object) -> bool:
    """An object with ninjs properties, or a non-empty list of only such objects."""
    if isinstance(value, list):
        return bool(value) and all(looks_like_ninjs(item) for item in value)
    return isinstance(value, dict) and any(
        key in NINJS_MARKS or key.startswith("body_") for key in value
    )


def parse_ninjs(data: bytes | str, *, source: str, max_chars: int) -> list[IncomingArticle]:
    """Every item of a ninjs document (one object or a list of them), validated.

    Raises FormatError for invalid JSON, JSON that is not ninjs, a schema violation
    (naming the JSON path of the failing field and the reason) or an item without text.
    """
    return articles_or_refusal(ninjs_articles(data, source=source, max_chars=max_chars))


def ninjs_articles(
    data: bytes | str, *, source: str, max_chars: int
) -> list[IncomingArticle | FormatError]:
    """The document's articles, and the refusals of items that should have been one
    (invalid, without text), in list order: an importer takes the articles and reports
    each refusal, losing none of the others. Pictures, events and withdrawn items in a
    list are left out.

    Raises FormatError for invalid JSON, an empty list, and a document with no item that
    is or should have been an article; a single item's refusal is raised.
    """
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        raise FormatError(
            source, Reason("json_invalid", line=error.lineno, column=error.colno, problem=error.msg)
        ) from None
    except UnicodeDecodeError:
        raise FormatError(source, Reason("json_not_text")) from None
    except RecursionError:  # the decoder's own depth limit (Python's recursion limit)
        raise FormatError(source, Reason("json_too_deep", limit=sys.getrecursionlimit())) from None
    alone = not isinstance(document, list)
    entries = [document] if alone else document
    if not entries:
        raise FormatError(source, Reason("ninjs_list_empty"))
    items: list[IncomingArticle | FormatError] = []
    for number, item in enumerate(entries, start=1):
        try:
            article = _item_article(
                item, None if alone else number, source=source, max_chars=max_chars
            )
        except FormatError as refusal:
            if alone:
                raise
            items.append(refusal)
            continue
        if article is not None:
            items.append(article)
    if not items:
        raise FormatError(source, Reason("ninjs_no_text_items"))
    return items


def _item_article(
    item: object, number: int | None, *, source: str, max_chars: int
) -> IncomingArticle | None:
    """The article of one item (`number` in a list, None alone); None for a picture, an
    event or a withdrawn item in a list. FormatError says why an item is refused."""
    if not isinstance(item, dict) or not looks_like_ninjs(item):
        refusal = (
            Reason("ninjs_not_item")
            if number is None
            else Reason("ninjs_item_not_item", number=number)
        )
        raise FormatError(source, refusal)
    major = validate_item(item, source=source, number=number)
    kind = _text(item.get("type")) or "text"
    if kind not in ARTICLE_TYPES:
        if number is not None:
            return None  # a picture or event delivered with the articles
        raise FormatError(source, Reason("ninjs_not_article", type=repr(kind)))
    status = _text(_get(item, "pubStatus", "pubstatus"))
    if status in WITHDRAWN:
        if number is not None:
            return None  # a kill notice among the articles
        raise FormatError(source, Reason("ninjs_withdrawn", status=repr(status)))
    return _article(item, major, source=source, max_chars=max_chars)


def validate_item(item: dict[str, Any], *, source: str, number: int | None = None) -> str:
    """The schema version ("1", "2" or "3") the item is valid against; FormatError if none
    (naming the item's `number` in a list)."""
    declared = declared_version(item)
    candidates = [declared] if declared else candidate_versions(item)
    first_errors: list[Any] = []
    for major in candidates:
        errors = list(_validator(major).iter_errors(item))
        if not errors:
            return major
        if not first_errors:
            first_errors = errors
    error = jsonschema.exceptions.best_match(first_errors)
    version = SCHEMA_FILES[candidates[0]].removeprefix("ninjs-schema_").removesuffix(".json")
    path, problem = _error_path(error), _error_reason(error)
    if number is None:
        raise FormatError(
            source, Reason("ninjs_schema", path=path, problem=problem, version=version)
        )
    raise FormatError(
        source,
        Reason("ninjs_item_schema", number=number, path=path, problem=problem, version=version),
    )


def declared_version(item: dict[str, Any]) -> str | None:
    """The major version an item names in `$standard`, `standard` or `$schema`."""
    for key in ("$standard", "standard"):
        standard = item.get(key)
        if isinstance(standard, dict):
            version = str(standard.get("version", "")).strip()
            if version[:1] in SCHEMA_FILES:
                return version[:1]
            if match := _VERSION_IN_URL.search(str(standard.get("schema", ""))):
                return match[1] if match[1] in SCHEMA_FILES else None
    if match := _VERSION_IN_URL.search(str(item.get("$schema", ""))):
        return match[1] if match[1] in SCHEMA_FILES else None
    return None


def candidate_versions(item: dict[str, Any]) -> list[str]:
    """Versions ordered by how few of the item's property names they lack, newest first."""

    def unknown(major: str) -> int:
        known = _property_names(major)
        return sum(
            1
            for key in item
            if key not in known
            and not (major == "1" and key.startswith(("body_", "headline_", "description_")))
        )

    return sorted(SCHEMA_FILES, key=lambda major: (unknown(major), -int(major)))


@cache
def _schema(major: str) -> dict[str, Any]:
    with open(SCHEMA_DIR / SCHEMA_FILES[major], encoding="utf-8") as file:
        schema: dict[str, Any] = json.load(file)
    return schema


@cache
def _property_names(major: str) -> frozenset[str]:
    schema = _schema(major)
    properties = schema.get("properties") or schema["$defs"]["ninjsType"]["properties"]
    return frozenset(properties)


@cache
def _validator(major: str) -> Any:
    schema = _schema(major)
    registry: Registry[Any] = Registry().with_resource(
        GEOJSON_SCHEMA_URI, DRAFT202012.create_resource({})
    )
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry)


def _error_path(error: Any) -> str:
    path: str = error.json_path
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        names = _UNEXPECTED.findall(error.message)
        if len(names) == 1:
            return f"{path}.{names[0]}" if path != "$" else f"$.{names[0]}"
    return path


def _error_reason(error: Any) -> str | Reason:
    """What is wrong: ours where we can say it; jsonschema's own words (English) else."""
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        names = ", ".join(_UNEXPECTED.findall(error.message))
        return Reason("ninjs_undefined_property", names=names)
    if error.validator == "required":
        return str(error.message)
    reason = str(error.message)
    return reason if len(reason) <= 200 else reason[:199] + "…"


def _get(item: dict[str, Any], *names: str) -> Any:
    for name in names:
        if item.get(name) not in (None, ""):
            return item[name]
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _headline(item: dict[str, Any]) -> str:
    if headline := _text(item.get("headline")):
        return headline
    headlines = [h for h in item.get("headlines") or [] if isinstance(h, dict)]
    main = [h for h in headlines if h.get("role") in (None, "main")]
    for entry in main + headlines:
        content_type = str(_get(entry, "contentType", "contenttype") or "").lower()
        value = _text(entry.get("value"))
        if value and content_type.startswith(HTML_TYPES):
            value = markup_line(value)
        if value:
            return value
    return ""


def _byline(item: dict[str, Any]) -> str:
    """`by` (`byline` in 1.x), else the people the item names as its authors."""
    if byline := _text(_get(item, "by", "byline")):
        return byline
    people = [p for p in item.get("people") or item.get("person") or [] if isinstance(p, dict)]
    return join_names(
        _text(person.get("name"))
        for person in people
        if _AUTHOR_REL.search(_text(person.get("rel")))
    )


def _body_texts(item: dict[str, Any], major: str) -> list[tuple[BlockKind, str]]:
    """Blocks of the richest body: HTML, else NITF, else plain text; the longest of a kind."""
    html: list[str] = []
    nitf: list[str] = []
    plain: list[str] = []
    if major == "1":
        for key, value in item.items():
            if not key.startswith("body_") or not isinstance(value, str):
                continue
            if key in ("body_html", "body_xhtml", "body_html5"):
                html.append(value)
            elif key == "body_nitf":
                nitf.append(value)
            elif key == "body_text":
                plain.append(value)
    for body in item.get("bodies") or []:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        content_type = str(_get(body, "contentType", "contenttype") or "text/plain").lower()
        if content_type.startswith(HTML_TYPES):
            html.append(body["value"])
        elif content_type.startswith(NITF_TYPES):
            nitf.append(body["value"])
        elif content_type.startswith("text/plain"):
            plain.append(body["value"])
    # Of several bodies of a kind (a teaser and the full text), the longest.
    if html:
        return markup_blocks(max(html, key=len))
    if nitf:
        longest = max(nitf, key=len)
        match = _NITF_BODY.search(longest)
        return markup_blocks(match[1] if match else longest)
    if plain:
        return plain_text_blocks(max(plain, key=len))
    return []


def _take_dateline(
    texts: list[tuple[BlockKind, str]],
) -> tuple[list[tuple[BlockKind, str]], str, list[str]]:
    """The texts without the dateline opening their first paragraph, its place and its
    agencies ("dpa/sn": dpa, sn); a paragraph that was only the dateline goes."""
    index = next((i for i, (kind, _) in enumerate(texts) if kind is BlockKind.PARAGRAPH), None)
    if index is None:
        return texts, "", []
    dateline = read_dateline(clean_inline(texts[index][1]))
    if not dateline:
        return texts, "", []
    rest = [(BlockKind.PARAGRAPH, dateline.rest)] if dateline.rest else []
    return texts[:index] + rest + texts[index + 1 :], dateline.place, dateline.agencies


def _without_notes_to_editors(
    texts: list[tuple[BlockKind, str]],
) -> list[tuple[BlockKind, str]]:
    """The texts up to a note to editors after the first block (see `EDITORS_NOTE_LABEL`)."""
    for index, (_, text) in enumerate(texts[1:], start=1):
        text = clean_inline(text)
        if _NOTE_OPENING.match(text) or _NOTE_HEADING.match(text):
            return texts[:index]
    return texts


def _article(item: dict[str, Any], major: str, *, source: str, max_chars: int) -> IncomingArticle:
    uri = _text(item.get("uri")) or None
    name = f"{source} ({uri})" if uri else source
    texts = _body_texts(item, major)
    headline = _headline(item)
    texts = drop_leading_title(texts, headline)
    texts, dateline_place, agencies = _take_dateline(_without_notes_to_editors(texts))
    if not texts:
        raise FormatError(name, Reason("ninjs_no_body"))
    title, derived = title_or_derived(headline, texts)
    body, blocks = join_blocks(texts, source=name, max_chars=max_chars)

    revised_at = None
    if created := _text(_get(item, "versionCreated", "versioncreated")):
        revised_at = parse_timestamp(created)
        if revised_at is None:
            raise FormatError(name, Reason("ninjs_bad_date", value=repr(created)))
    published_on = newsroom_day(revised_at) if revised_at else None
    version = item.get("version")
    return IncomingArticle(
        source_format=f"ninjs-{major}",
        source_name=source,
        identity=uri,
        version=str(version) if version not in (None, "") else None,
        title=title,
        title_derived=derived,
        body=body,
        blocks=blocks,
        byline=_byline(item),
        published_on=published_on,
        date_precision=DatePrecision.DAY if published_on else DatePrecision.UNKNOWN,
        revised_at=revised_at,
        publisher_name=(
            _text(_get(item, "copyrightHolder", "copyrightholder")) or next(iter(agencies), "")
        ),
        place=_text(item.get("located")) or dateline_place,
        language=_text(item.get("language")),
        cited_source_names=agencies[1:],
    )
