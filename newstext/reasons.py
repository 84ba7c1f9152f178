"""Why an import refuses an input: a stable code, its parameters and an English text.

`newstext` imports no Django, so it cannot translate. Each module that refuses declares
its reasons once, as a table of codes and English templates (`%(name)s` placeholders,
marked for the app's catalogue with `gettext_noop`), and gives one by its code:

    declare({"file_empty": gettext_noop("file is empty")})
    raise RejectedInput(Reason("file_empty"))

A `Reason` is the English text itself (a `str`: the command line, logs and messages
that embed it go on as before) and carries its `code` and `params`. The app stores both
with an import result and shows the reason in the reader's language at display time
(`ingest.reasons`), the template being the catalogue's msgid. Parameters are numbers,
text (file names, details a library gave in English) or other reasons.
"""

from collections.abc import Callable, Mapping
from typing import Any, Self

# Every declared reason: code → English template.
REASONS: dict[str, str] = {}

ParamValue = str | int | float


def gettext_noop(message: str) -> str:
    """Marks a message for the Django app's catalogue (makemessages) without Django."""
    return message


def english_number(value: int | float) -> str:
    """Numbers as the English text has them: 12,345 and 0.5."""
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


class Reason(str):
    """One refusal: the English text (the str value), its `code` and its `params`."""

    code: str
    params: dict[str, "ParamValue | Reason"]

    def __new__(cls, code: str, /, **params: "ParamValue | Reason") -> Self:
        self = super().__new__(cls, render(REASONS[code], params))
        self.code = code
        self.params = params
        return self

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, "ParamValue | Reason"]]:
        # Copies and pickles rebuild the reason from its code, not from its text.
        return (self.code,), self.params

    def to_json(self) -> dict[str, Any]:
        """Code and parameters as JSON values (nested reasons as their own dicts)."""
        return {
            "code": self.code,
            "params": {
                name: value.to_json() if isinstance(value, Reason) else value
                for name, value in self.params.items()
            },
        }


def render(
    template: str,
    params: Mapping[str, Any],
    *,
    number: Callable[[int | float], str] = english_number,
    nested: Callable[[Any], str] = str,
) -> str:
    """The template filled in: numbers through `number`, reasons (as `Reason` or as the
    dict `to_json` makes) through `nested`, everything else as text."""
    values: dict[str, str] = {}
    for name, value in params.items():
        if isinstance(value, Reason) or is_reason_json(value):
            values[name] = nested(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = number(value)
        else:
            values[name] = str(value)
    try:
        return template % values if values else template
    except (KeyError, ValueError, TypeError):  # a parameter missing from a stored reason
        return f"{template} {values}" if values else template


def code_and_params(reason: str) -> tuple[str, dict[str, Any]]:
    """What to store of a reason beside its English text: its code and its parameters as
    JSON values; ("", {}) for plain text."""
    if not isinstance(reason, Reason):
        return "", {}
    return reason.code, reason.to_json()["params"]


def is_reason_json(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("code"), str) and "params" in value


def declare(templates: Mapping[str, str]) -> None:
    """Declares a module's reasons: code → English template. A code is declared once."""
    for code, template in templates.items():
        known = REASONS.setdefault(code, template)
        if known != template:
            raise ValueError(f"reason code {code!r} is declared twice")
