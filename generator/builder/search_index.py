"""The search index behind the home page's search and filters (``search.json``).

Compact on purpose: people, forums and kinds are listed once and entries point
at them by number; a date is its ISO form (``~`` in front when approximate).
Entries come in the site's order. ``static/explore.js`` reads it; the format
is described in docs/data.md.
"""

from __future__ import annotations

import hashlib
import json

from generator.builder import fragments
from generator.builder.graph import SiteGraph
from generator.builder.outputs import SEARCH_INDEX, joined
from generator.config import Config
from generator.content.model import KINDS, Entry

INDEX_VERSION = 1


def _record(e: Entry, pi: dict[str, int], fi: dict[str, int], ki: dict[str, int]) -> list:
    return [e.slug, e.title, ("~" if e.date.approximate else "") + e.date.iso(),
            ki[e.kind], [pi[p] for p in e.people], [fi[f] for f in e.forums],
            e.place or "", e.summary or ""]


def build_index(graph: SiteGraph, config: Config, with_entries: bool = True) -> dict:
    people = sorted((p for p in graph.people.values() if p.id in graph.by_person),
                    key=lambda p: (p.name.casefold(), p.id))
    forums = sorted((f for f in graph.forums.values() if f.id in graph.by_forum),
                    key=lambda f: (f.name.casefold(), f.id))
    used = graph.kinds
    kinds = [k for k in KINDS if k in used] + sorted(used - set(KINDS))
    pi = {p.id: i for i, p in enumerate(people)}
    fi = {f.id: i for i, f in enumerate(forums)}
    ki = {k: i for i, k in enumerate(kinds)}
    index: dict = {
        "v": INDEX_VERSION,
        "kinds": kinds,
        "people": [[p.id, p.name, "|".join(p.aliases)] for p in people],
        "forums": [[f.id, f.name, "|".join(f.aliases)] for f in forums],
    }
    if with_entries:
        entries = graph.entries if config.order == "oldest-first" else list(reversed(graph.entries))
        index["entries"] = [_record(e, pi, fi, ki) for e in entries]
    return index


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _record_json(e: Entry, numbering: str, pi: dict[str, int], fi: dict[str, int],
                 ki: dict[str, int]) -> bytes:
    return _dump(_record(e, pi, fi, ki)).encode("utf-8")


def index_files(graph: SiteGraph, config: Config) -> dict[str, bytes]:
    """``json.dumps`` of :func:`build_index`, joined from per-entry records kept
    between builds (keyed also by the numbering of people, forums and kinds)."""
    index = build_index(graph, config, with_entries=False)
    head = _dump(index)[:-1]
    numbering = hashlib.blake2b(head.encode(), digest_size=8).hexdigest()
    pi = {p[0]: i for i, p in enumerate(index["people"])}
    fi = {f[0]: i for i, f in enumerate(index["forums"])}
    ki = {k: i for i, k in enumerate(index["kinds"])}
    records = fragments.each(_record_json, graph.entries, numbering, pi, fi, ki)
    if config.order != "oldest-first":
        records.reverse()
    return {SEARCH_INDEX: joined(f'{head},"entries":['.encode("utf-8"), records, b",", b"]}")}
