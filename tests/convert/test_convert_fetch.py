"""``timeline convert https://...``: fetched from a real HTTP server on 127.0.0.1, started
here in a thread; nothing leaves the machine."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from convert_cli import ARTICLES, entries, make_content, run
from generator.convert import fetch, inputs
from generator.convert.fetch import FetchError

F01 = (ARTICLES / "f01_courier_call.txt").read_text(encoding="utf-8")
TOKYO = (ARTICLES / "f02_ledger_tokyo.html").read_bytes()
MB = 1024 * 1024


def page(headline: str, charset: str | None = None) -> str:
    """The f01 call report as a small HTML page under another headline."""
    body = F01.split("\n\n", 1)[1].split("Share this article")[0]
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head>{meta}<title>{headline}</title></head><body>"
            f"<article><h1>{headline}</h1><p>Updated: March 4, 2022 09:15 IST</p>{paragraphs}"
            "</article></body></html>")


LATIN = "Mehta and Okafor discuss maritime security in Malmö café call"
CYRILLIC = "Мехта и Окафор обсудили морскую безопасность"


class Site(http.server.BaseHTTPRequestHandler):
    """The pages the tests fetch; ``/stream`` and ``/hold`` report what they did."""

    seen: dict = {}
    release = threading.Event()

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def send(self, code: int, body: bytes = b"", kind: str | None = "text/html; charset=utf-8",
             **headers) -> None:
        self.send_response(code)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        Site.seen.setdefault("agents", []).append(self.headers.get("User-Agent"))
        route = getattr(self, "page_" + self.path.strip("/").replace("-", "_").replace(".", "_"),
                        None)
        if route is None:
            self.send(404, b"<h1>Not found</h1>")
        else:
            route()

    def page_tokyo_html(self) -> None:
        self.send(200, TOKYO)

    def page_plain_txt(self) -> None:
        self.send(200, F01.encode("utf-8"), "text/plain; charset=utf-8")

    def page_r1(self) -> None:
        self.send(301, Location="r2")  # relative: resolved against this hop's address

    def page_r2(self) -> None:
        self.send(302, Location=f"http://127.0.0.1:{self.server.server_port}/tokyo.html")

    def page_loop(self) -> None:
        self.send(302, Location="/loop")

    def page_to_file(self) -> None:
        self.send(302, Location="file:///etc/passwd")

    def page_to_ftp(self) -> None:
        self.send(301, Location="ftp://127.0.0.1/article.html")

    def page_broken(self) -> None:
        self.send(500, b"oops")

    def page_slow(self) -> None:
        Site.release.wait(3)
        self.send(200, TOKYO)

    def page_trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(60):
            if Site.release.wait(0.05):
                break
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                break

    def page_image_png(self) -> None:
        self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")

    def page_hold(self) -> None:
        """Says 100 MB are coming, then waits: a client that trusts the header leaves first."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(100 * MB))
        self.end_headers()
        self.wfile.flush()
        start = time.monotonic()
        Site.release.wait(5)
        Site.seen["hold"] = time.monotonic() - start

    def page_stream(self) -> None:
        """64 MB with no length announced; records how much the client let through."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        sent, chunk = 0, b"<p>filler words</p>" * 3000
        try:
            while sent < 64 * MB:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        Site.seen["stream"] = sent

    def page_latin1_html(self) -> None:
        text = page(LATIN).replace("productive", "\u201cproductive\u201d \u2013 fair")
        self.send(200, text.encode("cp1252"), "text/html; charset=ISO-8859-1")

    def page_cp1251_html(self) -> None:
        self.send(200, page(CYRILLIC).encode("cp1251"), "text/html; charset=windows-1251")

    def page_meta_html(self) -> None:
        self.send(200, page(CYRILLIC, "windows-1251").encode("cp1251"), "text/html")

    def page_lying_html(self) -> None:
        self.send(200, page(LATIN).encode("latin-1"), "text/html; charset=utf-8")

    def page_untyped(self) -> None:
        self.send(200, F01.encode("utf-8"), None)


@pytest.fixture(scope="module")
def site():
    """The base address of the local site, e.g. ``http://127.0.0.1:41234``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    Site.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Loopback is reached directly whatever the machine's proxy settings."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 5.0) -> fetch.Page:
    return fetch.fetch(url, timeout=timeout, max_bytes=inputs.MAX_BYTES)


