"""How many forked workers a CPU-bound step may use (parsing, rendering), and
whether this process may fork at all.

A process forks only while it runs one thread: a child forked beside other
threads may inherit a lock one of them held and wait for it forever (Python
3.12 warns of it). ``timeline build`` and the preview's build process are
single-threaded; anything else (a test driving the server in a thread) works
in one process instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading


def threads() -> int:
    """Threads of this process, as the system counts them (C libraries' too)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # pragma: no cover - not Linux
        return threading.active_count()


def may_fork() -> bool:
    return threads() == 1 and "fork" in multiprocessing.get_all_start_methods()


def worker_count() -> int:
    """The cores this process may run on; 1 where workers cannot be forked
    safely (they share the parent's memory for free only when forked)."""
    if not may_fork():
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a forked worker: be killed when the process that forked it dies,
    however it dies (``kill -9`` included), instead of writing on into a
    staging folder that the next build will remove as a dead build's."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
