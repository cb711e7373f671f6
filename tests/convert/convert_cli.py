"""Helpers for the tests that drive ``timeline convert`` as a user would."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from convert_scoring import FIXTURES
from generator.config import Config
from generator.content.entries import parse_entry
from generator.content.model import Entry
from generator.convert import command

ARTICLES = FIXTURES / "articles"


def make_content(tmp_path: Path) -> Path:
    """A content folder with the fixture registries and an empty entries folder."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "registry", root)
    (root / "entries").mkdir()
    return root


def args(*paths, out: Path | None = None, **kw) -> argparse.Namespace:
    """The command's arguments with its defaults, as argparse would give them."""
    base = dict(paths=[str(p) for p in paths], out=str(out) if out else None, dry_run=False,
                json=False, add_people=False, full_text=False, url=None, published=None,
                outlet=None, manifest=None, timeout=20.0)
    base.update(kw)
    return argparse.Namespace(**base)


def run(content: Path, *paths, out: Path | None = None, **kw) -> int:
    return command.run(args(*paths, out=out or content / "entries", **kw), Config(content=content))


def entries(folder: Path) -> dict[str, Entry]:
    """Every entry file in ``folder``, parsed, by file name."""
    return {p.name: parse_entry(p.read_text(encoding="utf-8"), p.name, p.name)
            for p in sorted(folder.glob("*.md"))}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}
