"""Fetching one URL safely, for feeds and article pages (standard library only, no Django).

- only http and https; no credentials in the URL;
- the host is resolved once per hop and every address it resolves to must be public
  (not private, loopback, link-local, multicast, reserved, unspecified or otherwise
  non-global) unless the caller allows private addresses; the connection then goes to
  the address that was checked, so a second DNS answer cannot redirect it (DNS
  rebinding); TLS still verifies the certificate for the host name;
- at most `max_redirects` redirects, each hop checked like the first;
- one deadline of `timeout` seconds for the whole fetch, redirects included;
- at most `max_bytes` of body: a larger declared or actual body is an error;
- conditional GET: the caller's ETag / Last-Modified go out as If-None-Match /
  If-Modified-Since, and a 304 answer comes back as `not_modified`.

Proxies from the environment are not used. Bodies are requested uncompressed
(`Accept-Encoding: identity`), so `max_bytes` bounds what is held in memory.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from newstext.reasons import Reason, declare, gettext_noop

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
READ_CHUNK = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Why a URL is not fetched (newstext.reasons: the app shows them translated).
declare(
    {
        "fetch_too_many_redirects": gettext_noop(
            "more than %(count)s redirects (last to %(last)s)"
        ),
        "fetch_scheme_refused": gettext_noop("scheme %(scheme)s is not allowed, only http(s)"),
        "fetch_credentials_refused": gettext_noop(
            "URLs with user name or password are not fetched"
        ),
        "fetch_no_host": gettext_noop("no host name"),
        "fetch_invalid_port": gettext_noop("invalid port"),
        "fetch_redirect_without_location": gettext_noop(
            "HTTP %(status)s redirect without a Location"
        ),
        "fetch_http_error": gettext_noop("HTTP %(status)s %(phrase)s"),
        "fetch_http_error_bare": gettext_noop("HTTP %(status)s"),
        "fetch_body_declared_too_large": gettext_noop("body of %(size)s bytes is over %(limit)s"),
        "fetch_body_too_large": gettext_noop("body is over %(limit)s bytes"),
        "fetch_timed_out": gettext_noop("timed out after %(seconds)s s"),
        "fetch_tls_error": gettext_noop("TLS error: %(problem)s"),
        "fetch_connection_failed": gettext_noop("connection failed: %(problem)s"),
        "fetch_host_unresolved": gettext_noop("host %(host)s could not be resolved (%(problem)s)"),
        "fetch_host_without_address": gettext_noop("host %(host)s has no address"),
        "fetch_non_public_address": gettext_noop(
            "host %(host)s resolves to non-public address %(address)s, refused"
        ),
    }
)


class FetchError(ValueError):
    """The URL could not be fetched; the message names the URL and the reason."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class FetchResult:
    status: int
    url: str  # as the caller asked
    final_url: str  # after redirects
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    not_modified: bool


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    user_agent: str,
    allow_private: bool = False,
    max_redirects: int = 3,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET `url` under the rules in the module docstring; FetchError on any refusal."""
    deadline = time.monotonic() + timeout
    headers = {
        "User-Agent": user_agent,
        "Accept": "*/*",
        "Accept-Encoding": "identity",
        "Connection": "close",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    current = url
    for _ in range(max_redirects + 1):
        response = _request_once(
            current,
            headers=headers,
            deadline=deadline,
            timeout=timeout,
            allow_private=allow_private,
            max_bytes=max_bytes,
        )
        if response.redirect_to is None:
            return FetchResult(
                status=response.status,
                url=url,
                final_url=current,
                content_type=response.content_type,
                body=response.body,
                etag=response.etag or (etag if response.status == 304 else None),
                last_modified=response.last_modified
                or (last_modified if response.status == 304 else None),
                not_modified=response.status == 304,
            )
        current = urljoin(current, response.redirect_to)
    raise FetchError(url, Reason("fetch_too_many_redirects", count=max_redirects, last=current))


@dataclass(frozen=True)
class _Response:
    status: int
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    redirect_to: str | None


def _request_once(
    url: str,
    *,
    headers: dict[str, str],
    deadline: float,
    timeout: float,
    allow_private: bool,
    max_bytes: int,
) -> _Response:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(url, Reason("fetch_scheme_refused", scheme=repr(scheme or "(none)")))
    if parts.username is not None or parts.password is not None:
        raise FetchError(url, Reason("fetch_credentials_refused"))
    host = parts.hostname
    if not host:
        raise FetchError(url, Reason("fetch_no_host"))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, Reason("fetch_invalid_port")) from None

    address = _checked_address(url, host, port, allow_private=allow_private)
    remaining = _remaining(url, deadline, timeout)
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = _PinnedHTTPSConnection(address, host, port, timeout=remaining)
    else:
        connection = _PinnedHTTPConnection(address, host, port, timeout=remaining)
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    try:
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        status = response.status
        if status in REDIRECT_STATUSES:
            location = response.getheader("Location")
            if not location:
                raise FetchError(
                    url, Reason("fetch_redirect_without_location", status=status), status=status
                )
            return _Response(status, "", b"", None, None, location.strip())
        if status == 304:
            return _Response(
                status,
                response.getheader("Content-Type", ""),
                b"",
                response.getheader("ETag"),
                response.getheader("Last-Modified"),
                None,
            )
        if not 200 <= status < 300:
            phrase = (response.reason or "").strip()
            refusal = (
                Reason("fetch_http_error", status=status, phrase=phrase)
                if phrase
                else Reason("fetch_http_error_bare", status=status)
            )
            raise FetchError(url, refusal, status=status)
        declared = response.getheader("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > max_bytes:
            raise FetchError(
                url, Reason("fetch_body_declared_too_large", size=int(declared), limit=max_bytes)
            )
        body = _read_limited(url, connection, response, max_bytes, deadline, timeout)
        return _Response(
            status,
            response.getheader("Content-Type", ""),
            body,
            response.getheader("ETag"),
            response.getheader("Last-Modified"),
            None,
        )
    except TimeoutError:
        raise FetchError(url, Reason("fetch_timed_out", seconds=timeout)) from None
    except ssl.SSLError as error:
        raise FetchError(
            url, Reason("fetch_tls_error", problem=str(error.reason or error))
        ) from None
    except (http.client.HTTPException, OSError) as error:
        problem = f"{type(error).__name__}: {error}"
        raise FetchError(url, Reason("fetch_connection_failed", problem=problem)) from None
    finally:
        connection.close()


def _read_limited(
    url: str,
    connection: http.client.HTTPConnection,
    response: http.client.HTTPResponse,
    max_bytes: int,
    deadline: float,
    timeout: float,
) -> bytes:
    """At most max_bytes + 1 bytes, each read bounded by what is left of the deadline."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if connection.sock is not None:
            connection.sock.settimeout(_remaining(url, deadline, timeout))
        chunk = response.read1(min(READ_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise FetchError(url, Reason("fetch_body_too_large", limit=max_bytes))
    return b"".join(chunks)


def _remaining(url: str, deadline: float, timeout: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(url, Reason("fetch_timed_out", seconds=timeout))
    return remaining


def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to (a module function, so tests can replace it)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public_address(address: IPAddress) -> bool:
    """A globally routable unicast address (IPv4-mapped IPv6 judged as its IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def _checked_address(url: str, host: str, port: int, *, allow_private: bool) -> str:
    """The address to connect to; every address of the host must pass the policy."""
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            url, Reason("fetch_host_unresolved", host=repr(host), problem=str(error))
        ) from None
    if not addresses:
        raise FetchError(url, Reason("fetch_host_without_address", host=repr(host)))
    if not allow_private:
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])
            if not is_public_address(address):
                raise FetchError(
                    url, Reason("fetch_non_public_address", host=repr(host), address=str(address))
                )
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to a fixed, already checked address; the Host header keeps the name."""

    def __init__(self, address: str, host: str, port: int, *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a fixed address; SNI and certificate check use the host name."""

    def __init__(self, address: str, host: str, port: int, *, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)
