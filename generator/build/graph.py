"""The site graph: who met whom, when, in which forum; computed once per build."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.content.loader import Content
from generator.content.model import Entry, Forum, Person

RELATED_LIMIT = 6


@dataclass
class SiteGraph:
    entries: list[Entry]  # oldest first
    people: dict[str, Person]
    forums: dict[str, Forum]
    by_person: dict[str, list[Entry]] = field(default_factory=dict)
    mentions: dict[str, list[Entry]] = field(default_factory=dict)
    by_forum: dict[str, list[Entry]] = field(default_factory=dict)
    by_year: dict[int, list[Entry]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)  # slug -> index in entries

    def previous(self, entry: Entry) -> Entry | None:
        i = self.position[entry.slug]
        return self.entries[i - 1] if i > 0 else None

    def next(self, entry: Entry) -> Entry | None:
        i = self.position[entry.slug]
        return self.entries[i + 1] if i + 1 < len(self.entries) else None

    def counterparts(self, person_id: str) -> list[tuple[Person, int]]:
        """People who took part with ``person_id``, most frequent first."""
        counts: Counter[str] = Counter()
        for entry in self.by_person.get(person_id, []):
            counts.update(p for p in entry.people if p != person_id)
        return self._ranked(counts, self.people)

    def forums_of(self, person_id: str) -> list[tuple[Forum, int]]:
        counts: Counter[str] = Counter()
        for entry in self.by_person.get(person_id, []):
            counts.update(entry.forums)
        return self._ranked(counts, self.forums)

    def participants(self, forum_id: str) -> list[tuple[Person, int]]:
        counts: Counter[str] = Counter()
        for entry in self.by_forum.get(forum_id, []):
            counts.update(entry.people)
        return self._ranked(counts, self.people)

    def related(self, entry: Entry) -> list[Entry]:
        """Entries sharing people or a forum: most shared first, then nearest in time."""
        score: Counter[str] = Counter()
        for pid in entry.people:
            score.update(e.slug for e in self.by_person.get(pid, []))
        for fid in entry.forums:
            score.update({e.slug: 2 for e in self.by_forum.get(fid, [])})
        score.pop(entry.slug, None)
        here = self.position[entry.slug]
        ranked = sorted(score, key=lambda s: (-score[s], abs(self.position[s] - here),
                                              self.position[s]))
        return [self.entries[self.position[s]] for s in ranked[:RELATED_LIMIT]]

    @staticmethod
    def _ranked(counts: Counter[str], items: dict) -> list:
        order = sorted(counts.items(), key=lambda kv: (-kv[1], items[kv[0]].name.casefold()))
        return [(items[k], n) for k, n in order]


def build_graph(content: Content) -> SiteGraph:
    entries = sorted(content.entries, key=lambda e: e.sort_key)
    graph = SiteGraph(entries, dict(content.people.items), dict(content.forums.items))
    for i, entry in enumerate(entries):
        graph.position[entry.slug] = i
        graph.by_year.setdefault(entry.date.year, []).append(entry)
        for pid in entry.people:
            graph.by_person.setdefault(pid, []).append(entry)
        for pid in entry.mentioned:
            graph.mentions.setdefault(pid, []).append(entry)
        for fid in entry.forums:
            graph.by_forum.setdefault(fid, []).append(entry)
    return graph


def group_by_month(entries: list[Entry]) -> list[tuple[int, list[tuple[int | None, list[Entry]]]]]:
    """[(year, [(month or None, entries)])] in the order given."""
    years: dict[int, dict[int | None, list[Entry]]] = defaultdict(dict)
    for entry in entries:
        years[entry.date.year].setdefault(entry.date.month, []).append(entry)
    return [(year, list(months.items())) for year, months in years.items()]
