"""Places in the site graph: every venue an entry names gets ``places/<name>/``.

A place's page name is its name as a slug; spellings that make the same slug
("New Delhi", "new delhi") are one place, shown by its most used spelling.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.builder.relations import entry_countries
from generator.content.countries import Country
from generator.content.model import Entry
from generator.content.slugs import slugify

if TYPE_CHECKING:
    from generator.builder.graph import SiteGraph


def place_slug(name: str | None) -> str:
    """The page name of a place as an entry writes it; "" for none."""
    return slugify(name) if name else ""


def index_places(graph: SiteGraph) -> None:
    """Fill ``graph.places`` (slug -> name shown) and ``graph.by_place`` (oldest first)."""
    by_place: dict[str, list[Entry]] = {}
    spellings: dict[str, Counter[str]] = {}
    for entry in graph.entries:
        slug = place_slug(entry.place)
        if slug:
            by_place.setdefault(slug, []).append(entry)
            spellings.setdefault(slug, Counter())[entry.place or ""] += 1
    graph.by_place = dict(sorted(by_place.items()))
    graph.places = {slug: min(spellings[slug].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                    for slug in graph.by_place}


def countries_at(graph: SiteGraph, slug: str) -> list[tuple[Country, int]]:
    """Countries whose people took part in engagements at a place, most first."""
    counts: Counter[Country] = Counter(c for e in graph.by_place.get(slug, [])
                                       for c in entry_countries(graph, e))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].name, kv[0].code))


def ranked_places(graph: SiteGraph, entries: list[Entry]) -> list[tuple[str, str, int]]:
    """(slug, name shown, count) of the places of ``entries``, most often first."""
    counts: Counter[str] = Counter(s for e in entries if (s := place_slug(e.place)))
    return sorted(((s, graph.places[s], n) for s, n in counts.items()),
                  key=lambda t: (-t[2], t[1].casefold(), t[0]))
