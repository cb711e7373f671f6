"""Shared fixtures: the repository, demo builds, a local static server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import tempfile
import threading
from pathlib import Path

import pytest

from generator.builder.site import build_site
from generator.config import load_config

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
ARTIFACTS = REPO / "test-artifacts"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """Every axe-core violation on the page as it is now (impact, help, first nodes)."""
    assert AXE.exists(), "run 'npm ci' to install axe-core (see README: Tests)"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
                         ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                         " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))")


def serious_violations(page) -> list[dict]:
    """The serious and critical ones (the gate); the rest are printed for the log."""
    found = axe_violations(page)
    for v in found:
        print(v)
    return [v for v in found if v["impact"] in ("serious", "critical")]


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    """Browser tests skip only when there is no Chromium and CI is not set."""
    if chromium_path() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="no chromium on this machine (CI would fail instead)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None and os.environ.get("CI"):
        pytest.fail("CI is set but no chromium is installed")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_FLAGS}


def copy_demo(dest: Path) -> Path:
    """timeline.yaml, content/ and theme/ of the repository, for a test to change freely."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "timeline.yaml", dest / "timeline.yaml")
    for name in ("content", "theme"):
        shutil.copytree(REPO / name, dest / name)
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the demo project that the test may break."""
    return copy_demo(tmp_path)


@pytest.fixture(scope="session")
def demo_config():
    return load_config(REPO / "timeline.yaml")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, demo_config) -> Path:
    """The demo content built once into a temporary folder (base path /timeline/)."""
    out = tmp_path_factory.mktemp("demo") / "site"
    build_site(demo_config.with_overrides(output=out))
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


class StaticServer:
    """Serves ``root`` under ``prefix`` on 127.0.0.1, like GitHub Pages serves a project."""

    def __init__(self, root: Path, prefix: str = "/"):
        served = root
        if prefix.strip("/"):
            served = Path(tempfile.mkdtemp(prefix="mount-"))
            link = served / prefix.strip("/")
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(root, target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=str(served))
        self.httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def demo_server(demo_site, demo_config):
    server = StaticServer(demo_site, demo_config.base_path)
    yield server
    server.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
