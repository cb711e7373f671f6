"""Fetching one article by its address: http(s) only, bounded in time and size.

Built on ``urllib.request`` (no new dependency). Redirects are followed here,
not by urllib, so that every hop is checked: urllib alone would follow a
redirect to ``ftp:`` and does not bound the time a whole fetch takes. Each
failure is a :class:`FetchError` carrying the address; nothing here prints.
"""

from __future__ import annotations

import http.client
import logging
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from generator import __version__
from generator.errors import TimelineError

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = f"timeline/{__version__} (static timeline generator; timeline convert)"
HEADERS = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
           "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"}
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class FetchError(TimelineError):
    """A fetch that failed, located by the address it was asked for."""

    def __init__(self, message: str, url: str):
        super().__init__(message)
        self.url = url
        self.path = url  # as given: display_path would fold its "//"

    def __reduce__(self):
        return (self.__class__, (self.message, self.url))


@dataclass(frozen=True)
class Page:
    """A fetched page: the address it was finally read from, its bytes, and what its
    server said they are."""

    url: str
    data: bytes
    charset: str | None
    content_type: str | None


@dataclass(frozen=True)
class _Redirect:
    location: str


def is_address(arg: str) -> bool:
    """True for ``scheme://...``: fetched (or refused for its scheme), never read as a file."""
    return bool(_ADDRESS.match(arg))


def check_address(url: str, asked: str) -> None:
    """Refuse what is not an http(s) address with a host; ``asked`` names it in the error."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise FetchError(f"'{url}' is not a valid address", asked) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        where = "" if url == asked else f" (redirected to {url})"
        raise FetchError(f"only http:// and https:// addresses are fetched, not "
                         f"{scheme or 'this'}:{where}; refused", asked)
    if not host:
        raise FetchError("the address names no host", asked)


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> Page:
    """The page at ``url`` after at most MAX_REDIRECTS redirects, all within ``timeout``
    seconds and ``max_bytes`` bytes."""
    check_address(url, url)
    deadline = time.monotonic() + timeout
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        response = _open(current, url, _time_left(deadline, url, timeout), timeout)
        if isinstance(response, _Redirect):
            current = urljoin(current, response.location)
            check_address(current, url)
            log.info("%s redirects to %s", url, current)
            continue
        with response:
            return _read(response, current, url, deadline, timeout, max_bytes)
    raise FetchError(f"more than {MAX_REDIRECTS} redirects; open it in a browser and convert "
                     "the address it ends at", url)


def _opener() -> urllib.request.OpenerDirector:
    """http(s) only, no automatic redirects; proxies from the environment as usual."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _open(current: str, url: str, seconds: float, timeout: float):
    """The response for one hop, or the redirect it answers with."""
    log.info("fetching %s", current)
    try:
        request = urllib.request.Request(_ascii(current), headers=HEADERS)
        return _opener().open(request, timeout=seconds)
    except urllib.error.HTTPError as exc:
        exc.close()
        location = exc.headers.get("Location") if exc.headers else None
        if exc.code in _REDIRECTS and location:
            return _Redirect(location.strip())
        raise FetchError(f"HTTP {exc.code} {exc.reason}{_at(current, url)}; check the "
                         "address", url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(_why(exc, timeout) + _at(current, url), url) from None


def _ascii(url: str) -> str:
    """The address as HTTP sends it: an international host in IDNA, other characters
    percent-encoded (a pasted address often has them as the browser shows them)."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # left as it is: the request then fails with a clear reason
    netloc = host + (f":{parts.port}" if parts.port else "")
    keep = "/%:@!$&'()*+,;=?~-._"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=keep),
                       quote(parts.query, safe=keep), ""))


def _read(response, current: str, url: str, deadline: float, timeout: float,
          max_bytes: int) -> Page:
    """The body, refused as soon as it is not text or grows past ``max_bytes``."""
    headers = response.headers
    kind = headers.get_content_type() if headers.get("Content-Type") else None
    if kind is not None and kind not in ACCEPTED:
        raise FetchError(f"{kind} is not a web page or text{_at(current, url)}; only HTML "
                         "and plain text are converted", url)
    length = (headers.get("Content-Length") or "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(int(length), max_bytes, url)
    chunks: list[bytes] = []
    size = 0
    read = getattr(response, "read1", response.read)  # what has come, so the clock is checked
    while True:
        _time_left(deadline, url, timeout)
        try:
            chunk = read(_CHUNK)
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(_why(exc, timeout) + _at(current, url), url) from None
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(None, max_bytes, url)
        chunks.append(chunk)
    return Page(current, b"".join(chunks), headers.get_content_charset(), kind)


def _time_left(deadline: float, url: str, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(_timed_out(timeout), url)
    return left


def _at(current: str, url: str) -> str:
    return "" if current == url else f" (at {current}, after redirects)"


def _too_large(size: int | None, max_bytes: int, url: str) -> FetchError:
    said = f"{size / 1024 / 1024:.1f} MB, " if size is not None else ""
    return FetchError(f"the page is {said}more than the {max_bytes // 1024 // 1024} MB an "
                      "article may have; save only the article's text and convert that", url)


def _timed_out(timeout: float) -> str:
    return f"no answer within {timeout:g} s; try again later, or allow longer with --timeout"


def _why(exc: BaseException, timeout: float) -> str:
    """What went wrong, in words a user can act on."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return _timed_out(timeout)
    if isinstance(reason, socket.gaierror):
        return "host not found; check the address"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused; check the address, or try again later"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the site's certificate is not trusted ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    if isinstance(reason, (ConnectionError, http.client.HTTPException)):
        return (f"the server broke off or sent a broken answer ({type(reason).__name__}); "
                "try again later")
    if isinstance(reason, OSError):
        return f"cannot fetch it: {reason.strerror or reason}"
    return f"cannot fetch it: {reason}"
