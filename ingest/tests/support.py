"""A quiet HTTP/1.1 request handler for the servers tests start on 127.0.0.1."""

from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler


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
