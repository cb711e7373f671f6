"""The site graph after a few entries changed, made from the last build's.

``timeline serve`` rebuilds after every save, and indexing 10,000 entries
again costs more than the rest of such a build. ``update_graph`` takes the
last graph and replaces the changed entries in the lists that hold them;
every other list is the same object as before, so what later steps worked
out from a list can be kept while it is (see ``fingerprint.ContextDigests``).

It gives up (None: build the graph anew) when its result might differ from
``build_graph``'s: other registries or places, many changed entries, or a
person, forum, year, country, pair or place that comes or goes.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, insort
from itertools import compress
from operator import attrgetter, not_
from typing import Callable, Hashable, Iterable

from generator.builder.graph import SiteGraph
from generator.builder.places import spellings_used
from generator.builder.relations import country_pairs, of_entry
from generator.content.countries import Country
from generator.content.loader import Content
from generator.content.model import Entry

MAX_CHANGED = 50
_sort_key = attrgetter("sort_key")
Keys = Callable[[Entry], Iterable[Hashable]]


def changed_entries(old: list[Entry], new: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The entries of each list that are not in the other, by identity: a
    builder kept alive reuses the objects of unchanged entries."""
    return _not_in(old, set(map(id, new))), _not_in(new, set(map(id, old)))


def _not_in(entries: list[Entry], ids: set[int]) -> list[Entry]:
    """The entries whose id is not in ``ids``, in order (in C: cheap at 10,000)."""
    return list(compress(entries, map(not_, map(ids.__contains__, map(id, entries)))))


def update_graph(old: SiteGraph, content: Content) -> SiteGraph | None:
    """``build_graph(content)``, made from ``old`` when few entries changed; None otherwise."""
    if not _same_sources(old, content):
        return None
    gone, came = changed_entries(old.entries, content.entries)
    if len(gone) > MAX_CHANGED or len(came) > MAX_CHANGED:
        return None
    lists = _Lists(gone, came)
    changes = {"by_year": lists.update(old.by_year, lambda e: (e.date.year,), ordered=False),
               "by_person": lists.update(old.by_person, attrgetter("people")),
               "mentions": lists.update(old.mentions, attrgetter("mentioned")),
               "by_forum": lists.update(old.by_forum, attrgetter("forums"))}
    if None in changes.values():
        return None
    # The same people are named, so the same countries known: ``old`` can tell those of ``came``.
    countries = {id(e): of_entry(old, e) for e in came}
    codes = {key: [c.code for c in here] for key, here in countries.items()}
    was = old.countries_by_entry
    changes["by_country"] = lists.update(old.by_country, lambda e: codes[id(e)],
                                         lambda e: [c.code for c in was[e.slug]])
    changes["by_pair"] = lists.update(old.by_pair, lambda e: _pairs(countries[id(e)]),
                                      lambda e: _pairs(was[e.slug]))
    changes["by_place"] = lists.update(old.by_place, lambda e: _place(old, e), ordered=False)
    if None in changes.values():
        return None
    graph = dataclasses.replace(old, entries=_replaced(old.entries, gone, came), side_levels={},
                                **changes)
    _place_names(graph, {slug for e in (*gone, *came) for slug in _place(old, e)})
    _positions(graph, old, gone, came)
    graph.countries_by_entry = _countries_by_entry(graph, old, came, countries)
    kinds = {e.kind for e in came}
    if not kinds <= old.kinds or any(e.kind not in kinds for e in gone):
        graph.kinds = {e.kind for e in graph.entries}
    return graph


def _same_sources(old: SiteGraph, content: Content) -> bool:
    """Whether ``old`` was made from the same registries, countries and places."""
    return (old.all_people is content.people.items and old.all_forums is content.forums.items
            and old.person_countries is content.countries and old.place_index is content.places)


