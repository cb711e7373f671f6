"""Per-entry output fragments (a calendar event, a feed entry, a JSON record)
kept between builds of one process.

A fragment depends on the entry's file and on the site-wide inputs (registry
names, config, code), so it is keyed on both: ``timeline serve`` then rebuilds
the whole-site feeds and exports by joining strings instead of re-rendering
10,000 entries. Outside a ``Builder`` (no site digest set) nothing is cached.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from generator.content.model import Entry

_store: dict[tuple, Any] = {}
_site: str | None = None


def start_build(site: str | None) -> None:
    """Called by the builder with the site digest; a new digest drops everything."""
    global _site
    if site != _site:
        _store.clear()
        _site = site


def per_entry(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Cache ``fn(entry, *args)`` by entry file and site digest.

    Text arguments are part of the key (a caller passes one for any other
    input the fragment depends on); other arguments (the graph, the config)
    must be fully described by the site digest.
    """
    name = fn.__qualname__

    @functools.wraps(fn)
    def wrapper(entry: Entry, *args: Any) -> Any:
        if _site is None or not entry.digest:
            return fn(entry, *args)
        key = (name, entry.path, entry.digest, entry.slug,
               *[a for a in args if isinstance(a, str)])
        try:
            return _store[key]
        except KeyError:
            value = _store[key] = fn(entry, *args)
            return value

    return wrapper
