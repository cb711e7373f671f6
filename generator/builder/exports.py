"""Open data: ``timeline.json`` (everything, documented in docs/data.md) and
``timeline.csv`` (one row per engagement, for spreadsheets)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.builder import fragments, places, relations, urls
from generator.builder.graph import SiteGraph
from generator.builder.outputs import CSV_EXPORT, JSON_EXPORT, joined
from generator.config import Config
from generator.content.dates import FuzzyDate
from generator.content.countries import Country, Relation
from generator.content.model import Entry, Forum, Person, Source

SCHEMA_VERSION = 1
CSV_COLUMNS = ("date", "precision", "approximate", "start", "end", "title", "kind", "people",
               "person_ids", "mentioned", "forums", "forum_ids", "place", "summary",
               "sources", "url")


def _date(d: FuzzyDate | None) -> str | None:
    return d.iso() if d else None


def _source(s: Source) -> dict[str, Any]:
    return {"outlet": s.outlet, "title": s.title, "url": s.url,
            "published": _date(s.published), "agency": s.agency, "file": s.file}


def _person(p: Person, graph: SiteGraph, config: Config) -> dict[str, Any]:
    country = graph.country_of.get(p.id)
    return {"id": p.id, "name": p.name, "aliases": list(p.aliases), "country": p.country,
            "country_code": country.code if country else None,
            "roles": [{"title": r.title, "from": _date(r.start), "to": _date(r.end)}
                      for r in p.roles],
            "description": p.description, "registered": p.registered,
            "url": config.base_url + urls.person_path(p.id),
            "engagements": len(graph.by_person.get(p.id, []))}


def _forum(f: Forum, graph: SiteGraph, config: Config) -> dict[str, Any]:
    return {"id": f.id, "name": f.name, "aliases": list(f.aliases), "kind": f.kind,
            "members": list(f.members), "description": f.description,
            "registered": f.registered, "url": config.base_url + urls.forum_path(f.id),
            "engagements": len(graph.by_forum.get(f.id, []))}


def _country(c: Country, graph: SiteGraph, config: Config) -> dict[str, Any]:
    entries = graph.by_country[c.code]
    return {"code": c.code, "name": c.name, "url": config.base_url + urls.country_path(c.code),
            "engagements": len(entries), "first": entries[0].date.iso(),
            "last": entries[-1].date.iso(),
            "counterparts": [{"code": o.code, "engagements": n}
                             for o, n in relations.counterpart_countries(graph, c.code)]}


def _relation(r: Relation, graph: SiteGraph, config: Config) -> str:
    """A pair's record, kept between builds until one of its engagements changes."""
    return fragments.over(_relation_json, graph.by_pair[r.id], r.id, r, graph, config)


def _relation_json(entries: list[Entry], _: str, r: Relation, graph: SiteGraph,
                   config: Config) -> str:
    return _dump({"id": r.id, "countries": [r.a.code, r.b.code], "name": r.name,
            "url": config.base_url + urls.relation_path(r.id), "engagements": len(entries),
            "first": entries[0].date.iso(), "last": entries[-1].date.iso(),
            "levels": dict(relations.levels(graph, entries, r)),
            "places": [{"id": slug, "engagements": n}
                       for slug, _, n in places.ranked_places(graph, entries)],
            "gaps": [{"from": before.slug, "to": after.slug, "months": months}
                     for months, before, after in relations.gap_spans(entries)]})


def _place(slug: str, graph: SiteGraph, config: Config) -> dict[str, Any]:
    entries, where = graph.by_place[slug], graph.place_locations[slug]
    lat, lon = where.coordinates or (None, None)
    return {"id": slug, "name": graph.places[slug],
            "spellings": graph.place_spellings[slug],
            "url": config.base_url + urls.place_path(slug), "engagements": len(entries),
            "first": entries[0].date.iso(), "last": entries[-1].date.iso(),
            "lat": lat, "lon": lon, "located_by": where.source, "shared_name": where.shared}


