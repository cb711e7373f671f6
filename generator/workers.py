"""How many forked workers a CPU-bound step may use (parsing, rendering)."""

from __future__ import annotations

import multiprocessing
import os


def worker_count() -> int:
    """The cores this process may run on; 1 where workers cannot be forked
    (they share the parent's memory for free only when forked)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