# -- the library ------------------------------------------------------------------

def test_a_page_is_fetched_with_its_type_and_charset_and_a_named_agent(site):
    got = get(f"{site}/tokyo.html")
    assert got.data == TOKYO and got.url == f"{site}/tokyo.html"
    assert (got.content_type, got.charset) == ("text/html", "utf-8")
    assert Site.seen["agents"][-1].startswith("timeline/")


def test_redirects_are_followed_to_the_final_address(site):
    assert get(f"{site}/r1").url == f"{site}/tokyo.html"


@pytest.mark.parametrize("path, words", [
    ("to-file", "not file:"), ("to-ftp", "not ftp:"), ("loop", "more than 5 redirects")])
def test_a_redirect_off_the_web_or_round_in_circles_is_refused(site, path, words):
    with pytest.raises(FetchError) as caught:
        get(f"{site}/{path}")
    assert words in caught.value.message and caught.value.url == f"{site}/{path}"


@pytest.mark.parametrize("address, words", [
    ("file:///etc/passwd", "only http:// and https://"), ("ftp://127.0.0.1/a", "not ftp:"),
    ("http:///nohost", "names no host")])
def test_only_http_addresses_are_fetched(address, words):
    with pytest.raises(FetchError) as caught:
        get(address)
    assert words in str(caught.value) and str(caught.value).startswith(address + ": ")


def test_http_errors_say_the_status(site):
    for path, status in (("missing", "HTTP 404 Not Found"), ("broken", "HTTP 500")):
        with pytest.raises(FetchError) as caught:
            get(f"{site}/{path}")
        assert status in caught.value.message


def test_a_closed_port_is_refused():
    with pytest.raises(FetchError) as caught:
        get(f"http://127.0.0.1:{closed_port()}/a.html")
    assert "connection refused" in caught.value.message


def test_an_unknown_host_is_said_so(monkeypatch):
    def no_such_host(*args, **kw):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no resolver is asked
    with pytest.raises(FetchError) as caught:
        get("https://no-such-host.example/a.html")
    assert str(caught.value) == ("https://no-such-host.example/a.html: host not found; check "
                                 "the address")


def test_a_slow_server_times_out(site):
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        get(f"{site}/slow", timeout=0.3)
    assert time.monotonic() - start < 2
    assert "no answer within 0.3 s" in caught.value.message and "--timeout" in caught.value.message


def test_a_page_that_trickles_in_times_out_as_a_whole(site):
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        get(f"{site}/trickle", timeout=0.4)  # a byte every 50 ms: no single read waits long
    assert time.monotonic() - start < 1.5 and "no answer within 0.4 s" in caught.value.message


def test_an_image_is_refused(site):
    with pytest.raises(FetchError) as caught:
        get(f"{site}/image.png")
    assert "image/png is not a web page or text" in caught.value.message


def test_an_announced_huge_page_is_refused_before_reading(site):
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        get(f"{site}/hold")
    assert time.monotonic() - start < 2  # the server would hold the body back for 5 s
    assert "100.0 MB, more than the 4 MB" in caught.value.message


def test_an_endless_page_is_cut_off_past_the_limit(site):
    with pytest.raises(FetchError) as caught:
        get(f"{site}/stream")
    assert "more than the 4 MB" in caught.value.message
    for _ in range(100):
        if "stream" in Site.seen:
            break
        time.sleep(0.05)
    assert Site.seen["stream"] < 32 * MB  # the client stopped reading long before the end


@pytest.mark.parametrize("path, words", [("latin1.html", [LATIN, "\u201cproductive\u201d \u2013 fair"]),
                                          ("cp1251.html", [CYRILLIC]),
                                          ("meta.html", [CYRILLIC])])