def entry_record(e: Entry, graph: SiteGraph, config: Config) -> dict[str, Any]:
    """Every field of an entry, with people and forums resolved to id and name."""
    return {
        "slug": e.slug, "url": config.base_url + urls.entry_path(e.slug), "title": e.title,
        "date": e.date.iso(), "precision": e.date.precision, "approximate": e.date.approximate,
        "start": e.date.first_day().isoformat(), "end": e.date.last_day().isoformat(),
        "kind": e.kind,
        "people": [{"id": p, "name": graph.people[p].name} for p in e.people],
        "mentioned": [{"id": p, "name": graph.people[p].name} for p in e.mentioned],
        "forums": [{"id": f, "name": graph.forums[f].name} for f in e.forums],
        "place": e.place, "place_id": graph.place_index.page(e.place) or None,
        "summary": e.summary, "sources": [_source(s) for s in e.sources],
        "review": list(e.review), "body": e.body, "extra": e.extra, "file": e.path,
        "countries": [c.code for c in relations.entry_countries(graph, e)],
        "relations": [r.id for r in relations.entry_relations(graph, e)],
    }


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _entry_json(e: Entry, graph: SiteGraph, config: Config) -> bytes:
    return _dump(entry_record(e, graph, config)).encode("utf-8")


def render_json(graph: SiteGraph, config: Config) -> bytes:
    """Compact JSON with one person, forum or entry per line: small, yet diffable."""
    head = {"schema": SCHEMA_VERSION, "title": config.title, "description": config.description,
            "base_url": config.base_url, "language": config.language}
    lists = {
        "people": [_person(p, graph, config) for _, p in sorted(graph.people.items())],
        "forums": [_forum(f, graph, config) for _, f in sorted(graph.forums.items())],
        "countries": [_country(c, graph, config) for c in graph.countries.values()],
        "relations": [_relation(r, graph, config) for r in graph.relations.values()],
        "places": [_place(slug, graph, config) for slug in graph.places],
    }
    out = [_dump(head)[:-1]]
    for key, items in lists.items():
        out.append(f',\n"{key}":[' + ",\n".join(item if item.__class__ is str else _dump(item)
                                                 for item in items) + "]")
    out.append(',\n"entries":[')
    entries = fragments.each(_entry_json, graph.entries, graph, config)
    return joined(("".join(out)).encode("utf-8"), entries, b",\n", b"]}\n")



# A cell starting with one of these is a formula to spreadsheet programs
# (CSV injection); a leading apostrophe makes them show it as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(_cell(cell) for cell in cells)
    return out.getvalue()


def _csv_row(e: Entry, graph: SiteGraph, config: Config) -> bytes:
    return _csv_line([
        e.date.iso(), e.date.precision, "yes" if e.date.approximate else "no",
        e.date.first_day().isoformat(), e.date.last_day().isoformat(), e.title, e.kind,
        "; ".join(graph.people[p].name for p in e.people), " ".join(e.people),
        "; ".join(graph.people[p].name for p in e.mentioned),
        "; ".join(graph.forums[f].name for f in e.forums), " ".join(e.forums),
        e.place or "", e.summary or "",
        " ".join(s.url for s in e.sources if s.url),
        config.base_url + urls.entry_path(e.slug)]).encode("utf-8")


def render_csv(graph: SiteGraph, config: Config) -> bytes:
    """RFC 4180 CSV with a UTF-8 byte order mark, which spreadsheets need to read UTF-8.

    Text that a spreadsheet would run as a formula gets a leading ``'``."""
    head = ("\ufeff" + _csv_line(CSV_COLUMNS)).encode("utf-8")
    return b"".join([head, *fragments.each(_csv_row, graph.entries, graph, config)])


def export_files(graph: SiteGraph, config: Config) -> dict[str, bytes]:
    return {JSON_EXPORT: render_json(graph, config), CSV_EXPORT: render_csv(graph, config)}
