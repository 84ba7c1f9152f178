"""HTML checks shared by the tests: inline code (CSP, XSS) and the errors beside a field."""

import re
from html.parser import HTMLParser

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineCode(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' would block (or what smuggles code)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            self.in_script = attributes.get("type") not in DATA_SCRIPT_TYPES
        for name, value in attrs:
            if name.startswith("on") or name.startswith(("hx-on", "data-hx-on")):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style":
                self.problems.append(f"<{tag} style=…>")
            if name in ("href", "src", "action", "formaction") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.problems.append(f"inline script {data.strip()[:40]!r}")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.problems


def field_errors(html: str, field_id: str) -> str:
    """The text of the error list the field template shows beside the field `field_id`
    (`<ul class="errorlist" id="<field_id>_error">`), or "" when it has none."""
    found = re.search(
        rf'<ul class="errorlist[^"]*"[^>]* id="{re.escape(field_id)}_error">(.*?)</ul>', html, re.S
    )
    return re.sub(r"<[^>]+>", " ", found[1]).strip() if found else ""
