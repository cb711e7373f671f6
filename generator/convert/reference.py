"""What the converter knows of the world before it reads a page.

Bundled with the package (``data/``): world leaders, foreign and defence
ministers and prominent officials with their dated offices
(``people_a.yaml``, ``people_b.yaml``), the forums diplomacy reporting
names (``forums.yaml``) and news outlets with their web addresses
(``outlets.yaml``), in the same formats as a site's own registries. A site's
registry always wins: a reference item is dropped when any of its names
belongs to an item of the site's own file, so editing ``people.yaml`` is how
a user corrects the reference.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Callable

from generator.content.registry import Registry, load_forums, load_people, name_key
from generator.convert.outlets import load_outlets

DATA = Path(__file__).with_name("data")


@functools.lru_cache(maxsize=None)
def _load(name: str, loader: Callable[[Path], Registry]) -> Registry:
    path = DATA / name
    return loader(path) if path.exists() else Registry({}, name)


def reference_people() -> Registry:
    merged = Registry({})
    for name in ("people_a.yaml", "people_b.yaml"):
        merged = combine(merged, _load(name, load_people))
    return merged


def reference_forums() -> Registry:
    return _load("forums.yaml", load_forums)


def reference_outlets() -> Registry:
    return _load("outlets.yaml", load_outlets)


def combine(own: Registry, reference: Registry) -> Registry:
    """``own`` with every reference item that does not clash with it."""
    taken = {name_key(n) for item in own for n in (item.id, item.name, *item.aliases)}
    items = dict(own.items)
    for item in reference:
        names = {name_key(n) for n in (item.name, *item.aliases)}
        if item.id in items or names & taken:
            continue
        items[item.id] = item
        taken |= names
    return Registry(items, own.path)


def combine_outlets(own: Registry, reference: Registry) -> Registry:
    """``combine``, where a site's outlet listed without addresses takes those of the reference
    item it replaces: registering "TASS" keeps tass.com recognised as TASS."""
    claimed = {d for item in own for d in item.domains}
    by_name = {name_key(n): item for item in reference for n in (item.name, *item.aliases)}
    items = dict(own.items)
    for item_id, item in own.items.items():
        ref = next((by_name[k] for n in (item.name, *item.aliases) if (k := name_key(n)) in by_name),
                   None)
        if ref is not None and not item.domains:
            domains = [d for d in ref.domains if d not in claimed]
            items[item_id] = dataclasses.replace(item, domains=domains)
            claimed |= set(domains)
    return combine(Registry(items, own.path), reference)
