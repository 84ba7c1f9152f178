"""ingest.fetching against a real HTTP server on 127.0.0.1 (nothing leaves the machine)."""

import ipaddress
import threading
import time
from http.server import ThreadingHTTPServer

import pytest

from ingest import fetching
from ingest.fetching import FetchError, fetch, is_public_address
from ingest.tests.support import LocalHandler

AGENT = "Newsdesk-Test/1.0 (+https://newsdesk.example/bot)"
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


class Handler(LocalHandler):
    def redirect(self, location, status=302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        path = self.path
        if path == "/feed.xml":
            self.reply(
                200,
                FEED,
                content_type="application/rss+xml; charset=utf-8",
                headers=[("ETag", '"v1"'), ("Last-Modified", "Mon, 06 Oct 2025 08:00:00 GMT")],
            )
        elif path == "/conditional":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.end_headers()
            else:
                self.reply(200, b"neu", headers=[("ETag", '"v1"')])
        elif path == "/since":
            if self.headers.get("If-Modified-Since") == "Mon, 06 Oct 2025 08:00:00 GMT":
                self.send_response(304)
                self.end_headers()
            else:
                self.reply(200, b"neu")
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            if left:
                self.redirect(f"/hops/{left - 1}", status=301 if left % 2 else 307)
            else:
                self.reply(200, b"angekommen")
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/away":
            self.redirect(f"http://127.0.0.2:{self.server.server_port}/feed.xml")
        elif path == "/to-file":
            self.redirect("file:///etc/passwd")
        elif path == "/big":
            self.reply(200, b"x" * 5000)
        elif path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"y" * 5000)
            self.close_connection = True
        elif path == "/slow":
            time.sleep(1.5)
            self.reply(200, b"zu spaet")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "40")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/echo":
            echo = f"{self.headers.get('Host')}|{self.headers.get('User-Agent')}"
            self.reply(200, echo.encode())
        elif path == "/missing":
            self.reply(404, b"weg")
        else:
            self.reply(500, b"?")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on /drip or /big-undeclared is the point


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def get(url, **kwargs):
    options = {"max_bytes": 1000, "timeout": 5.0, "user_agent": AGENT, "allow_private": True}
    return fetch(url, **(options | kwargs))


def test_fetch_ok_returns_body_headers_and_final_url(server):
    result = get(f"{server}/feed.xml")
    assert result.status == 200
    assert result.body == FEED
    assert result.content_type == "application/rss+xml; charset=utf-8"
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 06 Oct 2025 08:00:00 GMT"
    assert result.url == result.final_url == f"{server}/feed.xml"
    assert not result.not_modified


def test_user_agent_is_the_callers_and_host_header_keeps_the_name(server, monkeypatch):
    # "nachrichten.test" does not exist: the fetch can only work by connecting to the
    # address the (replaced) resolver gave and checked, never resolving the name again.
    port = server.rsplit(":", 1)[1]
    monkeypatch.setattr(fetching, "resolve", lambda host, port: ["127.0.0.1"])
    result = get(f"http://nachrichten.test:{port}/echo")
    assert result.body.decode() == f"nachrichten.test:{port}|{AGENT}"


def test_etag_gives_not_modified_on_304(server):
    first = get(f"{server}/conditional")
    assert first.body == b"neu"
    second = get(f"{server}/conditional", etag=first.etag)
    assert second.status == 304
    assert second.not_modified
    assert second.body == b""
    assert second.etag == '"v1"'


def test_last_modified_gives_not_modified_and_is_kept(server):
    stamp = "Mon, 06 Oct 2025 08:00:00 GMT"
    result = get(f"{server}/since", last_modified=stamp)
    assert result.not_modified
    assert result.last_modified == stamp


def test_redirects_are_followed_up_to_the_limit(server):
    result = get(f"{server}/hops/3", max_redirects=3)
    assert result.body == b"angekommen"
    assert result.final_url == f"{server}/hops/0"
    assert result.url == f"{server}/hops/3"


def test_one_redirect_too_many_is_refused(server):
    with pytest.raises(FetchError, match=r"hops/4: more than 3 redirects"):
        get(f"{server}/hops/4", max_redirects=3)
    with pytest.raises(FetchError, match="more than 3 redirects"):
        get(f"{server}/loop")


def test_every_redirect_hop_is_checked(server, monkeypatch):
    # Treat only 127.0.0.1 as public: the redirect to 127.0.0.2 must be refused.
    monkeypatch.setattr(fetching, "is_public_address", lambda address: str(address) == "127.0.0.1")
    with pytest.raises(FetchError, match=r"127\.0\.0\.2.*non-public address 127\.0\.0\.2"):
        get(f"{server}/away", allow_private=False)
    with pytest.raises(FetchError, match=r"file:///etc/passwd: scheme 'file' is not allowed"):
        get(f"{server}/to-file")


def test_body_over_max_bytes_is_refused(server):
    with pytest.raises(FetchError, match=r"/big: body of 5,000 bytes is over 1,000"):
        get(f"{server}/big")
    with pytest.raises(FetchError, match=r"/big-undeclared: body is over 1,000 bytes"):
        get(f"{server}/big-undeclared")
    assert len(get(f"{server}/big", max_bytes=5000).body) == 5000


def test_loopback_is_refused_without_allow_private(server):
    with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1, refused"):
        get(f"{server}/feed.xml", allow_private=False)
    with pytest.raises(FetchError, match="non-public address"):
        get("http://localhost:9/", allow_private=False)


def test_a_name_with_any_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(fetching, "resolve", lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(FetchError, match=r"non-public address 10\.0\.0\.7"):
        get("https://gemischt.test/", allow_private=False)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://x/", "/relative/path"],
)
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchError, match="is not allowed, only http"):
        get(url)


def test_credentials_in_the_url_are_refused():
    with pytest.raises(FetchError, match="user name or password"):
        get("http://nutzer:geheim@127.0.0.1/")


def test_slow_handler_times_out(server):
    # The handler answers after 1.5 s: the error comes from the timeout, not the answer.
    with pytest.raises(FetchError, match=r"/slow: timed out after 0\.3 s"):
        get(f"{server}/slow", timeout=0.3)


def test_timeout_is_one_deadline_for_the_whole_body(server):
    # Each byte arrives well within the timeout, but the whole body (2 s) does not: a
    # timeout per read would never fire.
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        get(f"{server}/drip", timeout=0.5)


def test_http_error_status_is_an_error_with_the_status(server):
    with pytest.raises(FetchError, match=r"/missing: HTTP 404 Not Found") as caught:
        get(f"{server}/missing")
    assert caught.value.status == 404


def test_unresolvable_host_is_an_error():
    with pytest.raises(FetchError, match="could not be resolved"):
        get("http://gibt-es-nicht.invalid/")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2a00:1450:4001:82b::200e", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.178.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),  # noqa: S104 (an address to refuse, not bound)
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::", False),
    ],
)
def test_address_policy(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public
