"""Browser selections to code-point ranges, verified against the text (no Django imports).

Browsers count UTF-16 code units; Newsdesk stores code points (DESIGN.md invariant 1).
Characters outside the Basic Multilingual Plane (emoji, some CJK) take two UTF-16 units
and one code point, which is where careless conversions go wrong.
"""

from dataclasses import dataclass


def gettext_noop(message: str) -> str:
    """Marks a message for the Django app's catalogue (makemessages) without Django."""
    return message


class SelectionError(ValueError):
    """A selection the server cannot accept; the message is shown to the editor.

    `template` and `params` let the app translate it: `_(error.template) % error.params`.
    """

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template % params if params else template)
        self.template = template
        self.params = params


@dataclass(frozen=True)
class CodePointRange:
    """A non-empty range of code points, [start, end)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise SelectionError(
                gettext_noop("%(start)s–%(end)s is not a non-empty range of text"),
                start=self.start,
                end=self.end,
            )


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_to_code_point(text: str, offset: int) -> int:
    """The code-point index of UTF-16 offset `offset` in `text`."""
    if offset < 0 or offset > utf16_length(text):
        raise SelectionError(gettext_noop("position %(offset)s is outside the text"), offset=offset)
    head = text.encode("utf-16-le")[: offset * 2]
    try:
        return len(head.decode("utf-16-le"))
    except UnicodeDecodeError:
        raise SelectionError(
            gettext_noop("position %(offset)s splits a character in two"), offset=offset
        ) from None


def code_point_to_utf16(text: str, index: int) -> int:
    return utf16_length(text[:index])


def utf16_starts(text: str, starts: list[int]) -> list[int]:
    """UTF-16 offsets of ascending code-point indexes, in one pass over the text."""
    result = []
    astral = 0
    previous = 0
    for index in starts:
        astral += sum(1 for char in text[previous:index] if ord(char) > 0xFFFF)
        result.append(index + astral)
        previous = index
    return result


def verify_selection(text: str, start16: int, end16: int, exact: str) -> CodePointRange:
    """Convert a browser selection and check that it quotes `text` exactly."""
    if end16 <= start16:
        raise SelectionError(gettext_noop("the selection is empty"))
    start = utf16_to_code_point(text, start16)
    end = utf16_to_code_point(text, end16)
    if text[start:end] != exact:
        raise SelectionError(
            gettext_noop(
                "the selected text does not match the article at that position "
                "(the article may have changed: reload the page)"
            )
        )
    if not exact.strip():
        raise SelectionError(gettext_noop("the selection holds only white space"))
    return CodePointRange(start, end)
