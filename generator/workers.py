"""How many forked workers a CPU-bound step may use (parsing, rendering), and
whether this process may fork at all.

A process forks only while it runs one thread: a child forked beside other
threads may inherit a lock one of them held and wait for it forever (Python
3.12 warns of it). ``timeline build`` and the preview's build process are
single-threaded; anything else (a test driving the server in a thread) works
in one process instead.
"""

from __future__ import annotations

import multiprocessing
import os
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
