"""The preview over plain HTTP: paths, the 404 page, the script in every page,
traversal attempts, debouncing, errors at start, stopping."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import REPO
from serving import (ENTRY, TIMEOUT, demo_copy, in_process, serve,  # noqa: F401
                     set_title)


def get(origin: str, raw_path: str) -> tuple[int, dict[str, str], bytes]:
    """Send ``raw_path`` exactly as written (no client-side normalising)."""
    host, port = origin.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
    try:
        conn.putrequest("GET", raw_path, skip_host=False, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


# Audit hook: which files does the server thread open? (Hooks cannot be
# removed; this one records only while AUDIT["on"].)
AUDIT: dict = {"on": False, "opened": []}


def _audit(event: str, args: tuple) -> None:
    if AUDIT["on"] and event == "open" and threading.current_thread().name == "preview-server":
        if isinstance(args[0], (str, bytes, os.PathLike)):
            AUDIT["opened"].append(os.fsdecode(args[0]))


sys.addaudithook(_audit)

TRAVERSALS = [
    "/timeline/../timeline.yaml",
    "/timeline/../../../../etc/passwd",
    "/timeline/%2e%2e/timeline.yaml",
    "/timeline/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
    "/timeline/.%2e/timeline.yaml",
    "/timeline/%252e%252e/timeline.yaml",
    "/timeline/%252e%252e%252ftimeline.yaml",
    "/timeline/..%2ftimeline.yaml",
    "/timeline/..%2f..%2f..%2fetc%2fpasswd",
    "/timeline/..%5ctimeline.yaml",
    "/timeline/static/..%5c..%5ctimeline.yaml",
    "/timeline//etc/passwd",
    "/timeline/%2fetc%2fpasswd",
    "/timeline/static/../../timeline.yaml",
    "/timeline/static/%2e%2e/%2e%2e/timeline.yaml",
    "/timeline/%00/etc/passwd",
    "/timeline/%c0%ae%c0%ae/timeline.yaml",
    "/../timeline.yaml",
    "//etc/passwd",
    "/etc/passwd",
    "/timeline.yaml",
    "http://127.0.0.1/etc/passwd",
    "/timeline/C:%5cWindows%5cwin.ini",
]


def test_traversal_attempts_are_404_and_open_nothing_outside(in_process, demo_copy):
    server = in_process()
    output = os.path.realpath(server.output)
    secret = (demo_copy / "timeline.yaml").read_bytes()
    AUDIT["opened"].clear()
    AUDIT["on"] = True
    try:
        status, _, body = get(server.origin, "/timeline/")  # the hook sees real reads
        assert status == 200
        for raw in TRAVERSALS:
            status, _, body = get(server.origin, raw)
            assert status == 404, raw
            assert b"root:" not in body and secret not in body, raw
    finally:
        AUDIT["on"] = False
    opened = [os.path.realpath(p) for p in AUDIT["opened"]]
    assert os.path.join(output, "index.html") in opened
    outside = [p for p in opened if not p.startswith(output + os.sep)]
    assert outside == []


def test_root_redirects_404_page_has_script_and_folders_get_a_slash(in_process):
    server = in_process()
    status, headers, _ = get(server.origin, "/")
    assert status in (301, 302) and headers["Location"] == "/timeline/"
    status, headers, _ = get(server.origin, "/timeline")
    assert status in (301, 302) and headers["Location"] == "/timeline/"
    status, headers, _ = get(server.origin, "/timeline/people")
    assert status in (301, 302) and headers["Location"] == "/timeline/people/"
    status, headers, body = get(server.origin, "/timeline/no/such/page/")
    assert status == 404 and b"Page not found" in body
    assert body.count(b"/livereload.js") == 1
    assert headers["Cache-Control"] == "no-store"
    status, _, body = get(server.origin, "/nowhere")  # outside the base path
    assert status == 404 and b"/livereload.js" in body
    status, headers, body = get(server.origin, "/livereload.js")
    assert status == 200 and b"LiveReload" in body
    status, headers, body = get(server.origin, "/timeline/static/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert b"livereload" not in body


def test_every_page_gets_the_script_even_with_an_upper_case_head(in_process, demo_copy):
    base = demo_copy / "theme" / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</head>", "</HEAD>"),
                    encoding="utf-8")
    server = in_process()
    for path in ("/timeline/", f"/timeline/entries/{ENTRY}/", "/timeline/people/",
                 "/timeline/missing"):
        _, _, body = get(server.origin, path)
        assert body.count(b"/livereload.js?port=") == 1, path
        assert body.index(b"livereload.js") < body.index(b"</HEAD>"), path


def test_user_site_at_the_root_path(in_process, demo_copy):
    config = demo_copy / "timeline.yaml"
    config.write_text(re.sub(r"(?m)^base_url: .*$", "base_url: https://someone.github.io/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    server = in_process()
    assert server.url.endswith("/") and server.url.count("/") == 3
    status, _, body = get(server.origin, "/")
    assert status == 200 and b'href="/people/"' in body and b"livereload.js" in body
    status, headers, _ = get(server.origin, "/people")
    assert status in (301, 302) and headers["Location"] == "/people/"
    assert get(server.origin, "/../timeline.yaml")[0] == 404
    assert get(server.origin, "/%2e%2e/timeline.yaml")[0] == 404


def test_a_burst_of_writes_is_one_rebuild(in_process, demo_copy):
    server = in_process()
    mark = len(server.lines)
    entries = demo_copy / "content" / "entries"
    for i in range(25):
        (entries / f"2024-02-{i + 1:02d}-burst.md").write_text(
            f"---\ntitle: Burst call {i}\ndate: 2024-02-{i + 1:02d}\nkind: call\n"
            "people: [S. Jaishankar]\n---\n", encoding="utf-8")
    server.wait_for(r"burst\.md and 2\d more: \d+ pages rewritten", since=mark)
    time.sleep(0.5)
    rebuilds = [line for line in server.lines[mark:] if "pages rewritten" in line]
    assert len(rebuilds) == 1, rebuilds


def test_temporary_files_of_an_atomic_save_are_not_reported(in_process, demo_copy):
    server = in_process()
    mark = len(server.lines)
    entry = demo_copy / "content" / "entries" / f"{ENTRY}.md"
    tmp = entry.with_name("sedAbC123")  # what ``sed -i`` does: write a temp, rename it over
    tmp.write_text(entry.read_text(encoding="utf-8").replace("Blinken meets", "Blinken sees"),
                   encoding="utf-8")
    os.replace(tmp, entry)
    line = server.wait_for(r"pages rewritten", since=mark)
    assert re.match(rf"\S+ \S*content/entries/{ENTRY}\.md: ", line), line
    assert "sedAbC123" not in line


def test_saving_without_a_difference_reloads_nothing(in_process, demo_copy):
    server = in_process()
    entry = demo_copy / "content" / "entries" / f"{ENTRY}.md"
    generation = server.preview.generation
    mark = len(server.lines)
    entry.write_bytes(entry.read_bytes())
    server.wait_for(r": 0 pages rewritten, \d+ ms", since=mark)
    assert server.preview.generation == generation
    set_title(entry, "Now different")
    server.wait_for(r": [1-9]\d* pages rewritten", since=mark)
    assert server.preview.generation == generation + 1


def test_a_broken_site_at_start_shows_the_error_then_recovers(in_process, demo_copy):
    entry = demo_copy / "content" / "entries" / f"{ENTRY}.md"
    good = entry.read_text(encoding="utf-8")
    entry.write_text(good.replace("date: 2023-11", "date: 2023-13"), encoding="utf-8")
    server = in_process()
    error = server.wait_for(rf"{ENTRY}\.md:\d+: ")
    status, _, body = get(server.origin, "/timeline/")
    assert status == 500 and b"timeline-build-error" in body
    assert error.encode() in body.replace(b"&#x27;", b"'").replace(b"&quot;", b'"')
    assert b"/livereload.js" in body  # so the fix reaches this page too
    entry.write_text(good, encoding="utf-8")
    server.wait_for(r"pages rewritten")
    status, _, body = get(server.origin, "/timeline/")
    assert status == 200 and b"timeline-build-error" not in body


def _websocket(origin: str) -> socket.socket:
    host, port = origin.removeprefix("http://").rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
    sock.sendall(b"GET /livereload HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                 b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 b"Sec-WebSocket-Version: 13\r\n\r\n")
    assert sock.recv(1024).startswith(b"HTTP/1.1 101")
    return sock


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stops_cleanly_on_sigterm_and_ctrl_c(serve, sig):
    server = serve()
    port = int(server.origin.rsplit(":", 1)[1])
    sock = _websocket(server.origin)  # an open browser connection must not block exit
    keep = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    keep.request("GET", "/timeline/")
    keep.getresponse().read()
    assert server.stop(sig) == 0
    sock.close()
    keep.close()
    out = "\n".join(server.output())
    assert "stopped" in out and "Traceback" not in out, out
    with socket.socket() as probe:  # a new serve can listen there again (as it would,
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # with SO_REUSEADDR)
        probe.bind(("127.0.0.1", port))
        probe.listen()


def test_builds_the_output_folder_like_build_does(serve, demo_copy):
    server = serve()
    assert server.wait_for(r"building into (\S+)$").group(1) == "site"
    assert server.stop() == 0
    served = {p.relative_to(demo_copy / "site"): p.read_bytes()
              for p in (demo_copy / "site").rglob("*") if p.is_file()}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", "built"],
                   cwd=demo_copy, env=env, check=True, capture_output=True)
    built = {p.relative_to(demo_copy / "built"): p.read_bytes()
             for p in (demo_copy / "built").rglob("*") if p.is_file()}
    assert served == built  # the script is added while serving, never written


def test_drafts_build_into_a_temporary_folder_removed_at_exit(serve, demo_copy):
    server = serve("--drafts")
    output = Path(server.wait_for(r"building into (\S+)$").group(1))
    assert (output / "index.html").is_file()
    assert not (demo_copy / "site").exists()  # drafts never reach the real output
    assert server.stop() == 0
    assert not output.exists() and not output.parent.exists()


def test_a_new_base_url_in_the_config_moves_the_site(in_process, demo_copy):
    server = in_process()
    config = demo_copy / "timeline.yaml"
    mark = len(server.lines)
    config.write_text(re.sub(r"(?m)^base_url: .*$", "base_url: https://example.org/moved/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    server.wait_for(r"now serving http://127\.0\.0\.1:\d+/moved/$", since=mark)
    status, _, body = get(server.origin, "/moved/")
    assert status == 200 and b'href="/moved/people/"' in body
    assert get(server.origin, "/")[1]["Location"] == "/moved/"
    assert get(server.origin, "/timeline/")[0] == 404


def test_open_starts_a_browser_at_the_site_and_binds_loopback(serve, tmp_path):
    opened = tmp_path / "opened.txt"
    opener = tmp_path / "fake-browser"
    opener.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    opener.chmod(0o755)
    server = serve("--open", env={"BROWSER": str(opener), "DISPLAY": ""})
    assert server.url.startswith("http://127.0.0.1:")  # loopback unless --host says otherwise
    deadline = time.monotonic() + TIMEOUT
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened.read_text().strip() == server.url


FORKING_BUILD = '''
import os, signal
from generator.builder import site
_build = site.Builder.build
def build(self, changed=None):
    pid = os.fork()  # as a parallel build does; Pool.terminate() SIGTERMs its workers
    if pid == 0:
        os.kill(os.getpid(), signal.SIGTERM)
        os._exit(0)
    os.waitpid(pid, 0)
    return _build(self, changed)
site.Builder.build = build
'''


def test_workers_forked_by_the_build_do_not_stop_the_server(serve, demo_copy, tmp_path):
    """A forked child shares asyncio's signal wakeup socket: without care, a
    SIGTERM to a render worker stops the whole server."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(FORKING_BUILD)
    server = serve(env={"PYTHONPATH": os.pathsep.join([str(hooks), str(REPO)])})
    mark = server.mark()
    set_title(demo_copy / "content" / "entries" / f"{ENTRY}.md", "After a forking build")
    server.wait_for(r"pages rewritten", since=mark)
    time.sleep(0.5)
    assert server.proc.poll() is None, server.output()
    status, _, body = get(server.origin, f"/timeline/entries/{ENTRY}/")
    assert status == 200 and b"After a forking build" in body
    assert server.stop() == 0
