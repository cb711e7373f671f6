"""The page plan: every page of the site, its template, context and inputs.

Each page lists what it depends on (``entry:<slug>``, ``person:<id>``,
``forum:<id>``, ``year:<y>``, ``entries`` for pages that list them all), so a
rebuild can tell which pages a change touches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from generator.build import urls
from generator.build.graph import SiteGraph, group_by_month
from generator.config import Config
from generator.content.model import Entry


@dataclass
class Page:
    path: str  # site path: "entries/x/" or "404.html"
    template: str
    context: dict[str, Any]
    deps: frozenset[str] = field(default_factory=frozenset)


def _ordered(entries: list[Entry], config: Config) -> list[Entry]:
    return list(reversed(entries)) if config.order == "newest-first" else list(entries)


def _meta(title: str | None, description: str, section: str, path: str,
          config: Config) -> dict[str, Any]:
    return {"title": title, "description": description, "section": section, "path": path,
            "canonical": config.base_url + path if path != "404.html" else None}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def plan_pages(graph: SiteGraph, config: Config,
               render_body: Callable[[Entry], str]) -> list[Page]:
    pages: list[Page] = []
    ordered = _ordered(graph.entries, config)
    years = sorted(graph.by_year, reverse=config.order == "newest-first")
    all_deps = frozenset({"entries"})

    pages.append(Page("", "home.html", {
        "page": _meta(None, config.description, "home", "", config),
        "groups": group_by_month(ordered), "years": years}, all_deps))

    for year in years:
        items = _ordered(graph.by_year[year], config)
        path = urls.year_path(year)
        pages.append(Page(path, "year.html", {
            "page": _meta(str(year), f"{_plural(len(items), 'engagement')} in {year}.",
                          "home", path, config),
            "year": year, "count": len(items), "years": years,
            "groups": group_by_month(items)}, frozenset({f"year:{year}", "entries"})))

    for entry in graph.entries:
        path = urls.entry_path(entry.slug)
        prev, nxt = graph.previous(entry), graph.next(entry)
        related = graph.related(entry)
        deps = {f"entry:{entry.slug}", *(f"person:{p}" for p in entry.people + entry.mentioned),
                *(f"forum:{f}" for f in entry.forums),
                *(f"entry:{e.slug}" for e in (prev, nxt, *related) if e)}
        pages.append(Page(path, "entry.html", {
            "page": _meta(entry.title, entry.summary or f"{entry.kind.capitalize()}, "
                          f"{entry.date.display()}.", "home", path, config),
            "e": entry, "body": render_body(entry), "prev": prev, "next": nxt,
            "related": related}, frozenset(deps)))

    people = sorted(graph.people.values(), key=lambda p: (-len(graph.by_person.get(p.id, [])),
                                                        p.name.casefold(), p.id))
    pages.append(Page("people/", "people.html", {
        "page": _meta("People", "Everyone in the timeline, by number of engagements.",
                      "people", "people/", config),
        "rows": [(p, graph.by_person.get(p.id, [])) for p in people]}, all_deps))
    for person in people:
        entries = graph.by_person.get(person.id, [])
        path = urls.person_path(person.id)
        pages.append(Page(path, "person.html", {
            "page": _meta(person.name, person.description or
                          f"{person.name}: {_plural(len(entries), 'engagement')}.",
                          "people", path, config),
            "p": person, "entries": entries,
            "mentions": _ordered(graph.mentions.get(person.id, []), config),
            "counterparts": graph.counterparts(person.id), "forums": graph.forums_of(person.id),
            "groups": group_by_month(_ordered(entries, config))},
            frozenset({f"person:{person.id}", "entries"})))

    forums = sorted(graph.forums.values(), key=lambda f: (-len(graph.by_forum.get(f.id, [])),
                                                        f.name.casefold(), f.id))
    pages.append(Page("forums/", "forums.html", {
        "page": _meta("Forums", "Forums and formats, by number of engagements.",
                      "forums", "forums/", config),
        "rows": [(f, graph.by_forum.get(f.id, [])) for f in forums]}, all_deps))
    for forum in forums:
        entries = graph.by_forum.get(forum.id, [])
        path = urls.forum_path(forum.id)
        pages.append(Page(path, "forum.html", {
            "page": _meta(forum.name, forum.description or
                          f"{forum.name}: {_plural(len(entries), 'engagement')}.",
                          "forums", path, config),
            "f": forum, "entries": entries, "participants": graph.participants(forum.id),
            "groups": group_by_month(_ordered(entries, config))},
            frozenset({f"forum:{forum.id}", "entries"})))

    pages.append(Page("404.html", "404.html", {
        "page": _meta("Page not found", "", "", "404.html", config)}, frozenset()))
    return pages