def test_the_declared_charset_decodes_the_page(site, path, words):
    got = get(f"{site}/{path}")
    text, note = inputs.decode_page(got.data, got.url, got.charset)
    assert note is None and all(w in text for w in words)


def test_a_charset_that_fails_falls_back_to_utf8_with_a_note(site):
    got = get(f"{site}/lying.html")
    text, note = inputs.decode_page(got.data, got.url, got.charset)
    assert "Malm\ufffd caf\ufffd" in text
    assert note == ("the page's charset 'utf-8' does not decode it; read as UTF-8, "
                    "unreadable characters replaced")


def test_fetched_text_loses_control_characters():
    text, _ = inputs.decode_page(b"Talks\x07 held\x1b on \x85Friday\x9f.", "x", "latin-1")
    assert text == "Talks held on \u2026Friday\u0178."  # Latin-1 read as browsers do: cp1252


# -- through the command -------------------------------------------------------

def test_a_fetched_page_becomes_an_entry_citing_its_final_address(site, content, capsys):
    assert run(content, f"{site}/r1") == 0
    (entry,) = entries(content / "entries").values()
    assert entry.sources[0].url == f"{site}/tokyo.html" and entry.sources[0].file is None
    assert sorted(entry.people) == ["Kenji Arakawa", "Rohan Mehta"]
    printed = capsys.readouterr().out
    assert f"{site}/r1: new " in printed and "1 article: 1 entry written" in printed
    assert run(content, f"{site}/tokyo.html") == 0  # the same address again: skipped
    assert "1 skipped" in capsys.readouterr().out


@pytest.mark.parametrize("path, title", [("latin1.html", LATIN), ("cp1251.html", CYRILLIC),
                                         ("meta.html", CYRILLIC)])
def test_non_ascii_pages_are_written_right(site, content, path, title):
    assert run(content, f"{site}/{path}") == 0
    (entry,) = entries(content / "entries").values()
    assert entry.title == title and entry.sources[0].title == title


def test_a_replaced_charset_is_flagged_in_the_entry(site, content):
    assert run(content, f"{site}/lying.html") == 0
    (entry,) = entries(content / "entries").values()
    assert any(r.startswith("text: the page's charset 'utf-8' does not decode it")
               for r in entry.review)


def test_failed_fetches_are_one_line_each_and_the_batch_goes_on(site, content, capsys):
    port = closed_port()
    bad = {f"{site}/missing": "HTTP 404 Not Found", f"{site}/to-file": "not file:",
           f"http://127.0.0.1:{port}/x": "connection refused",
           f"{site}/slow": "no answer within 0.5 s", f"{site}/image.png": "image/png",
           f"{site}/hold": "more than the 4 MB", "file:///etc/passwd": "only http://"}
    good = ARTICLES / "f16_visit.txt"  # a visit and a meeting: two entries
    code = run(content, *bad, f"{site}/plain.txt", good, timeout=0.5, json=True)
    assert code == 1
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.endswith("; nothing written")]
    assert len(errors) == len(bad)
    for address, words in bad.items():
        assert sum(line.startswith(address + ": ") and words in line for line in errors) == 1
    assert "9 articles: 3 entries written, 0 merged, 0 skipped, 0 need a date from you, " \
           "7 failed" in captured.err
    report = json.loads(captured.out)
    assert [r["status"] for r in report] == ["failed"] * 7 + ["converted"] * 2
    assert report[0] == {"file": None, "url": f"{site}/missing", "status": "failed",
                         "entries": [], "needs_date": False,
                         "error": "HTTP 404 Not Found; check the address"}
    assert report[7]["url"] == f"{site}/plain.txt" and report[8]["file"].endswith("f16_visit.txt")
    assert len(entries(content / "entries")) == 3


def test_a_page_without_a_content_type_is_read(site, content):
    assert run(content, f"{site}/untyped") == 0
    (entry,) = entries(content / "entries").values()
    assert entry.kind == "call" and entry.sources[0].url == f"{site}/untyped"
