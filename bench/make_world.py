#!/usr/bin/env python3
"""Decode a TopoJSON land outline into the rings the map is drawn from.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python bench/make_world.py package/land-110m.json generator/builder/data/land-110m.json

Each ring is a list of [x, y] with x = longitude + 180 and y = 90 - latitude,
rounded to 0.1 degree, repeated points dropped (see generator/builder/data/README.md).
"""

from __future__ import annotations

import json
import sys


def decode(topo: dict) -> list[list[list[float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # delta-encoded, quantised points
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    rings = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                points: list[tuple[float, float]] = []
                for i in indexes:
                    arc = arcs[i] if i >= 0 else arcs[~i][::-1]
                    points.extend(arc if not points else arc[1:])
                xy = [(round(lon + 180, 1), round(90 - lat, 1)) for lon, lat in points]
                kept = [xy[0]] + [p for a, p in zip(xy, xy[1:]) if p != a]
                if len(kept) >= 3:
                    rings.append([list(p) for p in kept])
    return rings


def main() -> int:
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8") as fh:
        rings = decode(json.load(fh))
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(rings, fh, separators=(",", ":"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
