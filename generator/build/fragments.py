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
_used: set[tuple] = set()
_site: str | None = None


def start_build(site: str | None) -> None:
    """Called by the builder with the site digest; a new digest drops everything."""
    global _site
    if site != _site:
        _store.clear()
        _site = site
    _used.clear()


def finish_build() -> None:
    """Forget what this build did not use, so a long preview session stays small."""
    for key in [k for k in _store if k not in _used]:
        del _store[key]
    _used.clear()


def _cached(key: tuple, make: Callable[[], Any]) -> Any:
    _used.add(key)
    try:
        return _store[key]
    except KeyError:
        value = _store[key] = make()
        return value


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
               *[a for a in args if a.__class__ is str])
        _used.add(key)
        value = _store.get(key)
        if value is None:
            value = _store[key] = fn(entry, *args)
        return value

    return wrapper


def per_entry_list(fn: Callable[..., bytes]) -> Callable[..., bytes]:
    """Cache a whole file made from a list of entries (a person's feed, say).

    The key is the text arguments plus the files of the entries in the list;
    the same bytes object comes back, so a caller can tell by identity that a
    file is unchanged without comparing its bytes.
    """
    name = fn.__qualname__

    @functools.wraps(fn)
    def wrapper(*args: Any) -> bytes:
        if _site is None:
            return fn(*args)
        entries = next(a for a in args if isinstance(a, list))
        key = (name, *[a for a in args if isinstance(a, str)],
               "".join([e.digest + e.slug for e in entries]))
        return _cached(key, lambda: fn(*args))

    return wrapper
