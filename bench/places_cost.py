#!/usr/bin/env python3
"""What places cost a build: grouping entries by place and finding coordinates.

    python bench/places_cost.py CORPUS [--runs 5]

CORPUS is a site folder (``bench/make_corpus.py`` writes one). Loads its
content once, then times ``index_places`` in this process: cold (the
gazetteer's ``city_keys.tsv`` read and the bundled ``places.yaml`` parsed on
first use, as in a new ``timeline build`` process) and warm (a new ``Places``
as after a ``places.yaml`` change in ``timeline serve``, the gazetteer kept).
Prints the medians and where each place's coordinates came from.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.builder.graph import build_graph  # noqa: E402
from generator.builder.places import index_places  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.content import gazetteer  # noqa: E402
from generator.content.loader import load_content  # noqa: E402
from generator.content.places import Places  # noqa: E402


def forget_gazetteer() -> None:
    for cached in (gazetteer._lines, gazetteer.cities_named, gazetteer.canonical_places,
                   gazetteer.city_key):
        cached.cache_clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    config = load_config(args.corpus / "timeline.yaml")
    content = load_content(config.content, lazy=True)
    graph = build_graph(content)
    cold, warm, parts = [], [], {"read city_keys.tsv": [], "parse the bundled places.yaml": []}
    for _ in range(args.runs):
        forget_gazetteer()
        started = time.perf_counter()
        index_places(graph, Places(content.places.site))
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        index_places(graph, Places(content.places.site))
        warm.append(time.perf_counter() - started)
        forget_gazetteer()
        for name, step in (("read city_keys.tsv", gazetteer._lines),
                           ("parse the bundled places.yaml", gazetteer.canonical_places)):
            started = time.perf_counter()
            step()
            parts[name].append(time.perf_counter() - started)
    placed = sum(1 for where in graph.place_locations.values() if where.coordinates)
    print(f"{len(graph.entries)} entries, {len(graph.places)} places, {placed} on the map")
    print(f"index_places cold: {statistics.median(cold) * 1000:.1f} ms, "
          f"warm: {statistics.median(warm) * 1000:.1f} ms (medians of {args.runs})")
    for name, times in parts.items():
        print(f"  of which {name}: {statistics.median(times) * 1000:.1f} ms")
    sources: dict[str | None, int] = {}
    for where in graph.place_locations.values():
        sources[where.source] = sources.get(where.source, 0) + 1
    print("coordinates from:", ", ".join(f"{k or 'none'} {v}" for k, v in sorted(
        sources.items(), key=lambda kv: str(kv[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
