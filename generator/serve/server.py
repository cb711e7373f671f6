"""The preview server: serve the output under the base path, rebuild on
change, tell the browsers once the new build is in place.

Runs on one asyncio loop (Tornado's). One worker thread waits for each
build (``timeline serve`` runs them in a build process, see build_process)
so the server keeps answering (from the last complete build, which the build
swaps in atomically) while a build runs. Changes are debounced: a burst of
writes becomes one rebuild.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import logging
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from tornado import httpserver, netutil, web

from generator.serve import inject, livereload_bridge
from generator.serve.files import resolve
from generator.serve.build_process import BuildProcess
from generator.serve.rebuild import Outcome, Rebuilder
from generator.serve.watcher import Watcher

log = logging.getLogger(__name__)
QUIET = 0.015  # a burst ends after this long without events (an editor's save takes < 1 ms)
MAX_WAIT = 1.0  # ... or this long after its first event, whichever is first
BUILD_PATH = "/livereload-build"  # the current build's id, checked on (re)connect
# Our own table: ``mimetypes`` reads /etc/mime.types on first use (a file
# outside the output) and its answers differ between systems.
TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css",
    ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
    ".map": "application/json", ".webmanifest": "application/manifest+json",
    ".xml": "application/xml", ".atom": "application/atom+xml", ".rss": "application/rss+xml",
    ".ics": "text/calendar", ".csv": "text/csv", ".txt": "text/plain", ".md": "text/plain",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".pdf": "application/pdf",
}
TEXT = ("text/", "application/json", "application/xml", "application/atom+xml",
        "application/rss+xml", "application/manifest+json", "image/svg+xml")


class SiteHandler(web.RequestHandler):
    """Files of the output only; our 404 page; script and errors in every page."""

    def initialize(self, preview: "Preview") -> None:
        self.preview = preview

    def compute_etag(self) -> None:
        return None  # the page changes under the same URL; never answer 304

    def get(self) -> None:
        preview = self.preview
        base = preview.rebuilder.base_path
        raw = self.request.path
        if raw != base and (raw == "/" or raw + "/" == base):
            self.redirect(base)
            return
        found = resolve(preview.output, raw, base)
        if found.kind == "redirect":
            assert found.location is not None
            query = f"?{self.request.query}" if self.request.query else ""
            self.redirect(found.location + query)
            return
        if found.kind == "file":
            assert found.path is not None
            try:
                self._send(200, found.path.read_bytes(), str(found.path))
                return
            except OSError:
                pass  # swapped away between resolve and read: treat as missing
        self._send_missing()

    head = get

    def _send_missing(self) -> None:
        preview = self.preview
        page = resolve(preview.output, preview.rebuilder.base_path + "404.html",
                       preview.rebuilder.base_path)
        if page.kind == "file" and page.path is not None:
            try:
                self._send(404, page.path.read_bytes(), "404.html")
                return
            except OSError:
                pass
        if not preview.rebuilder.built_once:
            if preview.rebuilder.errors:
                body = inject.standalone("Build failed", "There is no good build to show yet.")
                self._send(500, body, "error.html")
            else:  # the first build is running; this page reloads when it lands
                body = inject.standalone("Building…", "The first build is running; this page "
                                         "reloads by itself when it is done.")
                self._send(503, body, "building.html")
        else:
            self._send(404, inject.standalone("Not found", "No page at this address."),
                       "404.html")

    def _send(self, status: int, data: bytes, name: str) -> None:
        kind = TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
        if kind == "text/html":
            data = inject.add_script(data, self.preview.script())
            if self.preview.rebuilder.errors:
                data = inject.add_overlay(data, self.preview.rebuilder.errors)
        if kind.startswith(TEXT):
            kind += "; charset=utf-8"
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.finish(data)


class BuildIdHandler(web.RequestHandler):
    """The id of the build now served: a page that connects late compares it."""

    def initialize(self, preview: "Preview") -> None:
        self.preview = preview

    def get(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/plain")
        self.finish(self.preview.build_id)


class Preview:
    """Serve, watch, rebuild, reload. ``run()`` returns when stopped."""

    def __init__(self, rebuilder: Rebuilder | BuildProcess, watcher: Watcher, host: str = "127.0.0.1",
                 port: int = 8000, out: Callable[[str], None] | None = None,
                 err: Callable[[str], None] | None = None):
        self.rebuilder = rebuilder
        self.output = rebuilder.output
        self.watcher = watcher
        self.host, self.port = host, port
        self.out = out or log.info
        self.err = err or log.error
        self.token = secrets.token_hex(4)
        self.generation = 0
        self.served_path = rebuilder.base_path
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-build")
        self.pending: set[Path] | None = set()
        self.created: set[Path] = set()
        self.has_pending = False
        self.first_event = self.last_event = 0.0
        self.building = False
        self.timer: asyncio.TimerHandle | None = None
        self.build_task: asyncio.Task | None = None
        self.stopping: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.http: httpserver.HTTPServer | None = None
        livereload_bridge.reset()

    @property
    def build_id(self) -> str:
        return f"{self.token}-{self.generation}"

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.rebuilder.base_path}"

    def script(self) -> bytes:
        """livereload.js, plus: reload if the build changed while connecting."""
        check = ("<script>document.addEventListener('LiveReloadConnect',function(){"
                 f"fetch('{BUILD_PATH}',{{cache:'no-store'}}).then(function(r){{return r.text()}})"
                 f".then(function(t){{if(t!=='{self.build_id}')location.reload()}})"
                 ".catch(function(){})});</script>")
        return inject.reload_script(self.port) + check.encode()

    # -- rebuilding ---------------------------------------------------------

    def report(self, outcome: Outcome) -> None:
        for line in outcome.lines:
            (self.err if outcome.errors else self.out)(line)
        if self.http is not None and self.rebuilder.base_path != self.served_path:
            self.out(f"base_url changed: now serving {self.url}")
        self.served_path = self.rebuilder.base_path
        if outcome.reload:
            self.generation += 1
            livereload_bridge.reload(outcome.reload)

    def on_change(self, paths: set[Path] | None, created: set[Path] = frozenset()) -> None:
        """From the watcher: collect, then build once the burst is over."""
        now = time.monotonic()
        if not self.has_pending:
            self.first_event = now
            self.has_pending = True
            self.pending = set()
            self.created = set()
        self.last_event = now
        self.created |= created
        if paths is None or self.pending is None:
            self.pending = None
        else:
            self.pending |= paths
        self._schedule()

    def _schedule(self) -> None:
        if self.building or not self.has_pending or self.loop is None:
            return  # the running build reschedules when it ends
        if self.timer is not None:
            self.timer.cancel()
        now = time.monotonic()
        delay = min(self.last_event + QUIET, self.first_event + MAX_WAIT) - now
        self.timer = self.loop.call_later(max(0.0, delay), self._start_build)

    def _start_build(self) -> None:
        self.timer = None
        if self.building or not self.has_pending or self.stopping is None \
                or self.stopping.is_set():
            return
        changed, self.pending, self.has_pending = self.pending, set(), False
        if changed is not None:  # came and went within the burst: never existed
            changed -= {p for p in self.created if not p.exists()}
            if not changed:
                return
        self.building = True
        self.build_task = asyncio.ensure_future(self._build(changed))

    async def _build(self, changed: set[Path] | None) -> None:
        assert self.loop is not None
        try:
            outcome = await self.loop.run_in_executor(self.executor, self.rebuilder.build,
                                                      changed)
            self.report(outcome)
        finally:
            self.building = False
            self._schedule()

    # -- running ------------------------------------------------------------

    def application(self) -> web.Application:
        return web.Application(livereload_bridge.routes() + [
            (BUILD_PATH, BuildIdHandler, {"preview": self}),
            (r".*", SiteHandler, {"preview": self}),
        ], log_function=lambda handler: None)  # one line per rebuild, not per request

    def listen(self) -> None:
        """Bind now (port 0 picks a free one), so the URL is known before serving."""
        sockets = netutil.bind_sockets(self.port, self.host)
        self.port = sockets[0].getsockname()[1]
        self.http = httpserver.HTTPServer(self.application())
        self.http.add_sockets(sockets)

    async def run(self, ready: Callable[["Preview"], None] | None = None,
                  handle_signals: bool = True) -> None:
        """Listen, build everything once, call ``ready``, rebuild on change until stopped."""
        self.loop = asyncio.get_running_loop()
        self.stopping = asyncio.Event()
        if handle_signals:
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    self.loop.add_signal_handler(sig, self._on_signal)
                except (NotImplementedError, RuntimeError):  # Windows: Ctrl-C still raises
                    pass
        self.listen()  # answers at once: the last build in the output, or "no build yet"
        self.watcher.start(self.loop, self.on_change)  # saves during the first build count
        self.building = True
        self.build_task = asyncio.ensure_future(self._build(None))
        stop = asyncio.ensure_future(self.stopping.wait())
        await asyncio.wait([self.build_task, stop], return_when=asyncio.FIRST_COMPLETED)
        if ready and not self.stopping.is_set():
            ready(self)
        await stop
        await self.shutdown()

    def _on_signal(self) -> None:
        if self.stopping is not None and self.stopping.is_set():
            close = getattr(self.rebuilder, "close", None)
            if close is not None:
                close(now=True)  # its leftovers go with the next build (see output)
            os._exit(130)  # a second Ctrl-C: do not wait for the build
        self.stop()

    def stop(self) -> None:
        """Thread-safe: ask ``run()`` to finish."""
        if self.loop is not None and self.stopping is not None:
            self.loop.call_soon_threadsafe(self.stopping.set)

    async def shutdown(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.watcher.close()
        if self.http is not None:
            self.http.stop()
        livereload_bridge.disconnect_all()
        if self.build_task is not None and not self.build_task.done():
            self.out("stopping after the running build (Ctrl-C again to quit now)")
            try:
                await self.build_task
            except Exception:  # noqa: BLE001 - we are stopping anyway
                pass
        self.executor.shutdown(wait=True)
        close = getattr(self.rebuilder, "close", None)  # a build process: let it leave
        if close is not None:
            close()
        if self.http is not None:
            await self.http.close_all_connections()
