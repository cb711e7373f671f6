"""Countries and bilateral relations in the site graph.

An entry's countries are those of its participants (``people``, not
``mentioned``) whose registry ``country`` is known; every two of them are a
pair that met. Country and relation pages, their feeds and ``timeline.json``
read what is indexed here.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import chain, combinations
from operator import attrgetter
from typing import TYPE_CHECKING

from generator.builder import fragments
from generator.content.countries import Country, Relation, pair_name
from generator.content.dates import MONTH_NAMES
from generator.content.model import Entry, Person

if TYPE_CHECKING:
    from generator.builder.graph import SiteGraph

LEVELS = ("leaders", "ministers", "officials")  # highest first
GAP_MONTHS = 6  # whole months without an engagement that make a gap worth saying
# An engagement of more countries than this (a general assembly) makes no pairs:
# its countries were in one room, not in talks with each other; 20 make 190 pairs.
MAX_PAIRED = 20
_LEADER = re.compile(r"^(president|prime minister|chancellor|king|queen|emir|amir|sultan|"
                     r"premier|head of (state|government)|crown prince|taoiseach)\b")
_MINISTER = re.compile(r"\bminister\b|^secretary of\b|^vice president\b|"
                       r"^(foreign|defen[cs]e|home|state) secretary\b|\bsecretary of state\b")
_DEPUTY = re.compile(r"\b(vice|deputy|former|acting)\b")
_forums = attrgetter("forums")


def _month(year: int, month: int | None) -> str:
    return f"{MONTH_NAMES[month]} {year}" if month else str(year)


def index_countries(graph: SiteGraph, of_person: dict[str, Country]) -> None:
    """Fill the graph's countries, relations and their entry lists (oldest first)."""
    graph.person_countries = of_person
    graph.country_of = {pid: c for pid, c in of_person.items() if pid in graph.people}
    by_country: dict[str, list[Entry]] = {}
    by_pair: dict[str, list[Entry]] = {}
    for entry in graph.entries:
        here = graph.countries_by_entry[entry.slug] = of_entry(graph, entry)
        for country in here:
            graph.countries.setdefault(country.code, country)
            by_country.setdefault(country.code, []).append(entry)
        for a, b in country_pairs(here):
            key = f"{a.code}-{b.code}"  # ``here`` is sorted by code: ``pair_name``
            if key not in by_pair:
                graph.relations[key], by_pair[key] = Relation(a, b), []
            by_pair[key].append(entry)
    graph.countries = dict(sorted(graph.countries.items()))
    graph.relations = dict(sorted(graph.relations.items()))
    graph.by_country, graph.by_pair = by_country, by_pair


def entry_countries(graph: SiteGraph, entry: Entry) -> list[Country]:
    """The countries of an entry's participants, by code."""
    known = graph.countries_by_entry.get(entry.slug)
    return known if known is not None else _countries(graph, entry)


def of_entry(graph: SiteGraph, entry: Entry) -> list[Country]:
    """What ``entry_countries`` gives once the graph is indexed, kept between builds."""
    return fragments.one(_of_entry, entry, graph)


def _of_entry(entry: Entry, graph: SiteGraph) -> list[Country]:
    return _countries(graph, entry)


def country_pairs(here: list[Country]) -> list[tuple[Country, Country]]:
    """The pairs that an entry's countries (by code) make: none past ``MAX_PAIRED``."""
    return list(combinations(here, 2)) if len(here) <= MAX_PAIRED else []


def _countries(graph: SiteGraph, entry: Entry) -> list[Country]:
    found = {graph.country_of[p].code: graph.country_of[p] for p in entry.people
             if p in graph.country_of}
    return [found[code] for code in sorted(found)]


def entry_relations(graph: SiteGraph, entry: Entry) -> list[Relation]:
    """The pairs an entry's countries make (none past ``MAX_PAIRED`` countries)."""
    return [Relation(a, b) for a, b in country_pairs(entry_countries(graph, entry))]


def counterpart_countries(graph: SiteGraph, code: str) -> list[tuple[Country, int]]:
    """Countries that met ``code`` (its pairs), most engagements first."""
    met = [(r.b if r.a.code == code else r.a, len(graph.by_pair[key]))
           for key, r in graph.relations.items() if code in (r.a.code, r.b.code)]
    return sorted(met, key=lambda cn: (-cn[1], cn[0].name, cn[0].code))


