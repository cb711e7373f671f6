"""Shared helpers of the hardening tests: private copies of the demo project, builds
in-process or through the CLI, digests of whole trees, and small output parsers."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from generator.builder.site import build_site
from generator.config import load_config

from conftest import REPO, copy_demo  # noqa: F401 - shared with the hardening tests



def minimal_project(dest: Path, config: str = "") -> Path:
    """An empty project that uses the repository's theme."""
    (dest / "content" / "entries").mkdir(parents=True, exist_ok=True)
    (dest / "timeline.yaml").write_text(
        "title: Attack site\nbase_url: https://example.org/t/\n"
        f"theme: {REPO / 'theme'}\n{config}", encoding="utf-8")
    return dest


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def entry_text(title: str = "A meeting", date: str = "2024-01-02", **fields: str) -> str:
    """Front matter from already-YAML values (``people="[A, B]"``), then a body."""
    body = fields.pop("body", "Body.\n")
    lines = [f"title: {title}", f"date: {date}"] + [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def build(root: Path, **overrides):
    """Build the project at ``root`` in-process; returns (config, result)."""
    config = load_config(root / "timeline.yaml").with_overrides(**overrides)
    return config, build_site(config)


def cli(root: Path, *args: str, timeout: float = 120, env: dict | None = None,
        **kwargs) -> subprocess.CompletedProcess:
    """``python -m generator ARGS`` in ``root``; output as text."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, env=full_env,
                          capture_output=True, text=True, timeout=timeout, **kwargs)


def tree_files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative posix path -> bytes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def tree_digest(root: Path) -> str:
    """One digest of names and bytes of every file under ``root``."""
    h = hashlib.sha256()
    for name, data in tree_files(root).items():
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def unfold_ics(data: bytes) -> list[str]:
    """Content lines of an iCalendar file: CRLF split, folded lines joined (RFC 5545 3.1)."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    lines: list[str] = []
    for raw in text[:-2].split("\r\n"):
        assert "\n" not in raw and "\r" not in raw, repr(raw)
        if raw.startswith((" ", "\t")):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def ics_unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


class Dom(HTMLParser):
    """Every start tag with its attributes, the text, and script bodies of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self._script_text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script, self._script_text = attrs, []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)
        else:
            self.text.append(data)

    def all_text(self) -> str:
        return "".join(self.text)

    def attribute_values(self) -> list[str]:
        return [v for _, attrs in self.tags for v in attrs.values() if v is not None]
