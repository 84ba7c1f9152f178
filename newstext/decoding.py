"""Turning the bytes of a news text file into normalised text (no Django imports).

Offsets everywhere in Newsdesk are code points into text normalised here: NFC and
`\\n` line ends (DESIGN.md invariant 1).
"""

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newstext.reasons import Reason, declare, gettext_noop

# Encodings a German newsroom file is plausibly in when it is not UTF-8.
FALLBACK_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]

# Share of control characters above which decoded text is treated as binary data.
MAX_CONTROL_SHARE = 0.01
# Unicode category Cc without \t \n \f \r; a regex counts them 15x faster than a loop.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class RejectedInput(ValueError):
    """The input cannot be imported; the message says why, in words for the user.

    `reason` is the message; a `newstext.reasons.Reason` where the app can translate it.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Why a file's bytes are not read as text (newstext.reasons: shown translated).
declare(
    {
        "file_too_large": gettext_noop("file is %(size)s bytes, over the limit of %(limit)s bytes"),
        "file_empty": gettext_noop("file is empty"),
        "file_binary_controls": gettext_noop("file looks binary (control characters), not text"),
        "file_binary_nul": gettext_noop("file looks binary (contains NUL bytes), not text"),
        "file_utf16_broken": gettext_noop("file starts with a UTF-16 mark but is not UTF-16"),
        "file_utf8_cut": gettext_noop(
            "file ends in the middle of a UTF-8 character (cut off while copying?)"
        ),
        "file_encoding_unknown": gettext_noop(
            "file is not UTF-8 and its encoding could not be detected"
        ),
    }
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_article_bytes(data: bytes, *, max_bytes: int) -> DecodedText:
    """Decode a news file: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

    Raises RejectedInput for empty, oversized or binary data.
    """
    if len(data) > max_bytes:
        raise RejectedInput(Reason("file_too_large", size=len(data), limit=max_bytes))
    if not data.strip():
        raise RejectedInput(Reason("file_empty"))
    decoded = _decode(data)
    if not decoded.text.strip():
        raise RejectedInput(Reason("file_empty"))
    if _CONTROLS.search(decoded.text) is None:  # the usual case: nothing to count
        return decoded
    controls = len(_CONTROLS.findall(decoded.text))
    if controls > MAX_CONTROL_SHARE * len(decoded.text):
        raise RejectedInput(Reason("file_binary_controls"))
    return decoded


def _decode(data: bytes) -> DecodedText:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise RejectedInput(Reason("file_utf16_broken")) from None
    if b"\x00" in data:
        raise RejectedInput(Reason("file_binary_nul"))
    try:
        return DecodedText(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # valid UTF-8 up to a cut-off character
            raise RejectedInput(Reason("file_utf8_cut")) from None
    match = from_bytes(data, cp_isolation=FALLBACK_ENCODINGS).best()
    if match is None:
        raise RejectedInput(Reason("file_encoding_unknown"))
    return DecodedText(str(match), match.encoding)


def normalise_text(text: str) -> str:
    """NFC, `\\n` line ends, no BOM; nothing else changes, so offsets stay meaningful."""
    # Line ends first: a stray BOM between "\r" and "\n" must not join two line ends.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)
