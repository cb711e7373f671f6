"""Writing the site so that readers never see a half-built one.

Two ways, chosen by the size of the change:

- **Swap** (first build, large changes): stage a complete new tree beside the
  output, hard-linking unchanged files from the current tree, then swap the two
  folders in one atomic ``renameat2(RENAME_EXCHANGE)`` (two renames where the
  system lacks it). The old tree is deleted by a detached child process, since
  deleting 10,000 folders takes seconds.
- **Patch** (small changes to a known tree): write the changed files into a
  staging folder, then rename each over its target; only files that really
  changed are touched, so watchers and ``gh-pages`` diffs see real changes.

A build that fails or is killed before the swap or the renames leaves the
live tree as it was. Its leftovers (``.site.<pid>-<n>.tmp``) are removed by a
later build once the process named in them is gone, never while it lives (it
may be filling them; the build lock keeps two builds of one output apart).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import itertools
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import TimelineError
from generator.workers import may_fork

RENAME_EXCHANGE = 2
AT_FDCWD = -100
PATCH_LIMIT = 200  # files to change above which a full swap is cheaper and safer
BIG_FILE = 1 << 20  # bytes; replacing a file this large frees the old one in the background


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
            or any(part in ("..", ".", "") for part in rel.split("/"))):
        raise TimelineError(f"refusing to write outside the output folder: {rel!r}")
    return p


MARKER = ".nojekyll"  # every site has it: a folder without it was not built by us


def check_output_folder(out_dir: Path, project: Path, sources: dict[str, Path]) -> None:
    """Refuse an output folder whose replacement would lose anything.

    A build replaces the output folder as a whole and deletes the old one, so
    it must not be the project folder (or hold it), must not hold or lie inside
    the content or theme folder, and if it exists with files in it, they must
    be an earlier build (its ``.nojekyll``).
    """
    out = out_dir.resolve()
    advice = "; a build replaces that whole folder: choose one of its own, such as site/"
    if out == project.resolve() or out in project.resolve().parents:
        raise TimelineError(f"the output folder {out_dir} holds the project itself{advice}")
    for what, path in sources.items():
        src = path.resolve()
        if src == out or out in src.parents:
            raise TimelineError(f"the output folder {out_dir} holds the {what} {path}{advice}")
        if src in out.parents:
            raise TimelineError(f"the output folder {out_dir} is inside the {what} {path}{advice}")
    try:
        names = {p.name for p in out.iterdir()}
    except (FileNotFoundError, NotADirectoryError):
        names = None
    if out.exists() and not out.is_dir():
        raise TimelineError(f"the output folder {out_dir} is a file{advice}")
    if names and MARKER not in names:
        raise TimelineError(f"the output folder {out_dir} has files that no build wrote (no "
                            f"{MARKER}){advice}, or empty it")


_serial = itertools.count(1)


def staging_name(out_dir: Path, kind: str = "") -> Path:
    """A new folder beside the output, named after this process: ``.site.<pid>-<n>.tmp``."""
    return out_dir.parent / f".{out_dir.name}.{os.getpid()}-{next(_serial)}{kind}.tmp"


def _owner(out_dir: Path, name: str) -> int | None:
    """The pid in a staging folder's name; None when the name is not one."""
    m = re.fullmatch(rf"\.{re.escape(out_dir.name)}\.(?:old-)?(\d+)(?:-\d+)?(?:\.\w+)?\.tmp", name)
    return int(m.group(1)) if m else None


def staging_dirs(out_dir: Path) -> list[Path]:
    """Staging folders and retired trees beside the output, of any build."""
    if not out_dir.parent.is_dir():
        return []
    return sorted(p for p in out_dir.parent.iterdir() if _owner(out_dir, p.name) is not None)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours: of an earlier build of this process, done with
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out_dir: Path) -> None:
    """Delete what earlier builds left beside the output: this process's
    folders waiting for deletion, and those of processes that are gone."""
    finish_removals()
    for leftover in staging_dirs(out_dir):
        if not _alive(_owner(out_dir, leftover.name) or 0):
            shutil.rmtree(leftover, ignore_errors=True)


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


class _Stage:
    """A folder beside the output, on the same file system, for new files."""

    def __init__(self, out_dir: Path):
        remove_leftovers(out_dir)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.root = staging_name(out_dir)
        self.root.mkdir()
        self._dirs: set[Path] = set()

    def path(self, rel: str) -> Path:
        target = self.root / safe_relative(rel)
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target


def swap_only(out_dir: Path, previous: set[str] | None) -> bool:
    """Without a known tree to patch, a build stages a whole new one."""
    return previous is None or not out_dir.is_dir()


def write_site(out_dir: Path, files: dict[str, bytes], keep: set[str] = frozenset(),
               previous: set[str] | None = None,
               last: dict[str, bytes] | None = None) -> WriteStats:
    """Make ``out_dir`` hold exactly ``files`` plus the current files in ``keep``.

    ``previous`` is what the output held after the last build, when known; it
    allows a small change to be patched in place instead of swapping trees.
    ``last`` holds bytes the last build wrote, when known: comparing with them
    spares reading 40 MB of data files back from disk.
    """
    last = last or {}
    changed = {rel for rel, data in files.items() if not _unchanged(out_dir, rel, data, last)}
    if not swap_only(out_dir, previous):
        removed = previous - set(files) - keep
        if len(changed) + len(removed) <= PATCH_LIMIT:
            return _patch(out_dir, files, changed, removed, len(files) + len(keep))
    return swap_site(NewTree(out_dir), files, {}, keep, changed)


