"""The only module that knows ``livereload``: its browser protocol, tamed.

We keep livereload's websocket handler and its ``livereload.js`` (the part
worth having: the protocol, reconnecting, swapping stylesheets in place) and
drive it ourselves:

- its watch loop (``poll_tasks``) is never started: we call ``reload_waiters``
  once the new build is swapped in, so there is no 800 ms polling and no
  "Ignore:" within ``DEFAULT_RELOAD_TIME`` (3 s) of the previous reload;
- its state lives on the class, so ``reset`` clears it for each new server;
- pages are served by our handler, which injects the script itself.

Swapping livereload for another server means rewriting this file only.
"""

from __future__ import annotations

import logging

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler


class _NoWatcher:
    """``reload_waiters`` logs ``watcher.filepath``; we watch elsewhere."""

    filepath = None


def reset() -> None:
    """Forget browsers and reload times of any earlier server in this process."""
    LiveReloadHandler.waiters = set()
    LiveReloadHandler._last_reload_time = None
    LiveReloadHandler.watcher = _NoWatcher()
    LiveReloadHandler.live_css = True
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0  # only used by poll_tasks; keep it harmless
    logging.getLogger("livereload").setLevel(logging.WARNING)


def routes() -> list[tuple[str, type]]:
    """The websocket and the client script, served from the site's root."""
    return [(r"/livereload", LiveReloadHandler), (r"/livereload\.js", LiveReloadJSHandler)]


def reload(paths: list[str]) -> int:
    """Tell every connected browser: reload these paths (``*``: the page).

    A ``.css`` path makes livereload.js swap that stylesheet in place.
    Returns the number of browsers told.
    """
    for path in paths:
        LiveReloadHandler.reload_waiters(path)
    return len(LiveReloadHandler.waiters)


def browsers() -> int:
    return len(LiveReloadHandler.waiters)


def disconnect_all() -> None:
    for waiter in list(LiveReloadHandler.waiters):
        try:
            waiter.close()
        except Exception:  # noqa: BLE001 - closing a dead socket is fine
            pass
    LiveReloadHandler.waiters = set()
