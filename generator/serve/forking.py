"""Processes the build forks must not inherit the server.

The build may fork (render workers, a background delete) from its worker
thread. A forked child shares asyncio's signal wakeup socket with the server,
so a SIGTERM sent to a worker (``Pool.terminate()`` does that on every
parallel build) would reach the server's loop and stop it; and a child that
outlives the server (the background delete) would keep its port bound. In
each child, right after the fork: drop the wakeup fd, give SIGTERM its
default action, ignore Ctrl-C (the server decides about the build), and close
the server's own file descriptors.
"""

from __future__ import annotations

import os
import signal
from typing import Callable

_CLEANUP: list[Callable[[], None]] = []
_REGISTERED = False


def _in_child() -> None:
    if not _CLEANUP:
        return  # not serving: leave forks alone
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass
    for close in _CLEANUP:
        try:
            close()
        except OSError:
            pass
    _CLEANUP.clear()


def protect(*closers: Callable[[], None]) -> None:
    """From now on, every forked child runs these (e.g. ``socket.close``)."""
    global _REGISTERED
    if not _REGISTERED and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_in_child)
        _REGISTERED = True
    _CLEANUP.extend(closers)


def release() -> None:
    """The server stopped: forks are ordinary again."""
    _CLEANUP.clear()
