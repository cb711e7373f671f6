"""The page plan: every page of the site, its template, context and inputs.

Planning is cheap and renders nothing. A page's context is everything its
template is given; with the site-wide inputs (templates, config, registries)
and what the template read from site-wide helpers, it makes the page's
fingerprint (see ``fingerprint``), so a rebuild renders only pages whose
inputs changed, whatever the theme prints of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.builder import places, relations, urls
from generator.builder.affected import Selection
from generator.builder.graph import SiteGraph, group_by_month
from generator.config import Config
from generator.content.model import Entry

PAGE_SIZE = 200  # entries per page of a long list: keeps every page well under 1 MB
HOME_ENTRIES = 200  # the home page shows the latest ones; year pages have the rest


@dataclass
class Page:
    path: str  # site path: "entries/x/" or "404.html"
    template: str
    context: dict[str, Any]
    shows: list[Entry] = field(default_factory=list)  # what it lists: weighs its cost


# Planned by every build, also one that plans only the pages a few changed
# entries can reach (``affected``).
ALWAYS_PLANNED = ("", "people/", "forums/", "countries/", "places/")


def _ordered(entries: list[Entry], config: Config) -> list[Entry]:
    return list(reversed(entries)) if config.order == "newest-first" else list(entries)


def _meta(title: str | None, description: str, section: str, path: str,
          config: Config) -> dict[str, Any]:
    return {"title": title, "description": description, "section": section, "path": path,
            "canonical": config.base_url + path if path != "404.html" else None}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def paginate(path: str, items: list[Entry]) -> list[tuple[str, list[Entry], dict | None]]:
    """Split a list into pages ``path``, ``path/page/2/``...; pager info for each."""
    if len(items) <= PAGE_SIZE:
        return [(path, items, None)]
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
    paths = [path] + [f"{path}page/{n}/" for n in range(2, len(chunks) + 1)]
    out = []
    for i, chunk in enumerate(chunks):
        info = {"number": i + 1, "total": len(chunks), "pages": list(enumerate(paths, 1)),
                "prev": paths[i - 1] if i else None,
                "next": paths[i + 1] if i + 1 < len(paths) else None}
        out.append((paths[i], chunk, info))
    return out


def _shows(info: dict | None, everything: list[Entry], chunk: list[Entry]) -> list[Entry]:
    """Page 1 of a list sums up all its entries; later pages show only their own."""
    return everything if info is None or info["number"] == 1 else chunk


def _titled(title: str, info: dict | None) -> str:
    return f"{title}, page {info['number']}" if info and info["number"] > 1 else title


def plan_pages(graph: SiteGraph, config: Config, only: Selection | None = None) -> list[Page]:
    """Every page, or with ``only`` the home page, the indexes and the selected pages."""
    pages: list[Page] = []
    ordered = _ordered(graph.entries, config)
    years = sorted(graph.by_year, reverse=config.order == "newest-first")
    home = ordered[:HOME_ENTRIES] if config.order == "newest-first" else ordered[-HOME_ENTRIES:]
    shown_years = sorted({e.date.year for e in home})
    older = [y for y in years if y not in shown_years or
             len(graph.by_year[y]) > sum(1 for e in home if e.date.year == y)]
    pages.append(Page("", "home.html", {
        "page": _meta(None, config.description, "home", "", config),
        "groups": group_by_month(home), "years": years, "shown_years": shown_years,
        "older": older if len(home) < len(ordered) else [], "shown": len(home),
        "total": len(ordered)}, home))

    for year in years:
        if only and str(year) not in only.years:
            continue
        items = _ordered(graph.by_year[year], config)
        for path, chunk, info in paginate(urls.year_path(year), items):
            pages.append(Page(path, "year.html", {
                "page": _meta(_titled(str(year), info),
                              f"{_plural(len(items), 'engagement')} in {year}.", "home", path,
                              config),
                "year": year, "count": len(items), "years": years,
                "groups": group_by_month(chunk), "pager_info": info},
                _shows(info, items, chunk)))

    for entry in graph.entries:
        if only and entry.slug not in only.entries:
            continue
        path = urls.entry_path(entry.slug)
        prev, nxt = graph.previous(entry), graph.next(entry)
        related = graph.related(entry)
        pages.append(Page(path, "entry.html", {
            "page": _meta(entry.title, entry.summary or f"{entry.kind.capitalize()}, "
                          f"{entry.date.display()}.", "home", path, config),
            "e": entry, "prev": prev, "next": nxt, "related": related,
            "countries": relations.entry_countries(graph, entry),
            "relations": relations.entry_relations(graph, entry)},
            [entry, *(e for e in (prev, nxt) if e), *related]))

    people = sorted(graph.people.values(), key=lambda p: (-len(graph.by_person.get(p.id, [])),
                                                        p.name.casefold(), p.id))
    pages.append(Page("people/", "people.html", {
        "page": _meta("People", "Everyone in the timeline, by number of engagements.",
                      "people", "people/", config),
        "rows": [(p, graph.by_person.get(p.id, [])) for p in people]}, graph.entries))
    for person in people:
        if only and person.id not in only.people:
            continue
        entries = graph.by_person.get(person.id, [])
        mentions = graph.mentions.get(person.id, [])
        description = person.description or f"{person.name}: {_plural(len(entries), 'engagement')}."
        counterparts, person_forums = graph.counterparts(person.id), graph.forums_of(person.id)
        pages += _timeline_pages(
            urls.person_path(person.id), "person.html", person.name, description, "people",
            {"p": person, "country": graph.country_of.get(person.id)},
            {"mentions": _ordered(mentions, config), "counterparts": counterparts,
             "forums": person_forums}, entries, config, shown=entries + mentions)

    forums = sorted(graph.forums.values(), key=lambda f: (-len(graph.by_forum.get(f.id, [])),
                                                        f.name.casefold(), f.id))
    pages.append(Page("forums/", "forums.html", {
        "page": _meta("Forums", "Forums and formats, by number of engagements.",
                      "forums", "forums/", config),
        "rows": [(f, graph.by_forum.get(f.id, [])) for f in forums]}, graph.entries))
    for forum in forums:
        if only and forum.id not in only.forums:
            continue
        entries = graph.by_forum.get(forum.id, [])
        description = forum.description or f"{forum.name}: {_plural(len(entries), 'engagement')}."
        participants = graph.participants(forum.id)
        pages += _timeline_pages(urls.forum_path(forum.id), "forum.html", forum.name, description,
                                 "forums", {"f": forum}, {"participants": participants},
                                 entries, config)

    pages += country_pages(graph, config, only)
    pages += relation_pages(graph, config, only)
    pages += place_pages(graph, config, only)
    if not only:
        pages.append(Page("404.html", "404.html", {
            "page": _meta("Page not found", "", "", "404.html", config)}))
    return pages


def _timeline_pages(base: str, template: str, name: str, description: str, section: str,
                    subject: dict, summary: dict, entries: list, config: Config,
                    shown: list | None = None) -> list[Page]:
    """The paged timeline of one person, forum, country, pair or place, each
    page with its chunk of ``entries`` grouped by month and ``count``, the
    total. The first page also gets ``summary`` and every entry; a later page
    gets only its own entries (oldest first), so that a change to one entry
    renders the page that shows it, not every page of its timeline."""
    pages = []
    for path, chunk, info in paginate(base, _ordered(entries, config)):
        first = info is None or info["number"] == 1
        own = entries if first else _ordered(chunk, config)  # oldest first again
        context = {"page": _meta(_titled(name, info), description, section, path, config),
                   **subject, **(summary if first else {}), "entries": own,
                   "count": len(entries), "groups": group_by_month(chunk), "pager_info": info}
        pages.append(Page(path, template, context,
                          _shows(info, shown if shown is not None else entries, chunk)))
    return pages


def country_pages(graph: SiteGraph, config: Config, only: Selection | None) -> list[Page]:
    """``countries/`` (always) and a page per country with engagements."""
    order = sorted(graph.countries.values(), key=lambda c: (-len(graph.by_country[c.code]),
                                                           c.name, c.code))
    pages = [Page("countries/", "countries.html", {
        "page": _meta("Countries", "Countries in the timeline, by number of engagements.",
                      "countries", "countries/", config),
        "rows": [(c, graph.by_country[c.code], len(relations.counterpart_countries(graph, c.code)))
                 for c in order]}, graph.entries)]
    for country in order:
        if only and country.code not in only.countries:
            continue
        entries = graph.by_country[country.code]
        description = f"{country.name}: {_plural(len(entries), 'engagement')}."
        summary = {"people": relations.country_people(graph, country.code),
                  "counterparts": relations.counterpart_countries(graph, country.code),
                  "forums": relations.ranked_forums(graph, entries),
                  "places": places.ranked_places(graph, entries)}
        pages += _timeline_pages(urls.country_path(country.code), "country.html", country.name,
                                 description, "countries", {"c": country}, summary, entries,
                                 config)
    return pages


def relation_pages(graph: SiteGraph, config: Config, only: Selection | None) -> list[Page]:
    """A page per pair of countries that met: ``relations/<a>-<b>/``."""
    pages = []
    for pair, relation in graph.relations.items():
        if only and pair not in only.relations:
            continue
        entries = graph.by_pair[pair]
        description = (f"{relation.a.name} and {relation.b.name}: "
                       f"{_plural(len(entries), 'engagement')} where both took part.")
        summary = {"levels": relations.levels(graph, entries, relation),
                  "places": places.ranked_places(graph, entries),
                  "forums": relations.ranked_forums(graph, entries),
                  "gaps": relations.gaps(entries)}
        pages += _timeline_pages(urls.relation_path(pair), "relation.html", relation.name,
                                 description, "countries", {"r": relation}, summary, entries,
                                 config)
    return pages


def place_pages(graph: SiteGraph, config: Config, only: Selection | None) -> list[Page]:
    """``places/`` (always) and a page per place some entry names."""
    order = sorted(graph.places, key=lambda s: (-len(graph.by_place[s]),
                                                graph.places[s].casefold(), s))
    pages = [Page("places/", "places.html", {
        "page": _meta("Places", "Where the engagements took place, by number of engagements.",
                      "places", "places/", config),
        "rows": [(s, graph.places[s], graph.by_place[s]) for s in order]}, graph.entries)]
    for slug in order:
        if only and slug not in only.places:
            continue
        name, entries = graph.places[slug], graph.by_place[slug]
        where = graph.place_locations[slug]
        summary = {"spellings": graph.place_spellings[slug],
                  "location": {"lat": where.coordinates[0], "lon": where.coordinates[1],
                               "source": where.source} if where.coordinates else
                              {"shared": where.shared},
                  "countries": places.countries_at(graph, slug),
                  "forums": relations.ranked_forums(graph, entries)}
        pages += _timeline_pages(urls.place_path(slug), "place.html", name,
                                 f"{name}: {_plural(len(entries), 'engagement')} held there.",
                                 "places", {"slug": slug, "name": name}, summary, entries,
                                 config)
    return pages