def _unchanged(out_dir: Path, rel: str, data: bytes, last: dict[str, bytes]) -> bool:
    before = last.get(rel)
    if before is None:
        return _same_bytes(out_dir / rel, data)
    return (before is data or before == data) and os.path.exists(f"{out_dir}/{rel}")


def _patch(out_dir: Path, files: dict[str, bytes], changed: set[str], removed: set[str],
           total: int) -> WriteStats:
    stage = _Stage(out_dir)
    replaced = staging_name(out_dir, ".replaced")
    try:
        staged = []
        for n, rel in enumerate(sorted(changed)):
            tmp = stage.root / str(n)  # flat: no folders to make
            tmp.write_bytes(files[rel])
            staged.append((tmp, out_dir / safe_relative(rel), len(files[rel]) > BIG_FILE))
        replaced.mkdir()
        staged.sort(key=lambda item: item[2])  # big files last: see BIG_FILE
        for n, (tmp, target, big) in enumerate(staged):  # the only moment the tree changes
            target.parent.mkdir(parents=True, exist_ok=True)
            if big:  # keep the old bytes alive, so the rename does not wait to free them
                try:
                    os.link(target, replaced / str(n))
                except OSError:
                    pass
            os.replace(tmp, target)
        for rel in sorted(removed):
            target = out_dir / safe_relative(rel)
            target.unlink(missing_ok=True)
            parent = target.parent
            while parent != out_dir and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    finally:
        _remove_soon(stage.root, replaced)
    return WriteStats(sorted(changed), total - len(changed), sorted(removed))


# Folders emptied or replaced by a patch, deleted after the build has
# answered (an ``rmdir`` costs a millisecond, freeing 30 MB of replaced files
# 10 ms), so that neither the build nor the pages a browser loads right after
# it wait for them: by the next stage, the preview's build process once it
# has replied, or the exit of the process. No thread: see ``workers``.
_pending: list[Path] = []


def _remove_soon(*paths: Path) -> None:
    _pending.extend(paths)


@atexit.register
def finish_removals() -> None:
    while _pending:
        shutil.rmtree(_pending.pop(), ignore_errors=True)


class NewTree:
    """A whole new tree staged beside the output, then swapped in at once.

    Files are put one by one, by this process or by forked render workers
    (each writes the files it rendered); a file whose bytes equal the live
    one's is hard-linked from it instead of written."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.fresh = not out_dir.exists()  # nothing to compare with or link from
        self.stage = _Stage(out_dir)

    def put(self, rel: str, data: bytes, changed: bool | None = None) -> bool:
        """Stage ``rel``; True when it was written (its bytes are new)."""
        target = self.stage.path(rel)
        if changed is None:
            changed = self.fresh or not _same_bytes(self.out_dir / rel, data)
        if not changed:
            try:
                os.link(self.out_dir / rel, target)
                return False
            except OSError:
                pass
        target.write_bytes(data)
        return True

    def swap(self, names: set[str], written: list[str], keep: set[str]) -> WriteStats:
        """Add the kept files of the live tree, swap, retire the old tree."""
        for rel in sorted(keep - names):
            os.link(self.out_dir / safe_relative(rel), self.stage.path(rel))
        removed = sorted(_existing_files(self.out_dir) - names - keep)
        old = _swap_in(self.stage.root, self.out_dir)
        if old is not None:
            remove_in_background(old)
        return WriteStats(sorted(written), len(names) - len(written) + len(keep - names), removed)

    def discard(self) -> None:
        shutil.rmtree(self.stage.root, ignore_errors=True)


def swap_site(tree: NewTree, files: dict[str, bytes], staged: dict[str, bool],
              keep: set[str] = frozenset(), changed: set[str] | None = None) -> WriteStats:
    """Finish ``tree`` with ``files`` (``staged``: files already put, and
    whether each was written; ``changed``: which of ``files`` differ from the
    live tree, when known) and the current files in ``keep``; swap it in."""
    try:
        written = [rel for rel, new in staged.items() if new]
        written += [rel for rel in sorted(files)
                    if tree.put(rel, files[rel], None if changed is None else rel in changed)]
        return tree.swap(set(files) | set(staged), written, keep)
    except BaseException:
        tree.discard()
        raise


def _swap_in(stage: Path, out_dir: Path) -> Path | None:
    """Put ``stage`` at ``out_dir``; return where the old tree went, if any."""
    if not out_dir.exists():
        os.rename(stage, out_dir)
        return None
    if exchange(stage, out_dir):
        return stage
    old = staging_name(out_dir, ".old")
    os.rename(out_dir, old)
    os.rename(stage, out_dir)
    return old


def remove_in_background(path: Path) -> None:
    """Delete a retired tree without making the build wait for it: in a
    detached child, or in a thread where this process may not fork."""
    if not may_fork():
        threading.Thread(target=shutil.rmtree, args=(path, True), daemon=True).start()
        return
    pid = os.fork()
    if pid == 0:  # child: detach, delete, leave without running any cleanup of the parent
        try:
            os.setsid()
            if os.fork() == 0:
                shutil.rmtree(path, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
