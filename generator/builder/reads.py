"""What a template reads besides its page's context: the site-wide helpers.

A page's fingerprint covers its whole context, so a theme may print any of
it. A helper that looks at more than its arguments (``site_axis()`` draws
every entry) is noted while a page renders; the page is then keyed on what
that helper reads as well, and a rebuild compares that too. A helper missing
here but reading site-wide data would make incremental builds inexact: the
differential test calls every helper from a custom theme.
"""

from __future__ import annotations

from typing import Callable

from generator.builder import charts, worldmap
from generator.builder.graph import SiteGraph

# Helper name -> what its result depends on, as text, for a site graph.
SITE_WIDE: dict[str, Callable[[SiteGraph], str]] = {
    "site_axis": lambda graph: charts.axis_key(graph.entries),
    "site_map": worldmap.map_key,
}


class Reads:
    """The site-wide helpers the page being rendered has called."""

    def __init__(self) -> None:
        self.now: set[str] = set()

    def note(self, name: str) -> None:
        self.now.add(name)

    def take(self) -> list[str]:
        taken, self.now = sorted(self.now), set()
        return taken


class ReadValues:
    """Each helper's current inputs, worked out once per build."""

    def __init__(self, graph: SiteGraph) -> None:
        self.graph = graph
        self._values: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        value = self._values.get(name)
        if value is None:
            known = SITE_WIDE.get(name)
            value = self._values[name] = known(self.graph) if known else f"unknown {name}"
        return value
