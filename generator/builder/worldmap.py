"""The world map: where engagements took place, drawn at build time.

The land is one SVG file (``map/land.svg``) drawn from Natural Earth's 1:110m
outline shipped in ``data/`` (see its README), shown as an image; each page's
map lays a dot per place over it, sized by its number of engagements and
linking to the place's page. Places without coordinates (from ``places.yaml``
or the gazetteer, see ``content.places``) are listed under the map, never guessed. Equirectangular, cut at 80° N and
60° S, so no JavaScript and no other host is needed.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from markupsafe import Markup, escape

from generator.builder import urls
from generator.builder.places import ranked_places
from generator.content.model import Entry

LAND_FILE = "map/land.svg"
DATA = Path(__file__).resolve().parent / "data" / "land-110m.json"
TOP, BOTTOM = 10, 150  # y of 80° N and 60° S: y = 90 - latitude
WIDTH = 360


@functools.lru_cache(maxsize=1)
def land_svg() -> bytes:
    """The land outline as a standalone SVG file."""
    rings = [ring for raw in json.loads(DATA.read_text(encoding="utf-8"))
             for ring in _unwrapped(raw)]
    path = "".join("M" + "L".join(f"{_num(x)} {_num(y)}" for x, y in ring) + "Z"
                   for ring in rings)
    return ('<svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 {TOP} {WIDTH} {BOTTOM - TOP}" width="{WIDTH * 2}" '
            f'height="{(BOTTOM - TOP) * 2}"><path fill="#b9c3cf" d="{path}"/></svg>\n'
            ).encode("utf-8")


def _unwrapped(ring: list[list[float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the 180th meridian (Chukotka, Fiji) as one shape
    running past the map's edge, and again shifted by 360° to show the other
    side; the image's bounds cut both. Other rings as they are."""
    points = [(ring[0][0], ring[0][1])]
    for x, y in ring[1:]:
        last = points[-1][0]
        x += 360 * round((last - x) / 360)  # the nearest copy of x to the last point
        points.append((x, y))
    low, high = min(x for x, _ in points), max(x for x, _ in points)
    copies = [points]
    if low < 0:
        copies.append([(x + 360, y) for x, y in points])
    if high > WIDTH:
        copies.append([(x - 360, y) for x, y in points])
    return copies


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _dot(slug: str, name: str, count: int, lat: float, lon: float, peak: int,
         href) -> str:
    x, y = lon + 180, min(max(90 - lat, TOP), BOTTOM)
    r = 2 + 4 * math.sqrt(count / peak)
    label = escape(f"{name}: {count} engagement{'' if count == 1 else 's'}")
    return (f'<a href="{escape(href(urls.place_path(slug)))}" aria-label="{label}">'
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}"><title>{label}</title>'
            '</circle></a>')


def map_figure(graph, entries: list[Entry], what: str, href) -> Markup:
    """The map of ``entries``' places in a ``<figure>``; "" when they name none.
    ``href`` turns a site path into a link (under the base path)."""
    placed = ranked_places(graph, entries)
    if not placed:
        return Markup("")
    known = [(s, n, c, *graph.place_coordinates[s]) for s, n, c in placed
             if s in graph.place_coordinates]
    missing = [(s, n, c) for s, n, c in placed if s not in graph.place_coordinates]
    peak = max(c for _, _, c in placed)
    dots = "".join(_dot(*dot, peak, href) for dot in reversed(known))  # small ones on top
    listed = ", ".join(f'<a href="{escape(href(urls.place_path(s)))}">{escape(n)}</a> ({c}'
                       + ("; several cities have this name" if _shared(graph, s) else "") + ")"
                       for s, n, c in missing)
    note = (f'<p class="map-missing">Not on the map (no coordinates known): {listed}.</p>'
            if missing else "")
    return Markup(
        f'<figure class="map-figure"><div class="map-canvas">'
        f'<img src="{escape(href(LAND_FILE))}" alt="" width="{WIDTH * 2}" '
        f'height="{(BOTTOM - TOP) * 2}">'
        f'<svg class="map-dots" viewBox="0 {TOP} {WIDTH} {BOTTOM - TOP}" role="group" '
        f'aria-label="{escape(what)}">{dots}</svg></div>'
        f"<figcaption>{escape(what)}: a dot per place, larger for more engagements; each "
        f"links to its place. {len(known)} of {len(placed)} places shown.</figcaption>"
        f"</figure>{note}")


def _shared(graph, slug: str) -> bool:
    where = graph.place_locations.get(slug)
    return bool(where and where.shared)


def map_key(graph) -> str:
    """What the whole site's map depends on besides the site digest (which
    covers ``places.yaml``, and the code digest the bundled gazetteer): each
    place's name shown and count (its location follows from its name)."""
    return "|".join(f"{s}:{n}:{c}" for s, n, c in ranked_places(graph, graph.entries))
