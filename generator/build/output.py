"""Writing the site: stage a complete new tree, then swap it in at once.

Unchanged files are hard-linked from the current tree (cheap, and their
timestamps stay, so watchers and ``gh-pages`` diffs see only real changes).
The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux, two renames
elsewhere. A build that fails or is killed never touches the live tree; its
leftovers are removed by the next build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import TimelineError
from generator.fsutil import atomic_write

RENAME_EXCHANGE = 2
AT_FDCWD = -100


@dataclass
class WriteStats:
    written: list[str] = field(default_factory=list)  # new or changed files
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def _libc_renameat2():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn


_renameat2 = _libc_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories; False when the system cannot."""
    if _renameat2 is None:
        return False
    rc = _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return rc == 0


def safe_relative(rel: str) -> PurePosixPath:
    """Refuse any output path that could leave the output folder."""
    p = PurePosixPath(rel)
    if (not rel or p.is_absolute() or "\\" in rel or "\x00" in rel
            or any(part in ("..", ".", "") for part in p.parts)):
        raise TimelineError(f"refusing to write outside the output folder: {rel!r}")
    return p


def staging_dirs(out_dir: Path) -> list[Path]:
    """Leftover staging or old trees of earlier (failed or killed) builds."""
    prefix = f".{out_dir.name}."
    if not out_dir.parent.is_dir():
        return []
    return sorted(p for p in out_dir.parent.iterdir()
                  if p.name.startswith(prefix) and p.name.endswith(".tmp"))


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _existing_files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def write_site(out_dir: Path, files: dict[str, bytes], keep: set[str] = frozenset()) -> WriteStats:
    """Replace ``out_dir`` with exactly ``files`` (site path -> bytes) plus the
    current files named in ``keep``, atomically."""
    for leftover in staging_dirs(out_dir):
        shutil.rmtree(leftover, ignore_errors=True)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = out_dir.parent / f".{out_dir.name}.{os.getpid()}.tmp"
    stage.mkdir()
    stats = WriteStats()
    try:
        made_dirs: set[Path] = set()
        for rel in sorted(files):
            data = files[rel]
            safe = safe_relative(rel)
            target = stage / safe
            if target.parent not in made_dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(target.parent)
            current = out_dir / safe
            if _same_bytes(current, data):
                try:
                    os.link(current, target)
                    stats.unchanged += 1
                    continue
                except OSError:
                    pass
            else:
                stats.written.append(rel)
            target.write_bytes(data)
        for rel in sorted(keep - set(files)):
            target = stage / safe_relative(rel)
            if target.parent not in made_dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(target.parent)
            os.link(out_dir / rel, target)
            stats.unchanged += 1
        stats.removed = sorted(_existing_files(out_dir) - set(files) - set(keep))
        _swap_in(stage, out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return stats


def _swap_in(stage: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.rename(stage, out_dir)
        return
    if exchange(stage, out_dir):
        return  # the old tree is now at ``stage`` and is removed by the caller
    old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}.tmp"
    os.rename(out_dir, old)
    os.rename(stage, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def update_site(out_dir: Path, files: dict[str, bytes], keep: set[str],
                previous: set[str]) -> WriteStats:
    """Change a live output folder in place: each changed file is replaced
    atomically; files of ``previous`` that are neither in ``files`` nor kept are
    removed. Used for small rebuilds while serving, where staging a whole tree
    costs more than the change."""
    stats = WriteStats(unchanged=len(keep - set(files)))
    for rel in sorted(files):
        data = files[rel]
        target = out_dir / safe_relative(rel)
        if _same_bytes(target, data):
            stats.unchanged += 1
            continue
        atomic_write(target, data)
        stats.written.append(rel)
    for rel in sorted(previous - set(files) - keep):
        target = out_dir / safe_relative(rel)
        target.unlink(missing_ok=True)
        stats.removed.append(rel)
        parent = target.parent
        while parent != out_dir and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return stats
