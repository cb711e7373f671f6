"""The build's memory between runs, in ``.timeline-cache/`` beside the config.

It holds parsed entries and rendered bodies (keyed by file digests, so a stale
result cannot be found by a changed file) and the manifest of the last build
(each output file's fingerprint and size). Anything unreadable is ignored:
the cache only ever saves work, it never decides what the output is.
"""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from generator.build.fingerprint import code_digest
from generator.fsutil import atomic_write

CACHE_DIR = ".timeline-cache"


@dataclass
class Manifest:
    output: str = ""
    inputs: str = ""  # content_digest of the build
    fingerprints: dict[str, str] = field(default_factory=dict)  # output file -> fingerprint
    sizes: dict[str, int] = field(default_factory=dict)  # output file -> bytes
    files: str = ""  # inputs_digest: every input file's bytes
    warnings: list = field(default_factory=list)  # [message, path, line] of that build
    entries: int = 0


class BuildCache:
    def __init__(self, root: Path):
        self.dir = root / CACHE_DIR
        self.tag = code_digest()  # a new generator never reads an old cache

    def _path(self, name: str) -> Path:
        return self.dir / f"{name}-{self.tag}.{'json' if name == 'manifest' else 'pickle'}"

    def load_manifest(self) -> Manifest:
        try:
            data = json.loads(self._path("manifest").read_text(encoding="utf-8"))
            return Manifest(**data)
        except (OSError, ValueError, KeyError, TypeError):
            return Manifest()

    def save_manifest(self, manifest: Manifest) -> None:
        data = json.dumps(manifest.__dict__, sort_keys=True, separators=(",", ":"))
        self._save("manifest", data.encode("utf-8"))

    def load(self, name: str) -> dict:
        try:
            with open(self._path(name), "rb") as fh:
                value = pickle.load(fh)
            return value if isinstance(value, dict) else {}
        except Exception:  # noqa: BLE001 - a broken cache is an empty cache
            return {}

    def save(self, name: str, value: dict) -> None:
        self._save(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _save(self, name: str, data: bytes) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        for old in self.dir.glob(f"{name}-*"):
            if old != self._path(name):
                old.unlink(missing_ok=True)
        (self.dir / ".gitignore").write_text("*\n") if not (self.dir / ".gitignore").exists() else None
        atomic_write(self._path(name), data, durable=False)


def output_matches(out_dir: Path, manifest: Manifest) -> bool:
    """The output folder still holds what the manifest says (sizes only: cheap)."""
    if manifest.output != str(out_dir.resolve()):
        return False
    try:
        return all(os.stat(out_dir / rel).st_size == size for rel, size in manifest.sizes.items())
    except OSError:
        return False
