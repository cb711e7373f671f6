"""What templates get for charts, feeds and search engines (added to Jinja globals).

``event_jsonld`` escapes ``<``, ``>`` and ``&`` as JSON unicode escapes, so no
field can end the ``<script>`` element it is printed in.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Callable

from markupsafe import Markup, escape

from generator.builder import charts, urls, worldmap
from generator.builder.graph import SiteGraph
from generator.builder.outputs import (CALENDAR, CSV_EXPORT, JSON_EXPORT, SEARCH_INDEX,
                                     calendar_path, feed_path)
from generator.config import Config
from generator.content.countries import pair_name
from generator.content.model import Entry

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data: Any) -> Markup:
    """JSON that is safe inside ``<script>``: it can never contain ``</script>``."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                  .translate(_SCRIPT_SAFE))


def event_data(entry: Entry, graph: SiteGraph, config: Config) -> dict[str, Any]:
    """schema.org ``Event`` for one engagement; partial dates stay partial (ISO 8601)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": entry.title,
        "startDate": entry.date.iso(),
        "url": config.base_url + urls.entry_path(entry.slug),
    }
    if entry.date.precision != "day":
        data["endDate"] = entry.date.last_day().isoformat()
    if entry.summary:
        data["description"] = entry.summary
    if entry.place:
        data["location"] = {"@type": "Place", "name": entry.place}
    if entry.people:
        data["attendee"] = [{"@type": "Person", "name": graph.people[p].name,
                             "url": config.base_url + urls.person_path(p)}
                            for p in entry.people]
    if entry.forums:
        data["keywords"] = ", ".join(graph.forums[f].name for f in entry.forums)
    return data


def axis_figure(entries: list[Entry], what: str, graph: SiteGraph | None = None,
                href: Callable[[str], str] | None = None, index: str | None = None) -> Markup:
    """The timeline axis in a ``<figure>`` whose caption says how to read it, and
    the script that makes it zoomable (``static/axis.js``; it does nothing
    without JavaScript, and one copy serves every axis of a page). With
    ``graph`` and ``href`` each mark carries its page and its people for the
    script's card; ``index`` is the search index for an axis of the whole site."""
    describe: dict[str, Any] = {}
    if graph is not None and href is not None:
        names = graph.all_people
        describe = {"href": lambda e: href(urls.entry_path(e.slug)),
                    "people": lambda e: ", ".join(names[p].name for p in e.people)}
    chart = charts.timeline_axis(entries, what, index=index, **describe)
    if not chart:
        return chart
    if len(entries) <= charts.DETAIL_LIMIT:
        how = ("A dot is an engagement dated to the day; a bar spans one known only to the "
               "month or the year.")
    else:
        how = ("Each bar counts the engagements of a month; a pale band, those known only "
               "to the year.")
    script = ""
    if href is not None:
        script = '<script src="{}" defer></script>'.format(escape(href("static/axis.js")))
    return Markup('<figure class="chart-figure"><div class="chart-scroll" tabindex="0" '
                  'role="region" aria-label="{}">{}</div><figcaption>{} {}</figcaption></figure>'
                  ).format(what, chart, what + ".", how) + Markup(script)


def template_globals(graph: SiteGraph, config: Config,
                     note: Callable[[str], None]) -> dict[str, Any]:
    """Globals for the theme: ``charts``, ``site_axis()``, ``event_jsonld(e)``, paths.
    A helper that reads more than its arguments tells ``note`` (see ``reads``)."""

    href = lambda path: config.base_path + path.lstrip("/")  # noqa: E731

    @lru_cache(maxsize=1)
    def whole_axis() -> Markup:
        return axis_figure(graph.entries, f"Timeline of {config.title}", graph, href,
                           index=href(SEARCH_INDEX))

    def site_axis() -> Markup:
        note("site_axis")
        return whole_axis()

    def axis_of(entries: list[Entry], name: str) -> Markup:
        return axis_figure(entries, f"Timeline of {name}", graph, href)

    @lru_cache(maxsize=1)
    def whole_map() -> Markup:
        return worldmap.map_figure(graph, graph.entries, "Where the engagements took place",
                                   href)

    def site_map() -> Markup:
        note("site_map")
        return whole_map()

    def map_of(entries: list[Entry], name: str) -> Markup:
        return worldmap.map_figure(graph, entries, f"Where the engagements of {name} took place",
                                   href)

    def ranked_peak(pairs: list) -> int:
        return max((n for _, n in pairs), default=0)

    return {
        "site_axis": site_axis, "axis_of": axis_of, "site_map": site_map, "map_of": map_of,
        "per_year_bars": charts.per_year_bars, "count_bar": charts.bar,
        "ranked_peak": ranked_peak,
        "event_jsonld": lambda e: script_json(event_data(e, graph, config)),
        "feed_path": feed_path, "calendar_path": calendar_path, "pair_name": pair_name,
        "place_slug": graph.place_index.page,
        "exports": {"calendar": CALENDAR, "json": JSON_EXPORT, "csv": CSV_EXPORT,
                    "search": SEARCH_INDEX},
    }
