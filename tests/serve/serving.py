"""Helpers and fixtures for the preview server tests: a private copy of the demo, a running
``timeline serve`` subprocess, and helpers to edit entries and read its output."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import REPO, copy_demo  # noqa: F401 - used by the tests

ENTRY = "2023-11-blinken-modi-meeting"  # a demo entry the tests edit
TIMEOUT = 20.0  # generous: behaviour tests, not speed tests (2 slow CI cores)



def set_title(entry: Path, title: str) -> None:
    """Rewrite the ``title:`` line of an entry, as an editor would."""
    text = entry.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^title: .*$", f"title: {title}", text, count=1)
    assert n == 1, f"no title line in {entry}"
    entry.write_text(new, encoding="utf-8")


class ServeProcess:
    """``python -m generator serve --port 0`` in ``cwd``, its output collected."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1", **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", "0", *args],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.url = self.wait_for(r"^serving (http://\S+)").group(1)
        self.origin = re.match(r"http://[^/]+", self.url).group(0)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def mark(self) -> int:
        """Remember where the output is now; ``wait_for(..., since=mark)``."""
        with self.changed:
            return len(self.lines)

    def wait_for(self, pattern: str, since: int = 0, timeout: float = TIMEOUT) -> re.Match:
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        with self.changed:
            while True:
                for line in self.lines[since:]:
                    m = regex.search(line)
                    if m:
                        return m
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self.reader.is_alive()):
                    raise AssertionError(f"no line matching {pattern!r}; output:\n"
                                         + "\n".join(self.lines))
                self.changed.wait(min(left, 0.2))

    def output(self, since: int = 0) -> list[str]:
        with self.changed:
            return list(self.lines[since:])

    def stop(self, sig: int = signal.SIGTERM, timeout: float = TIMEOUT) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("serve did not stop on " + signal.Signals(sig).name)
        self.reader.join(5)
        return self.proc.returncode


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    return copy_demo(tmp_path / "project")


@pytest.fixture
def serve(demo_copy):
    """Start ``timeline serve`` on the demo copy (call it with extra arguments)."""
    started: list[ServeProcess] = []

    def start(*args: str, cwd: Path | None = None,
              env: dict[str, str] | None = None) -> ServeProcess:
        server = ServeProcess(cwd or demo_copy, *args, env=env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


# livereload.js fires LiveReloadConnect on document once the socket is up;
# every load is recorded in sessionStorage so tests can see each reload.
RECORD_LOADS = """
document.addEventListener('LiveReloadConnect', () => { window.__connected = true; });
window.addEventListener('DOMContentLoaded', () => {
  const loads = JSON.parse(sessionStorage.getItem('loads') || '[]');
  const h1 = document.querySelector('h1');
  loads.push(h1 ? h1.textContent.trim() : document.title);
  sessionStorage.setItem('loads', JSON.stringify(loads));
});
"""


def open_live(page, url: str) -> None:
    """Open ``url`` and wait until its livereload socket is connected."""
    page.add_init_script(RECORD_LOADS)
    page.goto(url)
    page.wait_for_function("window.__connected === true", timeout=TIMEOUT * 1000)


def loads(page) -> list[str]:
    return page.evaluate("JSON.parse(sessionStorage.getItem('loads') || '[]')")


class InProcessServer:
    """The same server in a thread of this process: lets a test look inside
    (what files are opened, a slowed-down build) where a subprocess cannot."""

    def __init__(self, project: Path, wrap_build=None, wait_ready: bool = True):
        import asyncio

        from generator.config import load_config
        from generator.serve.rebuild import Rebuilder
        from generator.serve.server import Preview
        from generator.serve.watcher import Watched, make_watcher

        config_file = project / "timeline.yaml"
        config = load_config(config_file)
        self.output = project.parent / "preview" / "site"
        self.lines: list[str] = []
        self.rebuilder = Rebuilder(config, self.output, config_file=config_file)
        if wrap_build is not None:
            self.rebuilder.builder.build = wrap_build(self.rebuilder.builder.build)
        watcher = make_watcher(Watched([config.content, config.theme], [config_file],
                                       skip=[self.output]))
        self.preview = Preview(self.rebuilder, watcher, port=0,
                               out=self.lines.append, err=self.lines.append)
        ready = threading.Event()
        self.thread = threading.Thread(
            target=lambda: asyncio.run(self.preview.run(lambda p: ready.set(),
                                                        handle_signals=False)),
            name="preview-server", daemon=True)
        self.thread.start()
        self.ready = ready
        deadline = time.monotonic() + TIMEOUT
        while self.preview.http is None and time.monotonic() < deadline:
            time.sleep(0.01)  # listening (the first build may still run)
        if wait_ready:
            assert ready.wait(TIMEOUT), "in-process server did not start"
        self.url = self.preview.url
        self.origin = re.match(r"http://[^/]+", self.url).group(0)

    def wait_for(self, pattern: str, since: int = 0, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[since:]:
                if re.search(pattern, line):
                    return line
            time.sleep(0.02)
        raise AssertionError(f"no line matching {pattern!r}: {self.lines}")

    def stop(self) -> None:
        self.preview.stop()
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive(), "in-process server did not stop"


@pytest.fixture
def in_process(demo_copy):
    """Start the server in this process (call with optional wrap_build)."""
    started: list[InProcessServer] = []

    def start(wrap_build=None, wait_ready: bool = True) -> InProcessServer:
        server = InProcessServer(demo_copy, wrap_build, wait_ready)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
