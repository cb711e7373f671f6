"""The site graph: who met whom, when, in which forum; computed once per build."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain, groupby
from operator import attrgetter
from typing import Callable

from generator.builder.places import index_places
from generator.builder.relations import index_countries
from generator.content.countries import Country, Relation
from generator.content.loader import Content
from generator.content.model import Entry, Forum, Person
from generator.content.places import Location, Places

RELATED_LIMIT = 6
RELATED_WINDOW = 6  # neighbours looked at in each shared person's or forum's list
# Read in C by ``map`` and ``groupby``.
_year_month = attrgetter("date.year", "date.month")
_people, _forums = attrgetter("people"), attrgetter("forums")


@dataclass
class SiteGraph:
    """Every list of entries here is oldest first and never changed once the
    graph is made: a graph made from this one by ``graph_update`` shares the
    lists no changed entry is in, and caches rely on that."""

    entries: list[Entry]  # oldest first
    people: dict[str, Person]
    forums: dict[str, Forum]
    by_person: dict[str, list[Entry]] = field(default_factory=dict)
    mentions: dict[str, list[Entry]] = field(default_factory=dict)
    by_forum: dict[str, list[Entry]] = field(default_factory=dict)
    by_year: dict[int, list[Entry]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)  # slug -> index in entries
    kinds: set[str] = field(default_factory=set)  # of the entries
    # Every registered and entry-made person and forum, named or not: what
    # templates look names up in (``person(id)``). ``people`` and ``forums``
    # above hold only those some entry names, which get pages.
    all_people: dict[str, Person] = field(default_factory=dict)
    all_forums: dict[str, Forum] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)  # first day of each entry, as an ordinal
    # Countries and pairs of countries that took part in some entry (see ``relations``).
    country_of: dict[str, Country] = field(default_factory=dict)  # person id -> country
    person_countries: dict[str, Country] = field(default_factory=dict)  # as loaded, all
    countries: dict[str, Country] = field(default_factory=dict)  # by code
    by_country: dict[str, list[Entry]] = field(default_factory=dict)
    countries_by_entry: dict[str, list[Country]] = field(default_factory=dict)  # by slug
    side_levels: dict[str, dict[str, int]] = field(default_factory=dict)  # see ``relations``
    relations: dict[str, Relation] = field(default_factory=dict)  # by pair name
    by_pair: dict[str, list[Entry]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # slug -> name shown (see ``places``)
    by_place: dict[str, list[Entry]] = field(default_factory=dict)
    place_coordinates: dict[str, tuple[float, float]] = field(default_factory=dict)  # lat, lon
    place_locations: dict[str, Location] = field(default_factory=dict)  # every place's
    place_spellings: dict[str, list[str]] = field(default_factory=dict)  # other than its name
    place_index: Places = field(default_factory=Places)  # spellings -> place pages

    def _pos(self, entry: Entry) -> int:
        return self.position[entry.slug]

    def previous(self, entry: Entry) -> Entry | None:
        i = self.position[entry.slug]
        return self.entries[i - 1] if i > 0 else None

    def next(self, entry: Entry) -> Entry | None:
        i = self.position[entry.slug]
        return self.entries[i + 1] if i + 1 < len(self.entries) else None

    def counterparts(self, person_id: str) -> list[tuple[Person, int]]:
        """People who took part with ``person_id``, most frequent first."""
        counts = _count(_people, self.by_person.get(person_id, []))
        counts.pop(person_id, None)  # names in an entry are unique: once in each of its own
        return self._ranked(counts, self.people)

    def forums_of(self, person_id: str) -> list[tuple[Forum, int]]:
        return self._ranked(_count(_forums, self.by_person.get(person_id, [])), self.forums)

    def participants(self, forum_id: str) -> list[tuple[Person, int]]:
        return self._ranked(_count(_people, self.by_forum.get(forum_id, [])), self.people)

    def related(self, entry: Entry) -> list[Entry]:
        """Entries near in time that share people or a forum, most shared first.

        Only the nearest neighbours in each shared list are candidates, so the
        cost does not grow with how often a person appears.
        """
        here = self.position[entry.slug]
        candidates: set[int] = set()
        for lists, keys in ((self.by_person, entry.people), (self.by_forum, entry.forums)):
            for key in keys:
                items = lists.get(key, [])
                i = bisect_left(items, here, key=self._pos)
                for e in items[max(0, i - RELATED_WINDOW):i + RELATED_WINDOW + 1]:
                    candidates.add(self.position[e.slug])
        candidates.discard(here)
        people, forums = set(entry.people), set(entry.forums)
        entries, days = self.entries, self.days
        day = days[here]

        def rank(pos: int) -> tuple[int, int, int]:
            # Distance in days, not in list positions: an entry added elsewhere
            # in the timeline must not reorder this entry's related list.
            other = entries[pos]  # names in an entry are unique: sets count right
            score = len(people.intersection(other.people)) + \
                2 * len(forums.intersection(other.forums))
            return (-score, abs(days[pos] - day), pos)

        return [self.entries[pos] for pos in sorted(candidates, key=rank)[:RELATED_LIMIT]]

    @staticmethod
    def _ranked(counts: Counter[str], items: dict) -> list:
        order = sorted(counts.items(), key=lambda kv: (-kv[1], items[kv[0]].name.casefold()))
        return [(items[k], n) for k, n in order]


def build_graph(content: Content) -> SiteGraph:
    entries = sorted(content.entries, key=lambda e: e.sort_key)
    # Like taxonomy terms: only people and forums some entry names get pages,
    # feeds and calendars; a large registry costs nothing until it is used.
    named_people = {p for e in entries for p in (*e.people, *e.mentioned)}
    named_forums = {f for e in entries for f in e.forums}
    graph = SiteGraph(entries, _named(content.people.items, named_people),
                      _named(content.forums.items, named_forums),
                      all_people=content.people.items, all_forums=content.forums.items)
    graph.position = {entry.slug: i for i, entry in enumerate(entries)}
    graph.days = [entry.date.first_day().toordinal() for entry in entries]
    for year, group in groupby(entries, key=lambda e: e.date.year):  # sorted by date
        graph.by_year[year] = list(group)
    by_person, mentions, by_forum = defaultdict(list), defaultdict(list), defaultdict(list)
    kinds = graph.kinds
    for entry in entries:
        kinds.add(entry.kind)
        for pid in entry.people:
            by_person[pid].append(entry)
        for pid in entry.mentioned:
            mentions[pid].append(entry)
        for fid in entry.forums:
            by_forum[fid].append(entry)
    graph.by_person, graph.mentions, graph.by_forum = dict(by_person), dict(mentions), dict(by_forum)
    index_countries(graph, content.countries)
    index_places(graph, content.places)
    return graph


def _named(items: dict, ids: set[str]) -> dict:
    """The registry's items whose id is in ``ids``, in registry order (only
    those are read from a lazy registry)."""
    if len(ids) == len(items):
        return dict(items)
    return {k: items[k] for k in items if k in ids}


def group_by_month(entries: list[Entry]) -> list[tuple[int, list[tuple[int | None, list[Entry]]]]]:
    """[(year, [(month or None, entries)])] in the order given."""
    years: dict[int, dict[int | None, list[Entry]]] = defaultdict(dict)
    for (year, month), run in groupby(entries, key=_year_month):  # runs of one month
        years[year].setdefault(month, []).extend(run)
    return [(year, list(months.items())) for year, months in years.items()]


def _count(names: Callable[[Entry], list[str]], entries: list[Entry]) -> Counter[str]:
    """How often each name of ``names`` (people, forums) occurs in ``entries``, counted in C."""
    return Counter(chain.from_iterable(map(names, entries)))
