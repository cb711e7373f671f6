"""Per-entry pieces of the whole-site files (a calendar event, a feed entry, a
JSON record), kept between the builds of one process.

A piece depends on the entry's file and on the site-wide inputs (registry
names, config, code), so it is keyed on both: ``timeline serve`` then rebuilds
the whole-site feeds and exports by joining strings instead of re-rendering
10,000 entries. Outside a ``Builder`` (no site digest set) nothing is kept.
"""

from __future__ import annotations

from typing import Any, Callable

from generator.content.model import Entry

_last: dict[tuple, dict[tuple, Any]] = {}  # (function, text args) -> entry key -> piece
_now: dict[tuple, dict[tuple, Any]] = {}  # the same, for the build running
_keys: tuple[list[Entry] | None, list[tuple] | None] = (None, None)  # of the last list
_site: str | None = None


def start_build(site: str | None) -> None:
    """Called by the builder with the site digest; a new digest drops everything."""
    global _site, _keys
    if site != _site:
        _last.clear()
        _site = site
    _now.clear()
    _keys = (None, None)


def finish_build() -> None:
    """Keep what this build made, and only that, so a long preview stays small."""
    _last.clear()
    _last.update(_now)
    _now.clear()


def _entry_keys(entries: list[Entry]) -> list[tuple] | None:
    """Each entry's key, or None when one is not from a file (nothing to key on)."""
    global _keys
    if _keys[0] is not entries:
        keys = [(e.path, e.digest, e.slug) for e in entries]
        _keys = (entries, keys if all(k[1] for k in keys) else None)
    return _keys[1]


def each(fn: Callable[..., Any], entries: list[Entry], *args: Any) -> list[Any]:
    """``[fn(e, *args) for e in entries]``, reusing the last build's pieces.

    Text arguments are part of the key (a caller passes one for any other
    input the pieces depend on); other arguments (the graph, the config)
    must be fully described by the site digest.
    """
    keys = _entry_keys(entries) if _site is not None else None
    if keys is None:
        return [fn(e, *args) for e in entries]
    name = (fn.__qualname__, *[a for a in args if a.__class__ is str])
    old = _last.get(name, {})
    pieces = [old.get(k) for k in keys]
    for i in [i for i, piece in enumerate(pieces) if piece is None]:
        pieces[i] = fn(entries[i], *args)
    _now.setdefault(name, {}).update(zip(keys, pieces))
    return pieces
