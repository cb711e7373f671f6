"""Places in the site graph: every venue an entry names gets ``places/<name>/``.

Spellings are one place when ``places.yaml`` (the site's, or the bundled list
of canonical names) makes them so ("Delhi" and "New Delhi" with ``aliases:
[Delhi]``): the page is named after the list's name. Other spellings are one
place when they make the same slug ("New Delhi", "new delhi"), shown by the
most used of them. Where each place is comes from ``Places.location``: the
lists' coordinates or the gazetteer, never a guess.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.builder.relations import entry_countries
from generator.content.countries import Country
from generator.content.model import Entry
from generator.content.places import Places

if TYPE_CHECKING:
    from generator.builder.graph import SiteGraph


def index_places(graph: SiteGraph, places: Places) -> None:
    """Fill ``graph.places`` (slug -> name shown), ``graph.by_place`` (oldest
    first), ``graph.place_locations`` and ``graph.place_coordinates`` (for the
    places some entry names only: the gazetteer is asked for those alone)."""
    graph.place_index = places
    by_place: dict[str, list[Entry]] = {}
    page = places.page
    for entry in graph.entries:
        slug = page(entry.place)
        if slug:
            by_place.setdefault(slug, []).append(entry)
    graph.by_place = dict(sorted(by_place.items()))
    graph.places = {slug: shown_name(places, slug, entries)
                    for slug, entries in graph.by_place.items()}
    graph.place_locations = {slug: places.location(slug) for slug in graph.by_place}
    graph.place_coordinates = {slug: where.coordinates
                               for slug, where in graph.place_locations.items()
                               if where.coordinates}


def shown_name(places: Places, slug: str, entries: list[Entry]) -> str:
    """The list's name of a place, else the spelling most of ``entries`` use
    (ties: the first in code order). Pages name a place from the entries they
    show, so no other entry changes them."""
    canonical = places.name(slug)
    if canonical:
        return canonical
    spellings = Counter(e.place for e in entries if e.place)
    return min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def spellings(places: Places, slug: str, entries: list[Entry]) -> list[str]:
    """How ``entries`` write the place other than by its name shown, most used first."""
    shown = shown_name(places, slug, entries)
    counts = Counter(e.place for e in entries if e.place and e.place != shown)
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def countries_at(graph: SiteGraph, slug: str) -> list[tuple[Country, int]]:
    """Countries whose people took part in engagements at a place, most first."""
    counts: Counter[Country] = Counter(c for e in graph.by_place.get(slug, [])
                                       for c in entry_countries(graph, e))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].name, kv[0].code))


def ranked_places(places: Places, entries: list[Entry]) -> list[tuple[str, str, int]]:
    """(slug, name shown, count) of the places of ``entries``, most often first."""
    by_slug: dict[str, list[Entry]] = {}
    page = places.page
    for entry in entries:
        slug = page(entry.place)
        if slug:
            by_slug.setdefault(slug, []).append(entry)
    return sorted(((s, shown_name(places, s, group), len(group)) for s, group in by_slug.items()),
                  key=lambda t: (-t[2], t[1].casefold(), t[0]))
