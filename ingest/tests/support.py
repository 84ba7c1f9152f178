"""Test support of the import: a mixed zip as newsrooms send them, and a quiet HTTP/1.1
request handler for the servers tests start on 127.0.0.1."""

import io
import zipfile
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "newstext" / "tests" / "data" / "formats"
SEED = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))[0]


def mixed_zip() -> bytes:
    """Plain text, ninjs, a web page and a broken file, in folders as newsrooms zip them,
    with the resource fork a Mac adds (which is not a file to import)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("text/" + SEED.name, SEED.read_bytes())
        archive.writestr("agency/dpa.json", (FORMATS / "ninjs" / "dpa_text_3.0.json").read_bytes())
        archive.writestr(
            "web/radwege.html", (FORMATS / "html" / "rheinland_kurier_radwege.html").read_bytes()
        )
        archive.writestr("kaputt.json", b'{"uri": "urn:kaputt", "headline": ')
        archive.writestr("__MACOSX/._kaputt.json", b"resource fork")
    return buffer.getvalue()


class LocalHandler(BaseHTTPRequestHandler):
    """Subclasses answer in do_GET with `reply`; nothing is logged."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def reply(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/plain",
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
