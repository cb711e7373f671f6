"""Which pages a few changed entries can touch, for a builder kept alive.

Planning every page of a 10,000-entry site costs more than the whole budget
of a live preview, so a rebuild after a small change plans only the pages
that may show one of the changed entries: the entries themselves, their
neighbours in time, the entries whose "related" windows reach them (see
``SiteGraph.related``), and their people's, forums', years', countries',
relations' and places' pages; the
home page and the indexes are always planned. Anything larger or any
site-wide change (registries, templates, config, the set of years) returns
None: plan everything.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from generator.builder.graph import RELATED_WINDOW, SiteGraph
from generator.builder.graph_update import changed_entries
from generator.builder.relations import entry_countries, entry_relations
from generator.content.model import Entry

MAX_CHANGED = 50
GROUPS = ("entries", "people", "forums", "years", "countries", "relations", "places")


@dataclass
class Selection:
    entries: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    forums: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)

    def prefixes(self) -> tuple[str, ...]:
        """``entries/<slug>/``, ``people/<id>/``...: what the files of the selection start with."""
        return tuple(f"{group}/{key}/" for group in GROUPS for key in sorted(getattr(self, group)))


def _around(graph: SiteGraph, entry: Entry, sel: Selection) -> None:
    here = graph.position[entry.slug]
    for j in range(max(0, here - 1), min(len(graph.entries), here + 2)):
        sel.entries.add(graph.entries[j].slug)
    reach = RELATED_WINDOW + 1
    for lists, keys in ((graph.by_person, entry.people), (graph.by_forum, entry.forums)):
        for key in keys:
            items = lists.get(key, [])
            i = bisect_left(items, here, key=lambda e: graph.position[e.slug])
            sel.entries.update(e.slug for e in items[max(0, i - reach):i + reach + 1])
    sel.people.update(entry.people)
    sel.people.update(entry.mentioned)
    sel.forums.update(entry.forums)
    sel.years.add(str(entry.date.year))
    sel.countries.update(c.code for c in entry_countries(graph, entry))
    sel.relations.update(r.id for r in entry_relations(graph, entry))
    if graph.place_index.page(entry.place):
        sel.places.add(graph.place_index.page(entry.place))


def affected(old: SiteGraph, new: SiteGraph) -> Selection | None:
    if set(old.by_year) != set(new.by_year):
        return None
    gone, came = changed_entries(old.entries, new.entries)
    if len(gone) + len(came) > 2 * MAX_CHANGED:  # new objects (a full load): compare files
        gone, came = old.entries, new.entries
    before = {e.path: e for e in gone}
    after = {e.path: e for e in came}
    changed = [p for p in before.keys() | after.keys()
               if p not in before or p not in after or before[p].digest != after[p].digest]
    if len(changed) > MAX_CHANGED:
        return None
    sel = Selection()
    for path in sorted(changed):
        if path in before:
            _around(old, before[path], sel)
        if path in after:
            _around(new, after[path], sel)
    return sel
