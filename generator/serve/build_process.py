"""The preview's builds, in a process of their own.

The server runs threads (the asyncio loop, the build's waiting thread,
perhaps a polling watcher), and a process with threads must not fork; but a
build forks its workers, and a kept-alive builder wants its memory between
builds. So the builder lives in a spawned process that never starts a
thread: the server sends it the changed paths and gets the Outcome back.
Spawning execs a new interpreter, so the process inherits none of the
server's sockets, inotify descriptor or signal handling.
"""

from __future__ import annotations

import multiprocessing
import signal
from pathlib import Path
from typing import Any

from generator import logs
from generator.config import Config
from generator.serve.rebuild import Outcome, Rebuilder


def _serve_builds(conn: Any, config: Config, output: Path, drafts: bool,
                  config_file: Path | None, loudness: tuple[bool, bool]) -> None:
    """Runs in the build process: one build per message until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    logs.setup(*loudness)
    rebuilder = Rebuilder(config, output, drafts, config_file)
    from generator.builder.output import finish_removals

    while True:
        try:
            changed = conn.recv()
        except (EOFError, OSError):
            return
        outcome = rebuilder.build(changed)
        conn.send((outcome, rebuilder.config, rebuilder.errors, rebuilder.built_once))
        finish_removals()  # after the answer: the browser reloads meanwhile


class BuildProcess:
    """A ``Rebuilder`` in a spawned process, with the same face to the server."""

    def __init__(self, config: Config, output: Path, drafts: bool = False,
                 config_file: Path | None = None):
        self.output = output
        self.config = config.with_overrides(output=output)
        self.errors: list[str] = []
        self.built_once = False
        context = multiprocessing.get_context("spawn")
        self._conn, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve_builds, name="timeline-build",  # not daemonic: it forks workers
            args=(theirs, config, output, drafts, config_file, logs.settings()))
        self.process.start()
        theirs.close()

    @property
    def base_path(self) -> str:
        return self.config.base_path

    def build(self, changed: set[Path] | None) -> Outcome:
        """Build (None: everything) in the build process; never raises for bad input."""
        try:
            self._conn.send(changed)
            outcome, self.config, self.errors, self.built_once = self._conn.recv()
        except (EOFError, OSError):
            self.errors = ["internal error: the build process ended; restart timeline serve"]
            return Outcome(list(self.errors), list(self.errors), ["*"])
        return outcome

    def close(self, now: bool = False) -> None:
        """Let the build process finish and leave; ``now``: end it at once."""
        if now:
            self.process.kill()
        self._conn.close()
        self.process.join(timeout=30)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
