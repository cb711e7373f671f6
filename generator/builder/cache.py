"""The build's memory between runs, in ``.timeline-cache/`` beside the config.

It holds parsed entries and rendered bodies (keyed by file digests, so a stale
result cannot be found by a changed file) and the manifest of the last build
(each output file's fingerprint and size). Anything unreadable is ignored:
the cache only ever saves work, it never decides what the output is.

A builder kept alive appends each build's changes to the manifest as one line
of a journal beside it, instead of rewriting 20,000 fingerprints per save;
the journal names the manifest it continues, and is folded in by the next
full save.
"""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from generator.builder.fingerprint import code_digest
from generator.content.files import digest_bytes
from generator.fsutil import atomic_write

CACHE_DIR = ".timeline-cache"
MAPS = ("fingerprints", "sizes", "reads")  # per output file: journaled as changes
JOURNAL_LIMIT = 4 << 20  # bytes of journal after which the manifest is rewritten whole


@dataclass
class Manifest:
    output: str = ""
    inputs: str = ""  # content_digest of the build
    fingerprints: dict[str, str] = field(default_factory=dict)  # output file -> fingerprint
    sizes: dict[str, int] = field(default_factory=dict)  # output file -> bytes
    files: str = ""  # inputs_digest: every input file's bytes
    warnings: list = field(default_factory=list)  # [message, path, line] of that build
    entries: int = 0
    reads: dict[str, list[str]] = field(default_factory=dict)  # page -> site-wide helpers read
    stamp: str = ""  # the build lock's stamp of the build that wrote the output (see lock)


class BuildCache:
    def __init__(self, root: Path):
        self.dir = root / CACHE_DIR
        self.tag = code_digest()  # a new generator never reads an old cache
        self.base = ""  # digest of the manifest file the journal continues

    def _path(self, name: str) -> Path:
        return self.dir / f"{name}-{self.tag}.{'json' if name == 'manifest' else 'pickle'}"

    def _journal(self) -> Path:
        return self.dir / f"journal-{self.tag}.jsonl"

    def load_manifest(self) -> Manifest:
        try:
            data = self._path("manifest").read_bytes()
            manifest = Manifest(**json.loads(data))
        except (OSError, ValueError, KeyError, TypeError):
            return Manifest()
        self.base = digest_bytes(data)
        try:
            lines = self._journal().read_bytes().splitlines()
        except OSError:
            lines = []
        for line in lines:
            try:
                change = json.loads(line)
                if change.pop("base") != self.base:
                    break
                manifest = apply_change(manifest, change)
            except (ValueError, KeyError, TypeError, AttributeError):
                break  # a line cut short by a kill: the manifest as it was before it
        return manifest

    def save_manifest(self, manifest: Manifest) -> None:
        data = json.dumps(manifest.__dict__, sort_keys=True, separators=(",", ":")).encode()
        self._save("manifest", data)
        self.base = digest_bytes(data)
        for journal in self.dir.glob("journal-*"):
            journal.unlink(missing_ok=True)

    def append_manifest(self, old: Manifest, new: Manifest) -> None:
        """Record ``new`` as a change of ``old``, the manifest on disk (one line)."""
        if not self.base or not self._path("manifest").exists():
            self.save_manifest(new)
            return
        change = {"base": self.base, **manifest_change(old, new)}
        with open(self._journal(), "ab") as fh:
            fh.write(json.dumps(change, sort_keys=True, separators=(",", ":")).encode() + b"\n")
            size = fh.tell()
        if size > JOURNAL_LIMIT:
            self.save_manifest(new)

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


def manifest_change(old: Manifest, new: Manifest) -> dict:
    """What turns ``old`` into ``new``: changed and dropped keys of the two maps."""
    change: dict = {k: v for k, v in new.__dict__.items() if k not in MAPS}
    for name in MAPS:
        before, after = getattr(old, name), getattr(new, name)
        change[name] = {k: v for k, v in after.items() if before.get(k) != v}
        change[name + "-"] = [k for k in before if k not in after]
    return change


def apply_change(manifest: Manifest, change: dict) -> Manifest:
    maps = {}
    for name in MAPS:
        maps[name] = {**getattr(manifest, name), **change.pop(name)}
        for key in change.pop(name + "-"):
            maps[name].pop(key, None)
    return Manifest(**change, **maps)


def output_matches(out_dir: Path, manifest: Manifest) -> bool:
    """The output folder still holds what the manifest says (sizes only: cheap)."""
    if manifest.output != str(out_dir.resolve()):
        return False
    try:
        return all(os.stat(out_dir / rel).st_size == size for rel, size in manifest.sizes.items())
    except OSError:
        return False
