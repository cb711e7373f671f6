"""One build at a time per output folder, as Hugo's ``.hugo_build.lock``.

The lock is a POSIX record lock on ``.<output>.lock`` beside the output
(``.site.lock``): the kernel frees it when its holder dies however it died,
so a lock left by a killed build is taken over by the next. It is not handed
to forked children, and a thread of this process that holds it may take it
again (``publish`` holds it around its build). A build that finds it taken
logs "waiting for the build of pid N to finish" and waits.

The file also says who changed the output last: each holder writes its pid
and a fresh stamp, and puts the previous stamp back if it wrote nothing. A
build that finds another stamp than the one its manifest (or its memory)
recorded knows the output was changed by someone else, or by a build killed
half-way, and trusts nothing it remembers about it.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.errors import TimelineError

log = logging.getLogger(__name__)
WIDTH = 48  # bytes of the file: "pid stamp", padded, written in one piece


def lock_file(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


class Held:
    """This process's hold on an output's lock."""

    def __init__(self, fd: int, previous: str) -> None:
        self.fd = fd
        self.previous = previous  # stamp of the last build that changed the output
        self.stamp = secrets.token_hex(8)  # this build's, once it changes the output
        self.wrote = False

    def writing(self) -> None:
        """Called before the output changes: from now on the stamp is this build's."""
        self.wrote = True

    def release(self) -> None:
        try:
            if not self.wrote:
                _write(self.fd, self.previous)
        finally:
            os.close(self.fd)  # frees the lock


_held: dict[str, Held] = {}
_threads: dict[str, threading.RLock] = {}
_guard = threading.Lock()


@contextmanager
def output_lock(out_dir: Path) -> Iterator[Held]:
    """Hold the output's lock for the block, waiting while another build has it."""
    path = os.path.abspath(lock_file(out_dir))
    with _guard:
        in_process = _threads.setdefault(path, threading.RLock())
    with in_process:
        held = _held.get(path)
        if held is not None:  # this thread holds it already
            yield held
            return
        held = _held[path] = _acquire(path)
        try:
            yield held
        finally:
            del _held[path]
            held.release()


def _acquire(path: str) -> Held:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise TimelineError(f"cannot create the build lock: {exc.strerror}", path) from None
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            pid, _ = _read(fd)
            log.warning("waiting for the build of pid %s to finish", pid or "(unknown)")
            fcntl.lockf(fd, fcntl.LOCK_EX)
    except OSError as exc:
        os.close(fd)
        raise TimelineError(f"cannot lock the output for a build: {exc.strerror}", path) from None
    _, previous = _read(fd)
    held = Held(fd, previous)
    _write(fd, held.stamp)
    return held


def _read(fd: int) -> tuple[str, str]:
    """(pid, stamp) as the file holds them; empty strings when it is new."""
    words = os.pread(fd, WIDTH, 0).decode("ascii", "replace").split()
    return (words[0] if words else "", words[1] if len(words) > 1 else "")


def _write(fd: int, stamp: str) -> None:
    os.pwrite(fd, f"{os.getpid()} {stamp}".ljust(WIDTH - 1).encode() + b"\n", 0)
