"""One rebuild of the preview: run the build, decide what the browser needs.

No web server here: this turns a set of changed files into a terminal line
and a list of things to reload, so it can be tested (and the server swapped)
on its own. The build itself decides what to re-render; we only pass it the
changed paths.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.builder.site import Builder, BuildResult
from generator.config import Config, load_config
from generator.errors import ManyErrors, Problem, TimelineError, display_path

log = logging.getLogger(__name__)
RELOAD_PAGE = "*"  # livereload.js reloads the page for any path it cannot swap
LIVE_SUFFIXES = (".css",)  # swapped in place by livereload.js, no page reload


@dataclass
class Outcome:
    """What one rebuild did, for the terminal and for the browsers."""

    lines: list[str]  # for the terminal, stdout
    errors: list[str]  # the build errors now shown (empty: the build is good)
    reload: list[str] = field(default_factory=list)  # site paths, or ["*"]; [] = nothing
    result: BuildResult | None = None


def abspath(path: Path) -> Path:
    return Path(os.path.abspath(path))


def describe(changed: set[Path] | None, limit: int = 3) -> str:
    """``content/entries/a.md`` or ``a.md, b.md and 4 more``, for the terminal."""
    if changed is None:
        return "everything"
    if not changed:
        return "start"
    names = sorted(display_path(p) for p in changed)
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


class Rebuilder:
    """Keeps one Builder (so the build can reuse earlier work) and the error state."""

    def __init__(self, config: Config, output: Path, drafts: bool = False,
                 config_file: Path | None = None):
        self.output = output
        self.drafts = drafts
        self.config_file = abspath(config_file) if config_file else None
        self.config = config.with_overrides(output=output)
        self.builder = Builder(self.config, drafts=drafts)
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.built_once = False

    @property
    def base_path(self) -> str:
        return self.config.base_path

    def _reload_config(self) -> None:
        if self.config_file is None:
            return
        config = load_config(self.config_file).with_overrides(output=self.output)
        if config != self.config:
            self.config = config
            self.builder = Builder(config, drafts=self.drafts)

    def stylesheets(self, changed: set[Path] | None) -> list[str] | None:
        """Site paths of the changed stylesheets, if edits of stylesheets the pages
        already link are all that changed (a new or deleted one needs a reload)."""
        if not changed:
            return None
        static = abspath(self.config.theme) / "static"
        paths = []
        for path in changed:
            p = abspath(path)
            if static not in p.parents or p.suffix.lower() not in LIVE_SUFFIXES:
                return None
            rel = "static/" + p.relative_to(static).as_posix()
            if not p.is_file() or not (self.output / rel).is_file():
                return None
            paths.append(self.base_path + rel)
        return sorted(paths)

    def build(self, changed: set[Path] | None) -> Outcome:
        """Build (None: everything), never raising: errors become the Outcome."""
        started = time.perf_counter()
        what = describe(changed)
        had_errors = bool(self.errors)
        try:
            if changed is None or (self.config_file and self.config_file in
                                   {abspath(p) for p in changed}):
                self._reload_config()
                changed = None
            live = self.stylesheets(changed)  # before the build: was it there already?
            result = self.builder.build(changed)
        except ManyErrors as exc:
            return self._failed([str(p) for p in exc.problems])
        except TimelineError as exc:
            return self._failed([str(exc)])
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the preview
            log.debug("internal error while building", exc_info=True)  # shown with --verbose
            return self._failed([f"internal error while building: "
                                 f"{type(exc).__name__}: {exc}"])
        ms = (time.perf_counter() - started) * 1000
        self.built_once = True
        self.errors = []
        lines = self._new_warnings(result.warnings)
        pages = sum(1 for p in result.stats.written if p.endswith(".html"))
        others = len(result.stats.written) - pages
        summary = f"{what}: {pages} pages rewritten"
        if others:
            summary += f", {others} other files"
        if result.stats.removed:
            summary += f", {len(result.stats.removed)} removed"
        lines.append(f"{time.strftime('%H:%M:%S')} {summary}, {ms:.0f} ms")
        reload: list[str] = []
        if had_errors:
            reload = [RELOAD_PAGE]
        elif result.stats.written or result.stats.removed:
            reload = live or [RELOAD_PAGE]
        return Outcome(lines, [], reload, result)

    def _failed(self, messages: list[str]) -> Outcome:
        """Keep serving the last good build; show the error everywhere."""
        changed = messages != self.errors
        self.errors = messages
        return Outcome(list(messages), messages, [RELOAD_PAGE] if changed else [])

    def _new_warnings(self, warnings: list[Problem]) -> list[str]:
        """Warnings once, not again on every save."""
        now = [str(w) for w in warnings]
        fresh = [w for w in now if w not in self.warnings]
        self.warnings = now
        return fresh
