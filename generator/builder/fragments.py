"""Per-entry pieces of the whole-site files (a calendar event, a feed entry, a
JSON record) and summaries of lists of entries (a pair's levels and gaps),
kept between the builds of one process.

A piece depends on the entry's file and on the site-wide inputs (registry
names, config, code), so it is keyed on both: ``timeline serve`` then rebuilds
the whole-site feeds and exports by joining pieces instead of re-rendering
10,000 entries. Outside a ``Builder`` (no site digest set) nothing is kept.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Callable

from generator.content.model import Entry

_store: dict[tuple, dict[str, Any]] = {}  # (function, text args) -> entry key -> piece
# (function, text args) -> the entries, their keys, the result
_wholes: dict[tuple, tuple[list[Entry], list[str], Any]] = {}
_keys: tuple[list[Entry] | None, list[str] | None] = (None, None)  # of the last list
_site: str | None = None
_cache_key = attrgetter("cache_key")


def start_build(site: str | None) -> None:
    """Called by the builder with the site digest; a new digest drops everything."""
    global _site, _keys
    if site != _site:
        _store.clear()
        _wholes.clear()
        _site = site
    _keys = (None, None)


def finish_build(entries: list[Entry]) -> None:
    """Forget pieces of entries that are gone, once they are many, so a long
    preview stays small."""
    limit = len(entries) + len(entries) // 10 + 100
    if any(len(pieces) > limit for pieces in _store.values()):
        current = set(_entry_keys(entries) or ())
        for name, pieces in _store.items():
            if len(pieces) > limit:
                _store[name] = {k: v for k, v in pieces.items() if k in current}


def _entry_keys(entries: list[Entry]) -> list[str] | None:
    """Each entry's key, or None when one is not from a file (nothing to key on)."""
    global _keys
    if _keys[0] is not entries:
        keys = list(map(_cache_key, entries))
        _keys = (entries, None if "" in keys else keys)
    return _keys[1]


def _name(fn: Callable[..., Any], args: tuple) -> tuple:
    # Text arguments are part of the key (a caller passes one for any other
    # input the pieces depend on); other arguments (the graph, the config)
    # must be fully described by the site digest.
    return (fn.__qualname__, *[a for a in args if a.__class__ is str])


def each(fn: Callable[..., Any], entries: list[Entry], *args: Any) -> list[Any]:
    """``[fn(e, *args) for e in entries]``, reusing the pieces of earlier builds."""
    keys = _entry_keys(entries) if _site is not None else None
    if keys is None:
        return [fn(e, *args) for e in entries]
    store = _store.setdefault(_name(fn, args), {})
    pieces = list(map(store.get, keys))
    if None in pieces:
        for i in [i for i, piece in enumerate(pieces) if piece is None]:
            pieces[i] = store[keys[i]] = fn(entries[i], *args)
    return pieces


def over(fn: Callable[..., Any], entries: list[Entry], *args: Any) -> Any:
    """``fn(entries, *args)``, reused while ``entries`` are the same files in the
    same order (a pair's summary, kept until one of its engagements changes);
    one result per function and text arguments. ``entries`` must not change
    once given (no list of the site graph does): the very same list is taken
    for the same files without looking."""
    if _site is None:
        return fn(entries, *args)
    name = _name(fn, args)
    kept = _wholes.get(name)
    if kept is not None and kept[0] is entries:
        return kept[2]
    keys = list(map(_cache_key, entries))
    if "" in keys:
        return fn(entries, *args)
    result = kept[2] if kept is not None and kept[1] == keys else fn(entries, *args)
    _wholes[name] = (entries, keys, result)
    return result


def one(fn: Callable[..., Any], entry: Entry, *args: Any) -> Any:
    """``fn(entry, *args)``, reusing the piece of an earlier build."""
    if _site is None or not entry.cache_key:
        return fn(entry, *args)
    store = _store.setdefault(_name(fn, args), {})
    piece = store.get(entry.cache_key)
    if piece is None:
        piece = store[entry.cache_key] = fn(entry, *args)
    return piece