def country_people(graph: SiteGraph, code: str) -> list[tuple[Person, int]]:
    """The country's people who took part in engagements, most engagements first."""
    ranked = [(graph.people[pid], len(graph.by_person[pid]))
              for pid, country in graph.country_of.items()
              if country.code == code and pid in graph.by_person]
    return sorted(ranked, key=lambda pn: (-pn[1], pn[0].name.casefold(), pn[0].id))


def ranked_forums(graph: SiteGraph, entries: list[Entry]) -> list[tuple]:
    counts: Counter[str] = Counter(chain.from_iterable(map(_forums, entries)))
    order = sorted(counts.items(), key=lambda kv: (-kv[1], graph.forums[kv[0]].name.casefold(),
                                                   kv[0]))
    return [(graph.forums[k], n) for k, n in order]


@functools.lru_cache(maxsize=4096)
def role_level(title: str) -> int | None:
    """0 leaders, 1 ministers, 2 officials: what a role title says."""
    words = title.casefold().strip()
    deputy = _DEPUTY.search(words)
    if _LEADER.search(words) and not deputy:
        return 0
    if _MINISTER.search(words) or (deputy and _LEADER.search(_DEPUTY.sub("", words).strip())):
        return 1
    return 2


def _side_levels(graph: SiteGraph, entry: Entry) -> dict[str, int]:
    """Country code -> the highest level among that side's participants whose
    roles say it; worked out once per entry and graph."""
    known = graph.side_levels.get(entry.slug)
    if known is None:  # the same for every graph of one site digest: kept between builds
        known = graph.side_levels[entry.slug] = fragments.one(_levels_of, entry, graph)
    return known


def _levels_of(entry: Entry, graph: SiteGraph) -> dict[str, int]:
    known: dict[str, int] = {}
    for pid in entry.people:
        country = graph.country_of.get(pid)
        if country is None:
            continue
        found = [role_level(r.title) for r in graph.people[pid].roles if r.held_on(entry.date)]
        if found:
            known[country.code] = min(min(found), known.get(country.code, 2))
    return known


def engagement_level(graph: SiteGraph, entry: Entry, relation: Relation) -> str | None:
    """The level of a pair's engagement: the lower of the two sides' highest
    levels (a leader receiving a minister is a ministers' meeting); None when
    either side's roles do not say."""
    sides = _side_levels(graph, entry)
    if relation.a.code not in sides or relation.b.code not in sides:
        return None
    return LEVELS[max(sides[relation.a.code], sides[relation.b.code])]


def levels(graph: SiteGraph, entries: list[Entry], relation: Relation) -> list[tuple[str, int]]:
    """(level, count) in ``LEVELS`` order, then "unknown", leaving out zeros."""
    counts = Counter(engagement_level(graph, e, relation) or "unknown" for e in entries)
    return [(name, counts[name]) for name in (*LEVELS, "unknown") if counts[name]]


def gap_spans(entries: list[Entry], months: int = GAP_MONTHS) -> list[tuple[int, Entry, Entry]]:
    """Stretches of at least ``months`` whole calendar months with no
    engagement, oldest first: (months, the engagement before, the one after)."""
    found = []
    for before, after in zip(entries, entries[1:]):
        end, start = before.date.last_day(), after.date.first_day()
        between = (start.year * 12 + start.month) - (end.year * 12 + end.month) - 1
        if between >= months:
            found.append((between, before, after))
    return found


def gaps(entries: list[Entry], months: int = GAP_MONTHS) -> list[tuple[str, Entry, Entry]]:
    """The gaps as the relation page says them: (text, before, after)."""
    said = []
    for between, before, after in gap_spans(entries, months):
        a, b = before.date, after.date
        said.append((f"No engagement between {_month(a.year, a.month)} and "
                     f"{_month(b.year, b.month)} ({between} months)", before, after))
    return said


__all__ = ["pair_name", "index_countries", "entry_countries", "entry_relations",
           "counterpart_countries", "country_people", "ranked_forums", "levels",
           "engagement_level", "gaps", "gap_spans", "role_level", "LEVELS"]
