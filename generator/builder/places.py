"""Places in the site graph: every venue an entry names gets ``places/<name>/``.

A place's page name is its name as a slug; spellings that make the same slug
("New Delhi", "new delhi") are one place, shown by its most used spelling.
Coordinates come from ``places.yaml`` by the same slug of any name or alias.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import TYPE_CHECKING

from generator.builder.relations import entry_countries
from generator.content.countries import Country
from generator.content.model import Entry
from generator.content.places import Coordinates
from generator.content.slugs import slugify

if TYPE_CHECKING:
    from generator.builder.graph import SiteGraph


@functools.lru_cache(maxsize=65536)
def place_slug(name: str | None) -> str:
    """The page name of a place as an entry writes it; "" for none."""
    return slugify(name) if name else ""


def index_places(graph: SiteGraph, coordinates: dict[str, Coordinates]) -> None:
    """Fill ``graph.places`` (slug -> name shown), ``graph.by_place`` (oldest
    first) and ``graph.place_coordinates`` (what ``places.yaml`` gives, by slug)."""
    by_place: dict[str, list[Entry]] = {}
    for entry in graph.entries:
        slug = place_slug(entry.place)
        if slug:
            by_place.setdefault(slug, []).append(entry)
    graph.by_place = dict(sorted(by_place.items()))
    graph.places = {slug: shown_name(entries) for slug, entries in graph.by_place.items()}
    graph.place_coordinates = {s: coordinates[s] for s in graph.by_place if s in coordinates}


def shown_name(entries: list[Entry]) -> str:
    """The spelling of a place most of ``entries`` use (ties: the first in code order).
    Pages name a place from the entries they show, so no other entry changes them."""
    spellings = Counter(e.place for e in entries if e.place)
    return min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def countries_at(graph: SiteGraph, slug: str) -> list[tuple[Country, int]]:
    """Countries whose people took part in engagements at a place, most first."""
    counts: Counter[Country] = Counter(c for e in graph.by_place.get(slug, [])
                                       for c in entry_countries(graph, e))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].name, kv[0].code))


def ranked_places(entries: list[Entry]) -> list[tuple[str, str, int]]:
    """(slug, name shown, count) of the places of ``entries``, most often first."""
    by_slug: dict[str, list[Entry]] = {}
    for entry in entries:
        slug = place_slug(entry.place)
        if slug:
            by_slug.setdefault(slug, []).append(entry)
    return sorted(((s, shown_name(group), len(group)) for s, group in by_slug.items()),
                  key=lambda t: (-t[2], t[1].casefold(), t[0]))
