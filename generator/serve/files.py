"""Mapping a request path to a file of the output, and nothing else.

The preview must never read a file outside the output folder, however the
path is spelled: ``..``, ``%2e%2e``, double-encoded, backslashes, absolute
paths, or a symlink pointing out. Every request path goes through
``resolve``, which decides from the text alone before anything is opened,
then checks the real path as a second line of defence.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote


@dataclass(frozen=True)
class Resolved:
    kind: str  # "file", "redirect" (add a slash), "missing" (serve 404), "outside"
    path: Path | None = None
    location: str | None = None


def site_segments(raw_path: str, base_path: str) -> list[str] | None:
    """The path below ``base_path`` as safe segments; None if it is not a
    site path or could leave the output. ``raw_path`` is still percent-encoded."""
    if not raw_path.startswith(base_path):
        return None
    rest = unquote(raw_path[len(base_path):], errors="strict")
    segments = rest.split("/")
    if segments and segments[-1] == "":
        segments = segments[:-1]  # trailing slash: a folder
    for seg in segments:
        if (seg in ("", ".", "..") or "\\" in seg or "\x00" in seg or ":" in seg):
            return None
    return segments


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def resolve(root: Path, raw_path: str, base_path: str) -> Resolved:
    """Where ``raw_path`` (e.g. ``/timeline/people/``) points inside ``root``."""
    try:
        segments = site_segments(raw_path, base_path)
    except UnicodeDecodeError:
        segments = None
    if segments is None:
        return Resolved("outside")
    real_root = os.path.realpath(root)
    candidate = os.path.join(real_root, *segments) if segments else real_root
    real = os.path.realpath(candidate)
    if not _inside(real, real_root):  # a symlink out of the output
        return Resolved("outside")
    if os.path.isdir(real):
        if not raw_path.endswith("/"):
            return Resolved("redirect", location=raw_path + "/")
        index = os.path.join(real, "index.html")
        if os.path.isfile(index):
            return Resolved("file", Path(index))
        return Resolved("missing")
    if os.path.isfile(real):
        return Resolved("file", Path(real))
    return Resolved("missing")