def _replaced(entries: list[Entry], gone: list[Entry], came: list[Entry]) -> list[Entry]:
    """``entries`` without ``gone`` and with ``came``, in order: a new list."""
    out = _not_in(entries, set(map(id, gone))) if gone else list(entries)
    for entry in came:
        insort(out, entry, key=_sort_key)
    return out


def _pairs(here: list[Country]) -> list[str]:
    return [f"{a.code}-{b.code}" for a, b in country_pairs(here)]


def _place(graph: SiteGraph, entry: Entry) -> list[str]:
    slug = graph.place_index.page(entry.place)
    return [slug] if slug else []


class _Lists:
    """Updates the graph's groups of entries (person id -> entries...) for the
    entries that went and came."""

    def __init__(self, gone: list[Entry], came: list[Entry]) -> None:
        self.gone, self.came = gone, came
        self.gone_ids = set(map(id, gone))

    def update(self, groups: dict, keys: Keys, old_keys: Keys | None = None,
               ordered: bool = True) -> dict | None:
        """A copy of ``groups`` with the changed entries moved (``old_keys``
        gives an entry's keys in the old graph, when not ``keys``); None when
        a key would come or go. Keys ``ordered`` by first appearance (in the
        entries' order, then in each entry's own list) are ordered again when
        a first entry changed."""
        old_keys = old_keys or keys
        came = {id(e): list(keys(e)) for e in self.came}
        touched = {k for e in self.gone for k in old_keys(e)}.union(*came.values())
        out = dict(groups)
        first_changed = False
        for key in touched:
            before = groups.get(key)
            if before is None:
                return None
            after = [e for e in before if id(e) not in self.gone_ids]
            for entry in self.came:
                if key in came[id(entry)]:
                    insort(after, entry, key=_sort_key)
            if not after:
                return None
            first_changed = first_changed or after[0] is not before[0]
            out[key] = after
        if ordered and first_changed:
            def appearance(item: tuple) -> tuple:
                key, first = item[0], item[1][0]
                own = came[id(first)] if id(first) in came else list(old_keys(first))
                return first.sort_key, own.index(key)
            out = dict(sorted(out.items(), key=appearance))
        return out


def _place_names(graph: SiteGraph, slugs: set[str]) -> None:
    """Names and other spellings of the places whose entries changed."""
    if not slugs:
        return
    graph.places, graph.place_spellings = dict(graph.places), dict(graph.place_spellings)
    for slug in slugs:
        written = spellings_used(graph.by_place[slug])
        graph.places[slug] = graph.place_index.name(slug) or written[0]
        graph.place_spellings[slug] = [s for s in written if s != graph.places[slug]]


def _positions(graph: SiteGraph, old: SiteGraph, gone: list[Entry], came: list[Entry]) -> None:
    """Each entry's index and first day; kept as they were when every changed
    entry took the place of one of the same slug."""
    entries = graph.entries
    where = {e.slug: bisect_left(entries, e.sort_key, key=_sort_key) for e in came}
    if len(entries) == len(old.entries) and {e.slug for e in gone} == where.keys() and \
            all(old.position[slug] == i for slug, i in where.items()):
        graph.days = list(old.days)
        for entry in came:
            graph.days[where[entry.slug]] = entry.date.first_day().toordinal()
        return
    graph.position = {entry.slug: i for i, entry in enumerate(entries)}
    graph.days = [entry.date.first_day().toordinal() for entry in entries]


def _countries_by_entry(graph: SiteGraph, old: SiteGraph, came: list[Entry],
                        countries: dict[int, list[Country]]) -> dict[str, list[Country]]:
    """Slug -> countries, in the order of the entries, as ``index_countries`` makes it."""
    new = {e.slug: countries[id(e)] for e in came}
    if graph.position is old.position:  # the same slugs in the same places
        return {**old.countries_by_entry, **new}
    before = old.countries_by_entry
    return {e.slug: new[e.slug] if e.slug in new else before[e.slug] for e in graph.entries}
