"""Seeing saves at once: inotify through ctypes on Linux, polling elsewhere.

livereload polls every 800 ms unless ``pyinotify`` imports, and that package
needs ``asyncore`` (gone in Python 3.12). Talking to the kernel directly costs
sixty lines and no dependency. Both watchers report a set of changed paths, or
None when changes were lost (queue overflow): then rebuild everything.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import os
import struct
import threading
from pathlib import Path
from typing import Callable

# on_change(changed, created): the paths that changed (None: unknown, rebuild
# all), and those of them that were created, so a temporary file that came and
# went within one burst (``sed -i``, some editors) can be dropped.
OnChange = Callable[["set[Path] | None", "set[Path]"], None]

IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE = 0x2, 0x4, 0x8
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x40, 0x80, 0x100, 0x200
IN_DELETE_SELF, IN_MOVE_SELF = 0x400, 0x800
IN_Q_OVERFLOW, IN_IGNORED, IN_ONLYDIR, IN_ISDIR = 0x4000, 0x8000, 0x01000000, 0x40000000
IN_NONBLOCK, IN_CLOEXEC = 0o4000, 0o2000000
MASK = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
        | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
EVENT = struct.Struct("iIII")


def ignored(name: str) -> bool:
    """Editor droppings and hidden files: the build ignores them too."""
    return (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))
            or name == "4913")  # vim's probe file


class Watched:
    """What to watch: whole folders, plus single files (e.g. the config).

    A single file is watched through its folder, so editors that save by
    renaming a new file over the old one are still seen.
    """

    def __init__(self, folders: list[Path], files: list[Path], skip: list[Path] = ()):
        self.folders = [Path(os.path.abspath(f)) for f in folders]
        self.files = {Path(os.path.abspath(f)) for f in files}
        self.skip = [Path(os.path.abspath(s)) for s in skip]  # e.g. the output folder

    def skipped(self, path: Path) -> bool:
        return any(path == s or s in path.parents for s in self.skip)

    def wanted(self, path: Path) -> bool:
        if ignored(path.name) or self.skipped(path):
            return False
        return path in self.files or any(f in path.parents for f in self.folders)

    def wanted_folder(self, folder: Path) -> bool:
        return (folder in self.folders or not ignored(folder.name)
                and not self.skipped(folder)
                and any(f in folder.parents for f in self.folders))


class Watcher:
    """Base: start on an asyncio loop, call ``on_change`` there, close."""

    def __init__(self, watched: Watched):
        self.watched = watched

    def start(self, loop: asyncio.AbstractEventLoop, on_change: OnChange) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1.argtypes = [ctypes.c_int]
        libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _libc()


class InotifyWatcher(Watcher):
    """Linux inotify on every watched folder and sub-folder, read on the loop."""

    def __init__(self, watched: Watched):
        super().__init__(watched)
        if _LIBC is None:
            raise OSError("inotify is not available")
        self.fd = _LIBC.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        self.dirs: dict[int, Path] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.on_change: OnChange | None = None
        try:
            for folder in watched.folders:
                self._add_tree(folder, None)
            for parent in {f.parent for f in watched.files}:
                self._add(parent)
        except OSError:
            os.close(self.fd)
            raise

    def _add(self, folder: Path) -> None:
        wd = _LIBC.inotify_add_watch(self.fd, os.fsencode(folder), MASK)
        if wd < 0:
            err = ctypes.get_errno()
            if err in (2, 20):  # ENOENT, ENOTDIR: gone already
                return
            raise OSError(err, f"cannot watch {folder}: {os.strerror(err)}")
        self.dirs[wd] = folder

    def _add_tree(self, folder: Path, found: set[Path] | None) -> None:
        """Watch ``folder`` and below; files already inside count as changed
        (they may have been written before the watch existed)."""
        if not self.watched.wanted_folder(folder) or not folder.is_dir():
            return
        self._add(folder)
        for dirpath, dirnames, filenames in os.walk(folder):
            here = Path(dirpath)
            dirnames[:] = [d for d in dirnames if self.watched.wanted_folder(here / d)]
            if here != folder:
                self._add(here)
            if found is not None:
                found.update(here / n for n in filenames if not ignored(n))

    def start(self, loop: asyncio.AbstractEventLoop, on_change: OnChange) -> None:
        self.loop, self.on_change = loop, on_change
        loop.add_reader(self.fd, self._read)

    def _read(self) -> None:
        changed: set[Path] | None = set()
        created: set[Path] = set()
        while True:
            try:
                data = os.read(self.fd, 256 * 1024)
            except BlockingIOError:
                break
            except OSError:
                return
            changed = self._parse(data, changed, created)
        if changed is None or changed:
            assert self.on_change is not None
            self.on_change(changed, created)

    def _parse(self, data: bytes, changed: set[Path] | None,
               created: set[Path]) -> set[Path] | None:
        offset = 0
        while offset < len(data):
            wd, mask, _cookie, size = EVENT.unpack_from(data, offset)
            name = data[offset + EVENT.size: offset + EVENT.size + size].rstrip(b"\0")
            offset += EVENT.size + size
            if mask & IN_Q_OVERFLOW:
                changed = None
                continue
            folder = self.dirs.get(wd)
            if mask & IN_IGNORED:
                self.dirs.pop(wd, None)
                continue
            if folder is None or not name:
                continue
            path = folder / os.fsdecode(name)
            if mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO):
                found: set[Path] = set()
                self._add_tree(path, found)
                if changed is not None:
                    changed.update(p for p in found if self.watched.wanted(p))
            if changed is not None and self.watched.wanted(path):
                changed.add(path)
                if mask & (IN_CREATE | IN_MOVED_TO):
                    created.add(path)
        return changed

    def close(self) -> None:
        if self.fd >= 0:
            if self.loop is not None and not self.loop.is_closed():
                self.loop.remove_reader(self.fd)
            os.close(self.fd)
            self.fd = -1


class PollingWatcher(Watcher):
    """Compares (mtime, size) of every file a few times a second, in a thread."""

    def __init__(self, watched: Watched, interval: float = 0.25):
        super().__init__(watched)
        self.interval = interval
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None
        self.state = self._scan()

    def _scan(self) -> dict[Path, tuple[int, int]]:
        state: dict[Path, tuple[int, int]] = {}
        paths: list[Path] = list(self.watched.files)
        for folder in self.watched.folders:
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = [d for d in dirnames if not ignored(d)]
                paths.extend(Path(dirpath) / n for n in filenames)
        for path in paths:
            if not self.watched.wanted(path):
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            state[path] = (st.st_mtime_ns, st.st_size)
        return state

    def start(self, loop: asyncio.AbstractEventLoop, on_change: OnChange) -> None:
        def run() -> None:
            while not self.stopped.wait(self.interval):
                new = self._scan()
                changed = {p for p in new.keys() | self.state.keys()
                           if new.get(p) != self.state.get(p)}
                created = new.keys() - self.state.keys()
                self.state = new
                if changed and not loop.is_closed():
                    loop.call_soon_threadsafe(on_change, changed, created)

        self.thread = threading.Thread(target=run, name="timeline-poll", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(timeout=5)


def make_watcher(watched: Watched, polling: bool = False) -> Watcher:
    """inotify when the system has it (and enough watches), else polling."""
    if not polling:
        try:
            return InotifyWatcher(watched)
        except OSError:
            pass
    return PollingWatcher(watched)
