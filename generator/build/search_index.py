"""The search index behind the home page's search and filters (``search.json``).

Compact on purpose: people, forums and kinds are listed once and entries point
at them by number; a date is its ISO form (``~`` in front when approximate).
Entries come in the site's order. ``static/explore.js`` reads it; the format
is described in docs/data.md.
"""

from __future__ import annotations

import json

from generator.build.graph import SiteGraph
from generator.build.outputs import SEARCH_INDEX
from generator.config import Config
from generator.content.model import KINDS, Entry

INDEX_VERSION = 1


def _record(e: Entry, pi: dict[str, int], fi: dict[str, int], ki: dict[str, int]) -> list:
    return [e.slug, e.title, ("~" if e.date.approximate else "") + e.date.iso(),
            ki[e.kind], [pi[p] for p in e.people], [fi[f] for f in e.forums],
            e.place or "", e.summary or ""]


def build_index(graph: SiteGraph, config: Config) -> dict:
    people = sorted((p for p in graph.people.values() if p.id in graph.by_person),
                    key=lambda p: (p.name.casefold(), p.id))
    forums = sorted((f for f in graph.forums.values() if f.id in graph.by_forum),
                    key=lambda f: (f.name.casefold(), f.id))
    used = {e.kind for e in graph.entries}
    kinds = [k for k in KINDS if k in used] + sorted(used - set(KINDS))
    pi = {p.id: i for i, p in enumerate(people)}
    fi = {f.id: i for i, f in enumerate(forums)}
    ki = {k: i for i, k in enumerate(kinds)}
    entries = graph.entries if config.order == "oldest-first" else list(reversed(graph.entries))
    return {
        "v": INDEX_VERSION,
        "kinds": kinds,
        "people": [[p.id, p.name, "|".join(p.aliases)] for p in people],
        "forums": [[f.id, f.name, "|".join(f.aliases)] for f in forums],
        "entries": [_record(e, pi, fi, ki) for e in entries],
    }


def index_files(graph: SiteGraph, config: Config) -> dict[str, bytes]:
    data = json.dumps(build_index(graph, config), ensure_ascii=False, separators=(",", ":"))
    return {SEARCH_INDEX: data.encode("utf-8")}
