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
from operator import attrgetter
from typing import TYPE_CHECKING

from generator.builder.relations import entry_countries
from generator.content.countries import Country
from generator.content.model import Entry
from generator.content.places import Places

if TYPE_CHECKING:
    from generator.builder.graph import SiteGraph

_place = attrgetter("place")


def index_places(graph: SiteGraph, places: Places) -> None:
    """Fill ``graph.places`` (slug -> name shown), ``graph.by_place`` (oldest
    first), ``graph.place_spellings`` (the others entries use),
    ``graph.place_locations`` and ``graph.place_coordinates`` (for the places
    some entry names only: the gazetteer is asked for those alone)."""
    graph.place_index = places
    by_place: dict[str, list[Entry]] = {}
    page = places.page
    for entry in graph.entries:
        slug = page(entry.place)
        if slug:
            by_place.setdefault(slug, []).append(entry)
    graph.by_place = dict(sorted(by_place.items()))
    graph.places, graph.place_spellings = {}, {}
    for slug, entries in graph.by_place.items():
        written = spellings_used(entries)
        graph.places[slug] = places.name(slug) or written[0]
        graph.place_spellings[slug] = [s for s in written if s != graph.places[slug]]
    graph.place_locations = {slug: places.location(slug) for slug in graph.by_place}
    graph.place_coordinates = {slug: where.coordinates
                               for slug, where in graph.place_locations.items()
                               if where.coordinates}


def spellings_used(entries: list[Entry]) -> list[str]:
    """How ``entries`` write their place, most used first (ties: in code order).
    A place without a list's name is shown by the first: pages name a place
    from the entries they show, so no other entry changes them."""
    counts = Counter(e.place for e in entries if e.place)
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def countries_at(graph: SiteGraph, slug: str) -> list[tuple[Country, int]]:
    """Countries whose people took part in engagements at a place, most first."""
    counts: Counter[Country] = Counter(c for e in graph.by_place.get(slug, [])
                                       for c in entry_countries(graph, e))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].name, kv[0].code))


def ranked_places(graph: SiteGraph, entries: list[Entry]) -> list[tuple[str, str, int]]:
    """(slug, name shown, count) of the places of ``entries``, most often first."""
    if entries is graph.entries:  # all of them: as the graph has them
        return sorted(((s, graph.places[s], len(group)) for s, group in graph.by_place.items()),
                      key=lambda t: (-t[2], t[1].casefold(), t[0]))
    places = graph.place_index
    written = Counter(map(_place, entries))  # each spelling once: pages are looked up per spelling
    counts: Counter[str] = Counter()
    for spelling, n in written.items():
        counts[places.page(spelling)] += n
    counts.pop("", None)
    names = {slug: places.name(slug) for slug in counts}
    if None in names.values():  # named by the spellings these entries use
        spellings = {p: n for p, n in written.items()
                     if p and names.get(places.page(p), "") is None}
        for spelling, _ in sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0])):
            if names[places.page(spelling)] is None:
                names[places.page(spelling)] = spelling
    return sorted(((s, names[s], n) for s, n in counts.items()),
                  key=lambda t: (-t[2], t[1].casefold(), t[0]))
