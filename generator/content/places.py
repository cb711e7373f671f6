"""Where places are: coordinates from ``content/places.yaml`` (``lat``, ``lon``).

The builder draws a place on the world map only when this file gives its
coordinates; a place without them is listed under the map, never guessed.
Each name and alias of a place is a key, as the slug that names a place's page.
A problem in the file is a warning at its line: the converter, which reads
the same file, reports it as an error.
"""

from __future__ import annotations

import math
from pathlib import Path

from generator.content.slugs import slugify
from generator.content.yamlfile import LineMap, parse_yaml, read_text
from generator.errors import Problem, TimelineError, display_path

PLACES_FILE = "places.yaml"

Coordinates = tuple[float, float]  # (lat, lon) in degrees


def _degrees(fields: LineMap, key: str, limit: float) -> float | None:
    value = fields.get(key)
    if value is None or isinstance(value, bool):
        return None
    number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        raise ValueError(key)
    return number


def place_coordinates(path: Path, warnings: list[Problem]) -> dict[str, Coordinates]:
    """Place page name (the slug of any name or alias) -> (lat, lon), for every
    place ``path`` gives both for."""
    if not path.is_file():
        return {}
    shown = display_path(path)
    try:
        data = parse_yaml(read_text(path), shown)
    except TimelineError as exc:
        warnings.append(Problem(f"places not read for the map: {exc.message}", shown, exc.line,
                                "warning"))
        return {}
    found: dict[str, Coordinates] = {}
    if not isinstance(data, LineMap):
        return found
    for item_id, fields in data.items():
        if not isinstance(fields, LineMap) or fields.get("lat") is None:
            continue
        try:
            lat, lon = _degrees(fields, "lat", 90), _degrees(fields, "lon", 180)
        except (TypeError, ValueError):
            warnings.append(Problem(f"place '{item_id}': 'lat' must be a number within -90..90 "
                                    "and 'lon' within -180..180", shown,
                                    fields.line_of("lat"), "warning"))
            continue
        if lat is None or lon is None:
            continue
        names = [str(item_id), str(fields.get("name") or "")]
        aliases = fields.get("aliases")
        names += [str(a) for a in aliases] if isinstance(aliases, list) else []
        for name in names:
            if slugify(name):
                found.setdefault(slugify(name), (lat, lon))
    return found
