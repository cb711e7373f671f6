"""Attack class 6: the preview server, from outside, with raw sockets.

tests/serve already covers traversal (encoded, double-encoded, backslashes, NUL,
overlong UTF-8: 23 forms, with an audit hook proving no file outside the output is
opened). Added here: the listening socket really is loopback-only, more traversal
forms, clients that vanish mid-response, and garbage on the wire; after each, the
server still answers and never prints a traceback.
"""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hardening_kit import REPO, copy_demo, write

TIMEOUT = 20.0


class Served:
    """``timeline serve --port 0`` as a subprocess; stopped with SIGTERM."""

    def __init__(self, root: Path, *args: str):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0",
                                      *args], cwd=root, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        deadline = time.monotonic() + TIMEOUT * 3
        while time.monotonic() < deadline and self.proc.poll() is None:
            found = [m for m in map(re.compile(r"^serving (http://([\d.]+):(\d+)(/\S*))").match,
                                    list(self.lines)) if m]
            if found:
                self.url, self.host, port, self.base = found[0].groups()
                self.port = int(port)
                return
            time.sleep(0.05)
        self.stop()
        raise AssertionError("serve did not start:\n" + "\n".join(self.lines))

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(TIMEOUT)
                raise AssertionError("serve ignored SIGTERM")
        self.reader.join(5)
        return self.proc.returncode


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = copy_demo(tmp_path_factory.mktemp("serve") / "project")
    # a large asset, so a response can be cut off in the middle
    write(root / "theme" / "static" / "big.bin", random.Random(1).randbytes(8 * 2**20))
    (root.parent / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    served = Served(root)
    yield served
    assert served.stop() == 0
    out = "\n".join(served.lines)
    print(f"server output ({len(served.lines)} lines):", *served.lines[:40], sep="\n  ")
    assert "Traceback" not in out, out


def request(server: Served, raw: bytes, read: int = 1 << 20, timeout: float = TIMEOUT,
            half_close: bool = False) -> bytes:
    """Send ``raw`` (then, with ``half_close``, say we are done sending) and read what
    comes back, bounded in size and time."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as s:
        try:
            s.sendall(raw)
            if half_close:
                s.shutdown(socket.SHUT_WR)
        except OSError:  # broken pipe, reset, or not connected any more:
            pass  # the server may hang up on garbage before it is all sent
        chunks, total = [], 0
        while total < read:
            try:
                data = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not data:
                break
            chunks.append(data)
            total += len(data)
        return b"".join(chunks)


def get(server: Served, path: str) -> tuple[int, bytes]:
    raw = request(server, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .encode("latin-1"))
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/1.") else 0
    return status, body


def assert_healthy(server: Served) -> None:
    assert server.proc.poll() is None, "\n".join(server.lines)
    status, body = get(server, server.base)
    assert status == 200 and b"</html>" in body
    assert not [ln for ln in server.lines if "Traceback" in ln], server.lines


def listening_addresses(port: int) -> list[str]:
    """Local addresses of LISTEN sockets on ``port``, from /proc/net/tcp{,6}."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            address, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                found.append(address)
    return found


def test_serve_listens_on_loopback_only_by_default(server):
    assert server.host == "127.0.0.1"
    assert listening_addresses(server.port) == ["0100007F"]  # not 0.0.0.0, not ::
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # this machine's
        try:                                                        # outward address
            probe.connect(("192.0.2.1", 9))
            outward = probe.getsockname()[0]
        except OSError:
            outward = None
    if outward and not outward.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((outward, server.port), timeout=2).close()


MORE_TRAVERSALS = [
    "%2e%2e%2f%2e%2e%2fsecret.txt", "..%252f..%252fsecret.txt", "%252e%252e%252f%252e%252e%252fsecret.txt",
    "..%c0%af..%c0%afsecret.txt", "..%u2215..%u2215secret.txt", "%uff0e%uff0e/%uff0e%uff0e/secret.txt",
    "....//....//secret.txt", "..;/..;/secret.txt", "static/..%2f..%2f..%2fsecret.txt",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd", ".%2e/.%2e/.%2e/etc/passwd", "..\\..\\secret.txt",
    "%5c..%5c..%5csecret.txt", "static%2f..%2f..%2f..%2fsecret.txt", "/proc/self/environ",
    "..%00/secret.txt", "..%0d%0a/secret.txt", "static/../../../secret.txt?x=1",
    "static/..#/../../secret.txt", "~/secret.txt", "%7e/secret.txt",
]


@pytest.mark.parametrize("tail", MORE_TRAVERSALS)
def test_no_traversal_form_reaches_outside_the_output(server, tail):
    status, body = get(server, server.base + tail)
    assert status in (400, 404), (tail, status)
    assert b"TOP SECRET" not in body and b"root:" not in body and b"PYTHONPATH" not in body


def test_clients_that_vanish_mid_response(server):
    path = f"{server.base}static/big.bin"
    assert get(server, path)[0] == 200
    for i in range(30):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        s.recv(1000 + i * 500)
        if i % 3 == 0:  # abortive close: the server gets a reset, not a FIN
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        elif i % 3 == 1:
            s.shutdown(socket.SHUT_RDWR)
        s.close()
    for i in range(10):  # gone before the response even starts
        s = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
        s.sendall(f"GET {server.base} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        s.close()
    assert_healthy(server)


GARBAGE = [
    b"\x00" * 64,
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(200)),  # a TLS hello
    b"GARBAGE\r\n\r\n",
    b"GET\r\n\r\n",
    b"GET /\r\n\r\n",  # HTTP/0.9
    b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\nab",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * (2 * 2**20) + b"\r\n\r\n",
    b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"".join(b"H%d: v\r\n" % i for i in range(5000)) + b"\r\n",
    b"GET /%ff%fe%00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /\xff\xfe HTTP/1.1\r\nHost: \xff\r\n\r\n",
    b"GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    b"CONNECT 127.0.0.1:22 HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=99999999-\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=-1,-2,-3,0-,5-1\r\n\r\n",
    b"GET /livereload HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    b"\x81\xfe\xff\xff" + b"\x00" * 100,  # an upgrade, then a frame that lies about its size
    b"GET /livereload HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    b"\x81\x85\x00\x00\x00\x00{\"co",  # an unmasked, truncated JSON command
]


@pytest.mark.parametrize("raw", GARBAGE, ids=lambda b: repr(b[:24]))
def test_garbage_on_the_wire_is_refused_and_the_server_goes_on(server, raw):
    reply = request(server, raw, read=64 * 1024, timeout=5, half_close=True)
    if reply:
        assert reply.startswith(b"HTTP/1.") or reply.startswith(b"\x88") or \
            reply.startswith(b"\x81"), reply[:100]
        assert b"Traceback" not in reply
    assert_healthy(server)


def test_random_bytes_and_slow_clients_do_not_stop_it(server):
    rng = random.Random(9)
    for _ in range(40):
        request(server, rng.randbytes(rng.randint(1, 4000)), read=4096, timeout=3,
                half_close=True)
    slow = []
    for _ in range(40):  # half-sent requests held open, as a slowloris would
        s = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-a: b")
        slow.append(s)
    try:
        started = time.monotonic()
        assert_healthy(server)
        assert time.monotonic() - started < 5
    finally:
        for s in slow:
            s.close()
    assert_healthy(server)
